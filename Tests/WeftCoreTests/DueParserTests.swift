import XCTest
@testable import WeftCore

final class DueParserTests: XCTestCase {
    // Sunday 2026-11-22 10:30 in Berlin (09:30 UTC).
    let now = F.t("2026-11-22T09:30:00.000Z")
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func parse(_ s: String, tz: TimeZone? = nil) throws -> String {
        try DueParser(timeZone: tz ?? berlin, now: now).parse(s).iso8601
    }

    func testAbsoluteDatesInTheRequestersZone() throws {
        XCTAssertEqual(try parse("2026-11-27"), "2026-11-27T16:00:00.000Z", "a bare date means 17:00 local")
        XCTAssertEqual(try parse("2026-11-27 15:00"), "2026-11-27T14:00:00.000Z")
        XCTAssertEqual(try parse("2026-11-27 15:00", tz: TimeZone(identifier: "Asia/Tokyo")), "2026-11-27T06:00:00.000Z")
    }

    func testRelativeDates() throws {
        XCTAssertEqual(try parse("tomorrow"), "2026-11-23T16:00:00.000Z")
        XCTAssertEqual(try parse("tomorrow 9:00"), "2026-11-23T08:00:00.000Z")
        XCTAssertEqual(try parse("fri"), "2026-11-27T16:00:00.000Z")
        XCTAssertEqual(try parse("Friday 16:00"), "2026-11-27T15:00:00.000Z")
        XCTAssertEqual(try parse("sun"), "2026-11-29T16:00:00.000Z", "today's weekday means next week")
        XCTAssertEqual(try parse("in 3d"), "2026-11-25T09:30:00.000Z")
        XCTAssertEqual(try parse("in 2h"), "2026-11-22T11:30:00.000Z")
        XCTAssertEqual(try parse("next week"), "2026-11-23T08:00:00.000Z", "Monday 09:00")
        XCTAssertEqual(try parse("today"), "2026-11-22T16:00:00.000Z")
    }

    func testErrors() {
        XCTAssertThrowsError(try parse("someday")) { XCTAssertEqual($0 as? ValidationError, .badDue("someday")) }
        XCTAssertThrowsError(try parse("2026-02-30"))
        XCTAssertThrowsError(try parse("2026-11-01")) { XCTAssertEqual($0 as? ValidationError, .dueInPast("2026-11-01")) }
        XCTAssertThrowsError(try parse("in 3x"))
        XCTAssertThrowsError(try parse("tomorrow 25:00"))
    }

    func testLocalTimeFormatting() {
        let tokyo = LocalTime(TimeZone(identifier: "Asia/Tokyo")!)
        XCTAssertEqual(tokyo.format(now), "2026-11-22 18:30")
        XCTAssertEqual(tokyo.clock(now), "Sun 18:30")
        XCTAssertEqual(tokyo.brief(F.t("2026-11-22T01:00:00.000Z"), now: now), "10:00")
        XCTAssertEqual(tokyo.brief(F.t("2026-03-01T01:00:00.000Z"), now: now), "Mar 1")
        XCTAssertEqual(tokyo.brief(F.t("2025-03-01T01:00:00.000Z"), now: now), "2025-03-01")
    }
}
