import Foundation
import XCTest
@testable import WeftCore

/// Check-in schedules, in each person's own zone.
final class RecurrenceTests: XCTestCase {
    func t(_ s: String) -> Timestamp { Timestamp(iso8601: s)! }

    func testParsesAndWritesSchedules() throws {
        XCTAssertEqual(try Recurrence(parsing: "fri 16:00").description, "fri 16:00")
        XCTAssertEqual(try Recurrence(parsing: "Friday 9:05").description, "fri 09:05")
        XCTAssertEqual(try Recurrence(parsing: "thu,mon 09:30").description, "mon,thu 09:30")
        XCTAssertEqual(try Recurrence(parsing: "weekdays 09:00").weekdays, [1, 2, 3, 4, 5])
        XCTAssertEqual(try Recurrence(parsing: "daily 17:00").description, "daily 17:00")
        XCTAssertEqual(try Recurrence(parsing: "sun 23:59").weekdays, [7])
        for bad in ["fri", "16:00", "fri 25:00", "fry 16:00", "every fri 16:00", "fri 16"] {
            XCTAssertThrowsError(try Recurrence(parsing: bad), bad) { e in
                XCTAssertTrue("\(e)".contains("fri 16:00"), "\(e)")
            }
        }
    }

    func testOccurrencesAreInEachPersonsZone() throws {
        let r = try Recurrence(parsing: "fri 16:00")
        let from = t("2026-11-16T00:00:00.000Z"), to = t("2026-11-30T00:00:00.000Z")
        let berlin = r.occurrences(in: TimeZone(identifier: "Europe/Berlin")!, from: from, to: to)
        XCTAssertEqual(berlin.map(\.at.iso8601), ["2026-11-20T15:00:00.000Z", "2026-11-27T15:00:00.000Z"])
        XCTAssertEqual(berlin.map(\.day.description), ["2026-11-20", "2026-11-27"])
        let tokyo = r.occurrences(in: TimeZone(identifier: "Asia/Tokyo")!, from: from, to: to)
        XCTAssertEqual(tokyo.map(\.at.iso8601), ["2026-11-20T07:00:00.000Z", "2026-11-27T07:00:00.000Z"])
        // The end is exclusive, the start inclusive.
        XCTAssertEqual(r.occurrences(in: TimeZone(identifier: "Europe/Berlin")!, from: t("2026-11-20T15:00:00.000Z"),
                                     to: t("2026-11-27T15:00:00.000Z")).count, 1)
    }

    func testOccurrencesAcrossDaylightSaving() throws {
        // 09:00 every day in Berlin: 08:00Z before the change on 2026-03-29, 07:00Z after.
        let r = try Recurrence(parsing: "daily 09:00")
        let list = r.occurrences(in: TimeZone(identifier: "Europe/Berlin")!, from: t("2026-03-28T00:00:00.000Z"),
                                 to: t("2026-03-30T12:00:00.000Z"))
        XCTAssertEqual(list.map(\.at.iso8601), ["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"])
    }

    func testLatestOccurrence() throws {
        let r = try Recurrence(parsing: "mon,fri 16:00")
        let z = TimeZone(identifier: "UTC")!
        XCTAssertEqual(r.latest(in: z, atOrBefore: t("2026-11-22T10:00:00.000Z"))?.day.description, "2026-11-20")
        XCTAssertEqual(r.latest(in: z, atOrBefore: t("2026-11-23T16:00:00.000Z"))?.day.description, "2026-11-23")
    }
}
