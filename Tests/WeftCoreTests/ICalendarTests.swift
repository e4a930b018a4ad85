import XCTest
@testable import WeftCore

final class ICalendarTests: XCTestCase {
    func testDocumentShape() {
        let todo = ICalendar.Todo(uid: "0196-abc@weft", created: F.t("2026-11-22T09:00:00.000Z"),
                                  due: F.t("2026-11-27T16:00:00.000Z"), summary: "Follow up: Q4 plan",
                                  description: "Asked by ann", state: .open)
        let doc = ICalendar.document([todo], stamp: F.t("2026-11-22T10:11:12.345Z"))
        XCTAssertTrue(doc.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        XCTAssertTrue(doc.hasSuffix("END:VTODO\r\nEND:VCALENDAR\r\n"))
        XCTAssertTrue(doc.contains("\r\nDUE:20261127T160000Z\r\n"))
        XCTAssertTrue(doc.contains("\r\nDTSTAMP:20261122T101112Z\r\n"))
        XCTAssertTrue(doc.contains("\r\nUID:0196-abc@weft\r\n"))
        XCTAssertTrue(doc.contains("\r\nSTATUS:NEEDS-ACTION\r\n"))
        XCTAssertFalse(doc.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        XCTAssertFalse(doc.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "no bare CR")
    }

    func testEscaping() {
        XCTAssertEqual(ICalendar.escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf")
        XCTAssertEqual(ICalendar.escape("bell\u{07}esc\u{1b}[2J"), "bellesc[2J", "controls are dropped")
    }

    func testFoldingAt75OctetsWithoutSplittingCharacters() {
        let long = "SUMMARY:" + String(repeating: "é", count: 100)  // 2 octets each
        let folded = ICalendar.fold(long)
        let physical = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 1)
        for (i, line) in physical.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, "line \(i)")
            if i > 0 { XCTAssertTrue(line.hasPrefix(" ")) }
        }
        // Unfolding gives the original back.
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), long)
        XCTAssertEqual(ICalendar.fold("SHORT:x"), "SHORT:x")
        XCTAssertEqual(ICalendar.fold(String(repeating: "a", count: 75)), String(repeating: "a", count: 75))
    }

    func testStatusMapping() {
        XCTAssertEqual(ICalendar.status(.done), "COMPLETED")
        XCTAssertEqual(ICalendar.status(.cancelled), "CANCELLED")
        XCTAssertEqual(ICalendar.status(.declined), "CANCELLED")
    }
}
