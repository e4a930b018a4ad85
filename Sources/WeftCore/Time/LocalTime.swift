import Foundation

/// Shows stored UTC instants in a viewer's time zone.
public struct LocalTime: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        c.minimumDaysInFirstWeek = 4
        calendar = c
    }

    public struct Parts: Hashable, Sendable {
        public var year, month, day, hour, minute, weekday: Int
    }

    public func parts(_ t: Timestamp) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: t.date)
        return Parts(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0,
                     minute: c.minute ?? 0, weekday: c.weekday ?? 1)
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
