import Foundation

/// When a check-in asks its question: some weekdays at one local time, e.g.
/// `fri 16:00`, `mon,thu 09:30`, `weekdays 09:00` or `daily 17:00`. The time is
/// each person's own wall clock, so one schedule happens at different instants
/// for people in different zones.
public struct Recurrence: Hashable, Sendable, CustomStringConvertible {
    /// ISO weekdays, 1 = Monday … 7 = Sunday, ascending.
    public let weekdays: [Int]
    public let hour: Int
    public let minute: Int

    public init?(weekdays: [Int], hour: Int, minute: Int) {
        let days = Array(Set(weekdays)).sorted()
        guard !days.isEmpty, days.allSatisfy({ (1...7).contains($0) }), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.weekdays = days
        self.hour = hour
        self.minute = minute
    }

    static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Reads `fri 16:00`, `friday 16:00`, `mon,thu 09:30`, `weekdays 9:00`, `daily 17:00`.
    public init(parsing text: String) throws(RecurrenceError) {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").map(String.init)
        guard words.count == 2, let hm = DueParser.clock(words[1]) else { throw .unreadable(text) }
        var days: [Int] = []
        switch words[0] {
        case "daily", "everyday": days = Array(1...7)
        case "weekdays", "weekday": days = Array(1...5)
        default:
            for name in words[0].split(separator: ",") {
                // DueParser numbers Sunday 1 … Saturday 7.
                guard let d = DueParser.weekday(String(name)) else { throw .unreadable(text) }
                days.append(d == 1 ? 7 : d - 1)
            }
        }
        guard let r = Recurrence(weekdays: days, hour: hm.0, minute: hm.1) else { throw .unreadable(text) }
        self = r
    }

    /// `fri 16:00`, `mon,thu 09:30`, `weekdays 09:00`, `daily 17:00`: reads back as the same schedule.
    public var description: String {
        let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        let days: String
        if weekdays == Array(1...7) { days = "daily" } else if weekdays == Array(1...5) { days = "weekdays" } else {
            days = weekdays.map { Self.names[$0 - 1] }.joined(separator: ",")
        }
        return days + " " + time
    }

    /// The instants of this schedule in `zone` from `from` (inclusive) to `to`
    /// (exclusive), oldest first, each with its local day (the occurrence's name).
    public func occurrences(in zone: TimeZone, from: Timestamp, to: Timestamp) -> [Occurrence] {
        guard from < to else { return [] }
        let cal = WeekCalendar(zone)
        var day = cal.day(of: from)
        let last = cal.day(of: to)
        var out: [Occurrence] = []
        while day <= last {
            if weekdays.contains(day.isoWeekday),
               let t = cal.local.instant(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute),
               t >= from, t < to {
                out.append(Occurrence(day: day, at: t))
            }
            day = day.adding(days: 1)
        }
        return out
    }

    /// The latest occurrence at or before `now` in `zone` (looking back at most two weeks).
    public func latest(in zone: TimeZone, atOrBefore now: Timestamp) -> Occurrence? {
        occurrences(in: zone, from: now.adding(seconds: -15 * 86400), to: now.adding(seconds: 1)).last
    }

    /// One time a recurring question is asked of one person.
    public struct Occurrence: Hashable, Sendable {
        /// The person's local day: answers name their occurrence by it (`2026-11-20`).
        public var day: CivilDay
        public var at: Timestamp
    }
}

/// Why a schedule could not be read.
public enum RecurrenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let s):
            return "cannot read the schedule '\(Inert.line(s))': use a weekday and a time such as 'fri 16:00', 'mon,thu 09:30', 'weekdays 09:00' or 'daily 17:00'"
        }
    }
}
