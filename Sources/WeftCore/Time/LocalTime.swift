import Foundation

/// Shows stored UTC instants in a viewer's time zone.
public struct LocalTime: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar
    private let offsets: ZoneOffsets

    public init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        c.minimumDaysInFirstWeek = 4
        calendar = c
        offsets = ZoneOffsets(timeZone)
    }

    public struct Parts: Hashable, Sendable {
        public var year, month, day, hour, minute, weekday: Int
    }

    /// The local date and time of `t`: its zone's offset then, and arithmetic
    /// (a list shows a time on every row; asking the calendar each time cost
    /// about 25,000 instructions).
    public func parts(_ t: Timestamp) -> Parts {
        let local = t.milliseconds + offsets.milliseconds(at: t.milliseconds)
        let days = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        let msOfDay = local - days * 86_400_000
        let (y, m, d) = CivilDate.fromDays(days)
        // 1970-01-01 was a Thursday (5, with 1 = Sunday).
        let weekday = Int(((days % 7) + 7 + 4) % 7) + 1
        return Parts(year: Int(y), month: Int(m), day: Int(d), hour: Int(msOfDay / 3_600_000),
                     minute: Int(msOfDay / 60_000 % 60), weekday: weekday)
    }

    /// The number of the local day that holds `t` (days since 1970-01-01, local).
    public func dayNumber(_ t: Timestamp) -> Int64 {
        let local = t.milliseconds + offsets.milliseconds(at: t.milliseconds)
        return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    }

    /// `2026-11-22 14:05`
    public func format(_ t: Timestamp) -> String {
        let p = parts(t)
        return "\(p.year)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    /// `14:05` when `t` is on the same local day as `now`, `Nov 21` within the year, else `2025-11-21`.
    public func brief(_ t: Timestamp, now: Timestamp) -> String {
        let p = parts(t), n = parts(now)
        if p.year == n.year && p.month == n.month && p.day == n.day { return "\(two(p.hour)):\(two(p.minute))" }
        if p.year == n.year { return "\(Self.months[p.month - 1]) \(p.day)" }
        return "\(p.year)-\(two(p.month))-\(two(p.day))"
    }

    /// `Sun 14:05`: a person's local clock now.
    public func clock(_ t: Timestamp) -> String {
        let p = parts(t)
        return "\(Self.weekdays[p.weekday - 1]) \(two(p.hour)):\(two(p.minute))"
    }

    /// Minutes after local midnight.
    public func minuteOfDay(_ t: Timestamp) -> Int {
        let p = parts(t)
        return p.hour * 60 + p.minute
    }

    /// The instant of a local wall-clock time (the earlier one when ambiguous).
    public func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) -> Timestamp? {
        var dc = DateComponents()
        dc.year = year; dc.month = month; dc.day = day; dc.hour = hour; dc.minute = minute
        guard let d = calendar.date(from: dc) else { return nil }
        return Timestamp(d)
    }

    /// Local midnight starting the day that holds `t`, plus `days` days.
    public func startOfDay(_ t: Timestamp, addingDays days: Int = 0) -> Timestamp {
        let start = calendar.startOfDay(for: t.date)
        let moved = calendar.date(byAdding: .day, value: days, to: start) ?? start
        return Timestamp(moved)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}

private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

/// A time zone's offset from UTC, remembered per UTC day: at the day's start,
/// and after the one change (a daylight-saving transition) the day may have.
/// A day with more than one change is looked up instant by instant.
private final class ZoneOffsets: @unchecked Sendable {
    private struct Day {
        var offset: Int64
        var change: (at: Int64, offset: Int64)?
        var irregular: Bool
    }

    private let zone: TimeZone
    private let days = Memo<Int64, Day>()
    /// Many a `LocalTime` shows one time (a member's clock): the first lookup
    /// asks the zone once and remembers nothing.
    private let lock = NSLock()
    private var used = false

    init(_ zone: TimeZone) { self.zone = zone }

    func milliseconds(at ms: Int64) -> Int64 {
        let first = lock.withLock {
            defer { used = true }
            return !used
        }
        if first { return offset(at: ms) }
        let key = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let day = days.value(key) { remember(key) }
        if day.irregular { return offset(at: ms) }
        if let change = day.change, ms >= change.at { return change.offset }
        return day.offset
    }

    private func offset(at ms: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ms) / 1000))) * 1000
    }

    private func remember(_ key: Int64) -> Day {
        let start = key * 86_400_000, end = start + 86_400_000
        var day = Day(offset: offset(at: start), change: nil, irregular: false)
        if let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(start) / 1000)) {
            let at = Int64((next.timeIntervalSince1970 * 1000).rounded())
            if at < end {
                day.change = (at, offset(at: at))
                if let again = zone.nextDaylightSavingTimeTransition(after: next),
                   Int64((again.timeIntervalSince1970 * 1000).rounded()) < end {
                    day.irregular = true
                }
            }
        }
        // The offset at the day's end is checked too: should a change not be
        // reported as a transition, the day is looked up instant by instant.
        if offset(at: end - 1) != (day.change?.offset ?? day.offset) { day.irregular = true }
        return day
    }
}
