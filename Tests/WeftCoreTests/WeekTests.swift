import Foundation
import XCTest
@testable import WeftCore

/// ISO weeks in a person's time zone.
final class WeekTests: XCTestCase {
    func zone(_ name: String) -> TimeZone { TimeZone(identifier: name)! }

    func testParsesISOWeeksAndRejectsNonsense() {
        XCTAssertEqual(ISOWeek(parsing: "2026-W47"), ISOWeek(year: 2026, week: 47))
        XCTAssertEqual(ISOWeek(parsing: "2026w05"), ISOWeek(year: 2026, week: 5))
        XCTAssertEqual(ISOWeek(parsing: " 2026-W5 ")?.description, "2026-W05")
        XCTAssertEqual(ISOWeek(parsing: "2026-W53")?.description, "2026-W53")  // 2026 has 53 weeks
        XCTAssertNil(ISOWeek(parsing: "2025-W53"))  // 2025 has 52
        for bad in ["2026-W00", "2026-W54", "2026-47", "W47", "26-W47", "2026-W4x", "", "2026-W"] {
            XCTAssertNil(ISOWeek(parsing: bad), bad)
        }
        XCTAssertEqual(ISOWeek.weeks(in: 2026), 53)
        XCTAssertEqual(ISOWeek.weeks(in: 2020), 53)
        XCTAssertEqual(ISOWeek.weeks(in: 2027), 52)
    }

    func testWeekOfADayAcrossYearEnds() {
        // 2021-01-03 is a Sunday in 2020-W53; 2024-12-30 is a Monday in 2025-W01.
        XCTAssertEqual(ISOWeek(containing: CivilDay(year: 2021, month: 1, day: 3)).description, "2020-W53")
        XCTAssertEqual(ISOWeek(containing: CivilDay(year: 2024, month: 12, day: 30)).description, "2025-W01")
        XCTAssertEqual(ISOWeek(containing: CivilDay(year: 2026, month: 11, day: 20)).description, "2026-W47")
        XCTAssertEqual(ISOWeek(parsing: "2026-W47")?.monday, CivilDay(year: 2026, month: 11, day: 16))
        XCTAssertEqual(ISOWeek(parsing: "2026-W53")?.sunday, CivilDay(year: 2027, month: 1, day: 3))
        XCTAssertEqual(ISOWeek(parsing: "2026-W53")?.next.description, "2027-W01")
        XCTAssertEqual(ISOWeek(parsing: "2027-W01")?.previous.description, "2026-W53")
        // Every day of 400 years agrees with Foundation's ISO calendar.
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: Int64(0), to: 146_097, by: 1) where days % 3 == 0 || days % 365 < 10 {
            let day = CivilDay(daysSinceEpoch: days)
            let date = Date(timeIntervalSince1970: Double(days) * 86400)
            let w = ISOWeek(containing: day)
            XCTAssertEqual(w.week, cal.component(.weekOfYear, from: date), "\(day)")
            XCTAssertEqual(w.year, cal.component(.yearForWeekOfYear, from: date), "\(day)")
            if w.week != cal.component(.weekOfYear, from: date) { break }
        }
    }

    func testParsesDays() {
        XCTAssertEqual(CivilDay(parsing: "2026-11-20"), CivilDay(year: 2026, month: 11, day: 20))
        XCTAssertNil(CivilDay(parsing: "2026-02-30"))
        XCTAssertNil(CivilDay(parsing: "2026-13-01"))
        XCTAssertNil(CivilDay(parsing: "20-11-2026"))
        XCTAssertEqual(CivilDay(parsing: "2028-02-29")?.isoWeekday, 2)
    }

    /// Sunday 23:30 in New York is already Monday in Berlin: the next week there.
    func testTheSameInstantBelongsToDifferentWeeksInDifferentZones() {
        let t = Timestamp(iso8601: "2026-11-23T04:30:00.000Z")!  // Sun 23:30 in New York, Mon 05:30 in Berlin
        XCTAssertEqual(WeekCalendar(zone("America/New_York")).week(containing: t).description, "2026-W47")
        XCTAssertEqual(WeekCalendar(zone("Europe/Berlin")).week(containing: t).description, "2026-W48")
        // Sunday 23:30 in Berlin is still Sunday in New York and Monday in Tokyo.
        let u = Timestamp(iso8601: "2026-11-22T22:30:00.000Z")!
        XCTAssertEqual(WeekCalendar(zone("Europe/Berlin")).week(containing: u).description, "2026-W47")
        XCTAssertEqual(WeekCalendar(zone("America/New_York")).week(containing: u).description, "2026-W47")
        XCTAssertEqual(WeekCalendar(zone("Asia/Tokyo")).week(containing: u).description, "2026-W48")
        // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart.
        let v = Timestamp(iso8601: "2026-11-22T10:30:00.000Z")!
        XCTAssertEqual(WeekCalendar(zone("Pacific/Kiritimati")).week(containing: v).description, "2026-W48")
        XCTAssertEqual(WeekCalendar(zone("Pacific/Pago_Pago")).week(containing: v).description, "2026-W47")
    }

    func testWeekIntervalsAreLocalMidnights() {
        let w = ISOWeek(parsing: "2026-W47")!
        let berlin = WeekCalendar(zone("Europe/Berlin")).interval(of: w)
        XCTAssertEqual(berlin.lowerBound.iso8601, "2026-11-15T23:00:00.000Z")
        XCTAssertEqual(berlin.upperBound.iso8601, "2026-11-22T23:00:00.000Z")
        let ny = WeekCalendar(zone("America/New_York")).interval(of: w)
        XCTAssertEqual(ny.lowerBound.iso8601, "2026-11-16T05:00:00.000Z")
        XCTAssertEqual(ny.upperBound.iso8601, "2026-11-23T05:00:00.000Z")
        // The last instant of the week is in it, the next is not.
        let cal = WeekCalendar(zone("America/New_York"))
        XCTAssertEqual(cal.week(containing: ny.upperBound.adding(seconds: -1)), w)
        XCTAssertEqual(cal.week(containing: ny.upperBound), w.next)
    }

    /// The week of a daylight-saving change is 167 or 169 hours long.
    func testDaylightSavingWeeks() {
        let berlin = WeekCalendar(zone("Europe/Berlin"))
        // Clocks go forward on Sunday 2026-03-29 (2026-W13): 167 hours.
        let spring = berlin.interval(of: ISOWeek(parsing: "2026-W13")!)
        XCTAssertEqual(spring.lowerBound.iso8601, "2026-03-22T23:00:00.000Z")
        XCTAssertEqual(spring.upperBound.iso8601, "2026-03-29T22:00:00.000Z")
        XCTAssertEqual((spring.upperBound.milliseconds - spring.lowerBound.milliseconds) / 3_600_000, 167)
        // Back on Sunday 2026-10-25 (2026-W43): 169 hours.
        let autumn = berlin.interval(of: ISOWeek(parsing: "2026-W43")!)
        XCTAssertEqual((autumn.upperBound.milliseconds - autumn.lowerBound.milliseconds) / 3_600_000, 169)
        // Sunday 23:30 after the change still belongs to that week.
        XCTAssertEqual(berlin.week(containing: Timestamp(iso8601: "2026-10-25T22:30:00.000Z")!).description, "2026-W43")
        XCTAssertEqual(berlin.week(containing: Timestamp(iso8601: "2026-10-25T23:00:00.000Z")!).description, "2026-W44")
        // America/New_York changes a different week (2026-03-08, W10).
        let ny = WeekCalendar(zone("America/New_York")).interval(of: ISOWeek(parsing: "2026-W10")!)
        XCTAssertEqual((ny.upperBound.milliseconds - ny.lowerBound.milliseconds) / 3_600_000, 167)
    }
}
