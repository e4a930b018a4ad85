import Foundation
import XCTest
@testable import WeftCore

/// `LocalTime.parts` works out a local date and time from the zone's offset
/// (remembered per day) instead of asking the calendar each time: it must give
/// the calendar's answer everywhere, around every offset change included.
final class LocalTimePartsTests: XCTestCase {
    private func calendarParts(_ t: Timestamp, _ zone: TimeZone) -> LocalTime.Parts {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        let d = c.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: t.date)
        return LocalTime.Parts(year: d.year!, month: d.month!, day: d.day!, hour: d.hour!, minute: d.minute!, weekday: d.weekday!)
    }

    func testPartsAreTheCalendarsInZonesWithAndWithoutDaylightSaving() throws {
        let zones = ["UTC", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu",
                     "Australia/Lord_Howe", "Pacific/Chatham", "Africa/Casablanca", "America/Santiago", "Europe/Dublin",
                     "Pacific/Apia", "America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati"]
        var rng = SystemRandomNumberGenerator()
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name), name)
            let local = LocalTime(zone)
            // Instants from 1990 to 2040, and the minutes around each offset change then.
            for _ in 0..<400 {
                let t = Timestamp(milliseconds: Int64.random(in: 631_152_000_000...2_208_988_800_000, using: &rng))
                XCTAssertEqual(local.parts(t), calendarParts(t, zone), "\(name) \(t)")
                // A new one asks the zone directly the first time.
                XCTAssertEqual(LocalTime(zone).parts(t), calendarParts(t, zone), "\(name) \(t), first lookup")
            }
            var next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 631_152_000))
            var checked = 0
            while let change = next, change.timeIntervalSince1970 < 2_208_988_800, checked < 120 {
                let at = Int64((change.timeIntervalSince1970 * 1000).rounded())
                for delta: Int64 in [-3_600_001, -60_000, -1, 0, 1, 59_999, 3_600_000] {
                    let t = Timestamp(milliseconds: at + delta)
                    XCTAssertEqual(local.parts(t), calendarParts(t, zone), "\(name) around \(change): \(delta) ms")
                }
                next = zone.nextDaylightSavingTimeTransition(after: change)
                checked += 1
            }
        }
    }

    func testDayNumberIsTheLocalDate() throws {
        let zone = try XCTUnwrap(TimeZone(identifier: "Pacific/Kiritimati"))  // UTC+14
        let local = LocalTime(zone)
        let t = try XCTUnwrap(Timestamp(iso8601: "2026-01-01T10:00:00Z"))  // already 2026-01-02 there
        XCTAssertEqual(local.dayNumber(t), CivilDate.toDays(2026, 1, 2))
    }
}
