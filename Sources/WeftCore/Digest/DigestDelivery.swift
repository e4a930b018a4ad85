import Foundation

/// When a weekly digest is ready for someone whose cadence is weekly: at their
/// chosen local time (e.g. `mon 09:00`), covering the week before the one it is
/// delivered in. The inbox asks this; it does not build the digest itself.
public enum DigestDelivery {
    public struct Ready: Hashable, Sendable {
        /// When the digest became ready (the scheduled local time, as an instant).
        public var at: Timestamp
        /// The week it covers.
        public var week: ISOWeek
    }

    /// The latest digest ready at or before `now` in `zone`, or nil when none has
    /// become ready since `since` (e.g. the last delivery the person saw).
    public static func ready(schedule: Recurrence, zone: TimeZone, now: Timestamp, since: Timestamp? = nil) -> Ready? {
        guard let o = schedule.latest(in: zone, atOrBefore: now) else { return nil }
        if let since, o.at <= since { return nil }
        return ready(o)
    }

    /// The first digest that becomes ready after `now` (a screen must look again then).
    public static func next(schedule: Recurrence, zone: TimeZone, after now: Timestamp) -> Ready? {
        schedule.occurrences(in: zone, from: now.adding(milliseconds: 1), to: now.adding(seconds: 8 * 86400))
            .first.map(ready)
    }

    private static func ready(_ o: Recurrence.Occurrence) -> Ready {
        let deliveredIn = ISOWeek(containing: o.day)
        // Delivered on the last day of a week (say Sunday evening), it covers that week.
        let week = o.day.isoWeekday == 7 ? deliveredIn : deliveredIn.previous
        return Ready(at: o.at, week: week)
    }
}

extension Cadence {
    /// When a weekly digest is ready for someone with this cadence: the weekly
    /// cadence's own weekday and local time. Nil for the other cadences (they
    /// receive no digest in the inbox; `weft digest` works for everyone).
    public var digestSchedule: Recurrence? {
        guard case .weekly(let weekday, let minute) = self else { return nil }
        // Cadence numbers Sunday 1 … Saturday 7, Recurrence Monday 1 … Sunday 7.
        return Recurrence(weekdays: [weekday == 1 ? 7 : weekday - 1], hour: minute / 60, minute: minute % 60)
    }
}
