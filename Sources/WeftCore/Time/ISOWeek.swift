/// An ISO 8601 week: weeks start on Monday, and week 1 of a year is the week that
/// holds its first Thursday, so a week belongs wholly to one week-numbering year
/// (`2026-W53` ends on 2027-01-03). Written `2026-W47`.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The week-numbering year (not always the calendar year of every day in it).
    public let year: Int
    public let week: Int

    /// nil when the year has no such week (a year has 52 or 53).
    public init?(year: Int, week: Int) {
        guard (1...9998).contains(year), week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// Reads `2026-W47`, `2026-w47` or `2026W47`; nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = t.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var y = Substring(parts[0])
        if y.hasSuffix("-") { y = y.dropLast() }
        guard y.count == 4, (1...2).contains(parts[1].count), y.allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
              let year = Int(y), let week = Int(parts[1]) else { return nil }
        self.init(year: year, week: week)
    }

    /// The week that holds a calendar day.
    public init(containing day: CivilDay) {
        let days = day.daysSinceEpoch
        let thursday = days - Int64(CivilDay.isoWeekday(days) - 1) + 3
        let year = CivilDay(daysSinceEpoch: thursday).year
        let jan1 = CivilDay(year: year, month: 1, day: 1).daysSinceEpoch
        self.year = year
        self.week = Int((thursday - jan1) / 7) + 1
    }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    /// The Monday that starts the week.
    public var monday: CivilDay {
        let jan4 = CivilDay(year: year, month: 1, day: 4).daysSinceEpoch
        let firstMonday = jan4 - Int64(CivilDay.isoWeekday(jan4) - 1)
        return CivilDay(daysSinceEpoch: firstMonday + Int64(7 * (week - 1)))
    }

    /// The Sunday that ends the week.
    public var sunday: CivilDay { monday.adding(days: 6) }

    public func adding(weeks n: Int) -> ISOWeek {
        ISOWeek(containing: monday.adding(days: 7 * n))
    }

    public var next: ISOWeek { adding(weeks: 1) }
    public var previous: ISOWeek { adding(weeks: -1) }

    /// 52 or 53: the week of 28 December is always the last.
    public static func weeks(in year: Int) -> Int {
        ISOWeek(containing: CivilDay(year: year, month: 12, day: 28)).week
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}

/// A calendar day without a time or a zone (proleptic Gregorian).
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(daysSinceEpoch days: Int64) {
        let (y, m, d) = CivilDate.fromDays(days)
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    /// Reads `2026-11-20`; nil for anything else, including days that do not exist.
    public init?(parsing text: String) {
        let p = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              p.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), d >= 1 else { return nil }
        let candidate = CivilDay(year: y, month: m, day: d)
        // Reject days that roll over (2026-02-30).
        guard CivilDay(daysSinceEpoch: candidate.daysSinceEpoch) == candidate else { return nil }
        self = candidate
    }

    public var daysSinceEpoch: Int64 { CivilDate.toDays(Int64(year), Int64(month), Int64(day)) }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { Self.isoWeekday(daysSinceEpoch) }

    public func adding(days n: Int) -> CivilDay { CivilDay(daysSinceEpoch: daysSinceEpoch + Int64(n)) }

    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    static func isoWeekday(_ days: Int64) -> Int {
        // 1970-01-01 was a Thursday (4).
        Int(((days % 7) + 7 + 3) % 7) + 1
    }
}
