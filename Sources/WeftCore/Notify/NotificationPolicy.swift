import Foundation

/// A person's notification settings: their time zone and working hours
/// (public, from their profile) and the rest (private): cadence, per-board
/// cadences and levels, and snooze-all.
public struct NotificationSettings: Hashable, Sendable {
    public var timeZone: TimeZone
    public var cadence: Cadence
    public var boardCadence: [BoardSlug: Cadence]
    public var boardLevel: [BoardSlug: BoardLevel]
    /// Working hours; nil means any time is fine.
    public var schedule: WorkSchedule?
    /// "Work can wait": hold items that arrive outside working hours until they start.
    public var holdOutsideHours: Bool
    public var snooze: Snooze?

    public init(timeZone: TimeZone, cadence: Cadence = .instant, boardCadence: [BoardSlug: Cadence] = [:],
                boardLevel: [BoardSlug: BoardLevel] = [:], schedule: WorkSchedule? = nil, holdOutsideHours: Bool = true,
                snooze: Snooze? = nil) {
        self.timeZone = timeZone
        self.cadence = cadence
        self.boardCadence = boardCadence
        self.boardLevel = boardLevel
        self.schedule = schedule
        self.holdOutsideHours = holdOutsideHours
        self.snooze = snooze
    }

    public func level(_ board: BoardSlug?) -> BoardLevel { board.flatMap { boardLevel[$0] } ?? .normal }
    public func cadence(_ board: BoardSlug?) -> Cadence { board.flatMap { boardCadence[$0] } ?? cadence }
}

/// Snooze-all: nothing that becomes due from `from` until `until` is delivered before `until`.
public struct Snooze: Hashable, Sendable {
    public var from: Timestamp
    public var until: Timestamp
    public init(from: Timestamp, until: Timestamp) {
        self.from = from
        self.until = until
    }
}

/// Something that may go to a person's inbox: what kind, on which board, and
/// when it happened (for a follow-up due, 24 hours before the due time; for a
/// reminder, its time).
public struct InboxCandidate: Hashable, Sendable {
    public var kind: InboxKind
    public var board: BoardSlug?
    public var arrived: Timestamp
    /// The person snoozed this one item until then.
    public var snoozedUntil: Timestamp?
    public init(kind: InboxKind, board: BoardSlug?, arrived: Timestamp, snoozedUntil: Timestamp? = nil) {
        self.kind = kind
        self.board = board
        self.arrived = arrived
        self.snoozedUntil = snoozedUntil
    }
}

/// Whether an item is shown now.
public enum Delivery: Hashable, Sendable {
    /// In the inbox since `at`.
    case delivered(at: Timestamp)
    /// Not yet: it will be delivered at `until`.
    case held(until: Timestamp)
    /// Never (the board's level does not admit it).
    case dropped
}

/// The rules that decide, for a pinned `now`, which inbox items a person sees
/// and which wait. This is the only place they live: the store and the CLI
/// ask it, and tests pin the clock.
///
/// An item is dropped when its board's level does not admit its kind. Else
/// its delivery time is the first slot of the board's cadence at or after it
/// arrived, moved to the next start of working hours when that is outside
/// them ("work can wait"). Reminders keep their own time. An item snoozed by
/// itself waits until the time chosen. Snooze-all moves
/// anything due during the snooze to its end (and again to working hours).
public struct NotificationPolicy: Sendable {
    public let settings: NotificationSettings
    public let local: LocalTime

    /// Work starts per local day, worked out once each (an inbox places
    /// thousands of items, mostly on a few days).
    private let starts = Memo<Int64, WorkSchedule.DayStarts>()

    public init(_ settings: NotificationSettings) {
        self.settings = settings
        local = LocalTime(settings.timeZone)
    }

    /// When the item is (or will be) delivered; nil when it never is.
    public func deliveryTime(_ c: InboxCandidate) -> Timestamp? {
        guard settings.level(c.board) >= c.kind.minimumLevel else { return nil }
        var t = c.arrived
        if !c.kind.isExact {
            t = settings.cadence(c.board).nextSlot(atOrAfter: t, in: local)
            t = workingTime(t)
        }
        if let until = c.snoozedUntil, until > t { t = until }
        if let s = settings.snooze, t >= s.from, t < s.until {
            t = c.kind.isExact ? s.until : workingTime(s.until)
        }
        return t
    }

    private func workingTime(_ t: Timestamp) -> Timestamp {
        guard settings.holdOutsideHours, let schedule = settings.schedule else { return t }
        if schedule.contains(t, in: local) { return t }
        let day = starts.value(local.dayNumber(t)) { schedule.starts(onDayOf: t, in: local) }
        return schedule.nextStart(atOrAfter: t, in: local, starts: day)
    }

    public func decide(_ c: InboxCandidate, now: Timestamp) -> Delivery {
        guard let t = deliveryTime(c) else { return .dropped }
        return t <= now ? .delivered(at: t) : .held(until: t)
    }

    /// The earliest time after `now` at which one of `candidates` is delivered:
    /// when a screen showing the inbox must look again even if nothing was written.
    public func nextChange(_ candidates: [InboxCandidate], now: Timestamp) -> Timestamp? {
        candidates.compactMap { c -> Timestamp? in
            if case .held(let until) = decide(c, now: now) { return until }
            return nil
        }.min()
    }
}
