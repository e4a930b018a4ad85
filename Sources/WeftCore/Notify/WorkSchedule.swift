import Foundation

/// When a person works: their working hours (public, from their profile) on
/// some weekdays (Monday to Friday unless they choose others).
///
/// Hours that cross midnight (`22:00-06:00`) belong to the day they start on:
/// with Monday to Friday, Friday 22:00 to Saturday 06:00 is working time and
/// Sunday 22:00 is not.
public struct WorkSchedule: Hashable, Sendable, CustomStringConvertible {
    public var hours: WorkingHours
    /// Weekdays the hours start on, 1 = Sunday … 7 = Saturday.
    public var days: Set<Int>

    public static let weekdays: Set<Int> = [2, 3, 4, 5, 6]

    public init(hours: WorkingHours, days: Set<Int> = WorkSchedule.weekdays) {
        self.hours = hours
        self.days = days
    }

    /// Reads a day list such as `mon-fri`, `mon,wed,fri`, `sun-thu` or `all`.
    public static func days(parsing input: String) throws(ValidationError) -> Set<Int> {
        let text = input.lowercased()
        if text == "all" || text == "every day" { return Set(1...7) }
        var out: Set<Int> = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(ends.count), let a = DueParser.weekday(ends[0]) else { throw .badWorkdays(input) }
            guard ends.count == 2 else { out.insert(a); continue }
            guard let b = DueParser.weekday(ends[1]) else { throw .badWorkdays(input) }
            var d = a
            while true {
                out.insert(d)
                if d == b { break }
                d = d % 7 + 1
            }
        }
        guard !out.isEmpty else { throw .badWorkdays(input) }
        return out
    }

    /// `mon-fri`, or a comma list.
    public static func daysText(_ days: Set<Int>) -> String {
        if days == weekdays { return "mon-fri" }
        if days.count == 7 { return "all" }
        let order = [2, 3, 4, 5, 6, 7, 1]
        return order.filter(days.contains).map { weekdayNames[$0 - 1] }.joined(separator: ",")
    }

    public var description: String { "\(Self.daysText(days)) \(hours)" }

    /// Whether `t` is working time in the zone of `local`.
    public func contains(_ t: Timestamp, in local: LocalTime) -> Bool {
        let p = local.parts(t)
        let m = p.hour * 60 + p.minute
        let yesterday = p.weekday == 1 ? 7 : p.weekday - 1
        if hours.start < hours.end {
            return days.contains(p.weekday) && m >= hours.start && m < hours.end
        }
        return (days.contains(p.weekday) && m >= hours.start) || (days.contains(yesterday) && m < hours.end)
    }

    /// `t` when it is working time, else the next start of working hours.
    public func nextStart(atOrAfter t: Timestamp, in local: LocalTime) -> Timestamp {
        if contains(t, in: local) { return t }
        return nextStart(atOrAfter: t, in: local, starts: starts(onDayOf: t, in: local))
    }

    /// The same, given ``starts(onDayOf:in:)`` for `t`'s day (which depends on the
    /// day alone, so a caller placing many times may keep it per day).
    public func nextStart(atOrAfter t: Timestamp, in local: LocalTime, starts: DayStarts) -> Timestamp {
        if contains(t, in: local) { return t }
        if let today = starts.today, today >= t { return today }
        return starts.later ?? t
    }

    /// When work starts on the local day holding `t`, and on the first later day.
    public struct DayStarts: Sendable {
        /// Nil when the day is no working day (or its start time does not exist there).
        public var today: Timestamp?
        /// The start on the first working day after it, within a week.
        public var later: Timestamp?
    }

    public func starts(onDayOf t: Timestamp, in local: LocalTime) -> DayStarts {
        var out = DayStarts()
        for d in 0...8 {
            let day = local.startOfDay(t, addingDays: d)
            guard days.contains(local.parts(day).weekday), let s = local.at(minute: hours.start, onDayOf: day) else { continue }
            // A later day's start is after all of `t`'s day.
            if d == 0 { out.today = s } else { out.later = s; break }
        }
        return out
    }
}
