import Foundation
import XCTest
import WeftTestSupport

/// `weft followup …` end to end, with the clock pinned through WEFT_NOW.
final class FollowupTests: CLITestCase {
    /// ann in Los Angeles asks bob in Tokyo; returns (thread, follow-up) ids.
    func setUpPeople(now: String = "2026-11-23T23:30:00Z") -> String {
        pinClock(now)
        makeSpaceWithBoard()
        ok("profile", "set", "--tz", "America/Los_Angeles")
        ok("profile", "set", "--tz", "Asia/Tokyo", as: "bob")
        ok("profile", "set", "--tz", "Europe/Berlin", as: "carol")
        return newThread(title: "Q4 plan")
    }

    func testDueIsReadInTheRequestersZoneAndShownInEachPersonsOwn() {
        let thread = setUpPeople()
        // Monday 15:30 in LA: "tomorrow" is Tuesday 17:00 LA = Wednesday 01:00 UTC = Wednesday 10:00 Tokyo.
        let fu = object(ok("followup", "add", thread, "--to", "@bob", "--due", "tomorrow", "--note", "Check numbers", "--json"))
        XCTAssertEqual(fu["due"] as? String, "2026-11-25T01:00:00.000Z")
        XCTAssertEqual(fu["state"] as? String, "open")
        XCTAssertEqual(fu["requester"] as? String, "ann")
        XCTAssertEqual(fu["assignee"] as? String, "bob")
        XCTAssertEqual(fu["threadTitle"] as? String, "Q4 plan")
        XCTAssertTrue(ok("followup", "list").stdout.contains("2026-11-24 17:00"), "ann sees LA time")
        let bobs = ok("followup", "list", "--mine", as: "bob").stdout
        XCTAssertTrue(bobs.contains("2026-11-25 10:00"), "bob sees Tokyo time: \(bobs)")
        XCTAssertTrue(ok("followup", "list", "--mine").stdout.hasPrefix("No follow-ups"), "nothing is asked of ann")
        XCTAssertEqual(array(ok("followup", "list", "--asked", "--json")).count, 1)
        XCTAssertEqual(array(ok("followup", "list", "--open", "--json", as: "carol")).count, 1)
        XCTAssertEqual(array(ok("followup", "list", "--json", as: "carol")).count, 0, "carol is not involved")
    }

    func testBadInputGivesOneLineAndWritesNothing() {
        let thread = setUpPeople()
        assertFails(["followup", "add", thread, "--to", "nobody", "--due", "tomorrow"], mentioning: ["no member 'nobody'"])
        assertFails(["followup", "add", thread, "--to", "Bad Handle", "--due", "tomorrow"], mentioning: ["invalid handle"])
        assertFails(["followup", "add", thread, "--to", "bob", "--due", "someday"], mentioning: ["cannot read the date 'someday'"])
        assertFails(["followup", "add", thread, "--to", "bob", "--due", "2026-02-30"], mentioning: ["2026-02-30"])
        assertFails(["followup", "add", thread, "--to", "bob", "--due", "2020-01-01"], mentioning: ["in the past"])
        assertFails(["followup", "add", "ffff0000", "--to", "bob", "--due", "tomorrow"], mentioning: ["ffff0000"])
        assertFails(["followup", "add", thread, "--to", "ann", "--due", "tomorrow"], mentioning: ["yourself", "weft remind"])
        assertFails(["followup", "list", "--format", "xml"], mentioning: ["unknown format"])
        assertFails(["followup", "done", thread], mentioning: ["not a follow-up"])
    }

    func testDoneDeclineCancelAndWhoMay() {
        let thread = setUpPeople()
        let a = object(ok("followup", "add", thread, "--to", "bob", "--due", "fri", "--json"))["id"] as! String
        let b = object(ok("followup", "add", thread, "--to", "bob", "--due", "fri", "--json"))["id"] as! String
        let c = object(ok("followup", "add", thread, "--to", "carol", "--due", "fri", "--json"))["id"] as! String
        assertFails(["followup", "cancel", a], mentioning: ["only the requester (ann)"], as: "bob")
        assertFails(["followup", "done", a], mentioning: ["only the assignee (bob)"])
        assertFails(["followup", "decline", a], mentioning: ["--reason"], as: "bob")
        assertFails(["followup", "decline", a, "--reason", " "], mentioning: ["empty"], as: "bob")
        XCTAssertEqual(object(ok("followup", "done", a, "--json", as: "bob"))["state"] as? String, "done")
        assertFails(["followup", "done", a], mentioning: ["already done"], as: "bob")
        let declined = object(ok("followup", "decline", b, "--reason", "Out this week, ask carol", "--json", as: "bob"))
        XCTAssertEqual(declined["state"] as? String, "declined")
        XCTAssertEqual(declined["reason"] as? String, "Out this week, ask carol")
        // The reason became a comment by bob on the thread, mentioning ann.
        let comments = threadJSON(thread)["comments"] as? [[String: Any]] ?? []
        let reason = comments.first { ($0["body"] as? String)?.contains("Out this week, ask carol") == true }
        XCTAssertEqual(reason?["author"] as? String, "bob")
        XCTAssertEqual(reason?["mentions"] as? [String], ["ann"])
        XCTAssertEqual(object(ok("followup", "cancel", c, "--json"))["state"] as? String, "cancelled")
        XCTAssertEqual(array(ok("followup", "list", "--open", "--json")).count, 0)
        XCTAssertEqual(array(ok("followup", "list", "--asked", "--all", "--json")).count, 3)
    }

    func testChangingTheDueDate() {
        let thread = setUpPeople()
        let id = object(ok("followup", "add", thread, "--to", "bob", "--due", "fri", "--json"))["id"] as! String
        // bob (Tokyo) moves it to "2026-12-01 09:00" his time.
        let moved = object(ok("followup", "reschedule", id, "--due", "2026-12-01 09:00", "--json", as: "bob"))
        XCTAssertEqual(moved["due"] as? String, "2026-12-01T00:00:00.000Z")
        assertFails(["followup", "reschedule", id, "--due", "tomorrow"], mentioning: ["only ann or bob"], as: "carol")
        assertFails(["followup", "reschedule", id, "--due", "never"], mentioning: ["cannot read the date"])
        XCTAssertTrue(journalEvents().contains { $0["type"] as? String == "followup.rescheduled" })
        // The index agrees after a rebuild from the journals.
        ok("index", "rebuild")
        XCTAssertEqual(array(ok("followup", "list", "--json"))[0]["due"] as? String, "2026-12-01T00:00:00.000Z")
    }

    func testICalendarExport() {
        let thread = setUpPeople()
        ok("followup", "add", thread, "--to", "bob", "--due", "tomorrow", "--note",
           "Numbers, costs; and \\ risks\nplus a long note that goes on and on so the line must be folded at seventy-five octets")
        let r = ok("followup", "list", "--format", "ics")
        let text = r.stdout
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VTODO\r\n").count - 1, 1)
        XCTAssertTrue(text.contains("\r\nDUE:20261125T010000Z\r\n"), text)
        XCTAssertTrue(text.contains("\r\nDTSTAMP:2026112"), text)
        XCTAssertTrue(text.contains("\r\nSTATUS:NEEDS-ACTION\r\n"))
        let physical = text.components(separatedBy: "\r\n")
        XCTAssertTrue(physical.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        XCTAssertFalse(physical.contains { $0.contains("\n") || $0.contains("\r") }, "CRLF only")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("Numbers\\, costs\\; and \\\\ risks\\nplus a long note"), unfolded)
        XCTAssertTrue(unfolded.contains("SUMMARY:Follow up: Q4 plan\r\n"))
    }

    func testMentionsInCommentsAreRecorded() {
        let thread = setUpPeople()
        let c = newComment(thread, body: "@bob and @carol, see ann@example.com")
        XCTAssertEqual(journalEvent(id: c)?["mentions"] as? [String], ["bob", "carol"])
    }
}
