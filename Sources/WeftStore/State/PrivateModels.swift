import WeftCore

/// A private reminder ("remind me"): a thread or comment and a time.
public struct Reminder: Hashable, Sendable {
    public var id: EventID
    public var target: EventID
    public var thread: EventID?
    public var board: BoardSlug?
    public var at: Timestamp
    public var note: String?
    public var createdAt: Timestamp
    public var done: Bool

    public init(id: EventID, target: EventID, thread: EventID?, board: BoardSlug?, at: Timestamp, note: String?,
                createdAt: Timestamp, done: Bool = false) {
        self.id = id
        self.target = target
        self.thread = thread
        self.board = board
        self.at = at
        self.note = note
        self.createdAt = createdAt
        self.done = done
    }
}

/// The private part of a person's notification settings (the public part, time
/// zone and working hours, is their `member.profile`).
public struct NotificationPrefs: Hashable, Sendable {
    public var cadence: Cadence = .instant
    public var workdays: Set<Int> = WorkSchedule.weekdays
    public var holdOutsideHours = true
    public var snooze: Snooze?
    public var boardLevels: [BoardSlug: BoardLevel] = [:]
    /// When each board's level was set: a new watch does not flood the inbox with the past.
    public var boardSince: [BoardSlug: Timestamp] = [:]
    public var boardCadences: [BoardSlug: Cadence] = [:]

    public init() {}
}

/// What the person did with one inbox item.
public struct InboxMark: Hashable, Sendable {
    public var seenAt: Timestamp?
    public var doneAt: Timestamp?
    public var snoozedUntil: Timestamp?
}
