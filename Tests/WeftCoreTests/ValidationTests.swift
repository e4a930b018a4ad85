import XCTest
@testable import WeftCore

final class ValidationTests: XCTestCase {
    func testSlugs() {
        for ok in ["general", "a", "team-2026", "0day", String(repeating: "a", count: 40)] {
            XCTAssertNoThrow(try BoardSlug(ok), ok)
        }
        for bad in ["", "General", "../etc", "a/b", ".", "..", "-flag", "a b", "café", String(repeating: "a", count: 41), "a.b"] {
            XCTAssertThrowsError(try BoardSlug(bad), bad) { XCTAssertEqual($0 as? ValidationError, .badSlug(bad)) }
        }
    }

    func testHandles() {
        for ok in ["ann", "_svc", "j.doe", "x-1", "a23456789012345678901234567890ab"] { XCTAssertNoThrow(try Handle(ok), ok) }
        for bad in ["", "Ann", "1abc", "a/b", "a@b", "a b", String(repeating: "a", count: 33)] {
            XCTAssertThrowsError(try Handle(bad), bad)
        }
    }

    func testTitles() throws {
        XCTAssertEqual(try Validate.title("  Hello  "), "Hello")
        XCTAssertThrowsError(try Validate.title("   ")) { XCTAssertEqual($0 as? ValidationError, .emptyTitle) }
        XCTAssertThrowsError(try Validate.title("a\nb")) { XCTAssertEqual($0 as? ValidationError, .titleHasNewline) }
        XCTAssertNoThrow(try Validate.title(String(repeating: "é", count: 200)))
        XCTAssertThrowsError(try Validate.title(String(repeating: "x", count: 201))) {
            XCTAssertEqual($0 as? ValidationError, .titleTooLong(201))
        }
    }

    func testBodies() throws {
        XCTAssertEqual(try Validate.body("x"), "x")
        XCTAssertEqual(try Validate.body("\n\nhello\n  world  \n\n"), "hello\n  world")
        XCTAssertThrowsError(try Validate.body(" \n\t ")) { XCTAssertEqual($0 as? ValidationError, .emptyBody) }
        XCTAssertNoThrow(try Validate.body(String(repeating: "a", count: 65_536)))
        XCTAssertThrowsError(try Validate.body(String(repeating: "a", count: 65_537))) {
            XCTAssertEqual($0 as? ValidationError, .bodyTooLarge(65_537))
        }
        // The limit counts UTF-8 bytes, not characters.
        XCTAssertThrowsError(try Validate.body(String(repeating: "日", count: 21_846)))
    }

    func testTimeZonesAndHours() throws {
        XCTAssertEqual(try Validate.timeZone("Europe/Berlin").identifier, "Europe/Berlin")
        XCTAssertNoThrow(try Validate.timeZone("UTC"))
        XCTAssertThrowsError(try Validate.timeZone("Mars/Olympus")) { XCTAssertEqual($0 as? ValidationError, .unknownTimeZone("Mars/Olympus")) }
        XCTAssertThrowsError(try Validate.timeZone(""))
        let h = try WorkingHours(parsing: "09:00-17:30")
        XCTAssertEqual(h.description, "09:00-17:30")
        XCTAssertTrue(h.contains(minuteOfDay: 9 * 60))
        XCTAssertFalse(h.contains(minuteOfDay: 17 * 60 + 30))
        let night = try WorkingHours(parsing: "22:00-06:00")
        XCTAssertTrue(night.contains(minuteOfDay: 23 * 60))
        XCTAssertTrue(night.contains(minuteOfDay: 5 * 60))
        XCTAssertFalse(night.contains(minuteOfDay: 12 * 60))
        for bad in ["9-5", "09:00", "25:00-26:00", "09:00-09:00", "09:60-10:00"] {
            XCTAssertThrowsError(try WorkingHours(parsing: bad), bad)
        }
    }

    func testEmojiAndStatusKinds() throws {
        XCTAssertEqual(try Validate.emoji("👍"), "👍")
        XCTAssertEqual(try Validate.emoji("+1"), "+1")
        XCTAssertThrowsError(try Validate.emoji("two words"))
        XCTAssertThrowsError(try Validate.emoji("\u{1B}[2J"))
        XCTAssertEqual(try StatusKind(parsing: "on-track"), .onTrack)
        XCTAssertEqual(try StatusKind(parsing: "AT_RISK"), .atRisk)
        XCTAssertThrowsError(try StatusKind(parsing: "meh")) { XCTAssertEqual($0 as? ValidationError, .badStatusKind("meh")) }
    }

    func testErrorMessagesAreOneLine() {
        let errors: [ValidationError] = [.badSlug("a\nb"), .emptyTitle, .bodyTooLarge(70000), .unknownTimeZone("x\u{1B}"), .badDue("zz")]
        for e in errors {
            XCTAssertFalse(e.description.contains("\n"), e.description)
            XCTAssertFalse(e.description.contains("\u{1B}"), e.description)
        }
    }
}
