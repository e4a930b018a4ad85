import Foundation

/// ISO weeks as a person in one time zone lives them: which week an instant falls
/// in, and the instants a week starts and ends at (local midnights, so a week
/// with a daylight-saving change is an hour shorter or longer than 168 hours).
public struct WeekCalendar: Sendable {
    public let local: LocalTime

    public init(_ timeZone: TimeZone) {
        local = LocalTime(timeZone)
    }

    /// The local calendar day of an instant.
    public func day(of t: Timestamp) -> CivilDay {
        let p = local.parts(t)
        return CivilDay(year: p.year, month: p.month, day: p.day)
    }

    /// `Digest.week(containing:in:)`: the ISO week of an instant in this zone.
    public func week(containing t: Timestamp) -> ISOWeek {
        ISOWeek(containing: day(of: t))
    }

    /// Local midnight starting a day (the first instant of the day where midnight
    /// does not exist because the clocks jump).
    public func start(of day: CivilDay) -> Timestamp {
        guard let guess = local.instant(year: day.year, month: day.month, day: day.day) else {
            return Timestamp(milliseconds: day.daysSinceEpoch * 86_400_000)
        }
        return local.startOfDay(guess)
    }

    /// From Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive), local time.
    public func interval(of week: ISOWeek) -> Range<Timestamp> {
        start(of: week.monday)..<start(of: week.next.monday)
    }
}
