import Foundation
import XCTest
import WeftTestSupport

/// Check-in questions and the weekly digest in `weft inbox` and `weft notify`,
/// with the clock pinned and advanced through WEFT_NOW (a testing aid).
final class ScheduledInboxTests: CLITestCase {
    func inbox(_ who: String) -> [String: Any] {
        object(ok("inbox", "--json", "--held", as: who))
    }

    func items(_ o: [String: Any], _ key: String = "items", kind: String) -> [[String: Any]] {
        ((o[key] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == kind }
    }

    func testACheckinLandsAtTheMembersOwnTimeAndAnsweringRemovesIt() {
        pinClock("2026-11-19T03:00:00Z")  // Thursday
        makeSpaceWithBoard()
        ok("profile", "set", "--tz", "Asia/Tokyo", as: "bob")
        let id = ok("checkin", "create", "--board", "general", "--question", "What did you ship?", "--every", "fri 16:00",
                    "--audience", "bob").trimmed
        // Friday 15:00 in Tokyo: held until 16:00 there (07:00 UTC).
        pinClock("2026-11-20T06:00:00Z")
        var o = inbox("bob")
        XCTAssertEqual(items(o, kind: "checkin").count, 0)
        XCTAssertEqual(items(o, "held", kind: "checkin").first?["heldUntil"] as? String, "2026-11-20T07:00:00.000Z")
        XCTAssertEqual(ok("notify", as: "bob").stdout, "")
        XCTAssertEqual(items(inbox("ann"), kind: "checkin").count, 0, "ann is not in the audience")

        pinClock("2026-11-20T07:00:05Z")
        XCTAssertEqual(ok("notify", as: "bob").stdout, "1 new · 1 check-in\n")
        o = inbox("bob")
        let item = items(o, kind: "checkin").first
        XCTAssertEqual(item?["id"] as? String, "checkin:\(id):2026-11-20")
        XCTAssertEqual(item?["checkin"] as? String, id)
        XCTAssertEqual(item?["occurrence"] as? String, "2026-11-20")
        XCTAssertEqual(item?["summary"] as? String, "What did you ship?")
        XCTAssertEqual(item?["board"] as? String, "general")
        XCTAssertEqual(item?["actor"] as? String, "ann")
        XCTAssertEqual(item?["deliveredAt"] as? String, "2026-11-20T07:00:00.000Z")
        XCTAssertNil(item?["target"])
        let text = ok("inbox", as: "bob").stdout
        XCTAssertTrue(text.contains("check-in") && text.contains("weft checkin answer \(id.prefix(8))"), text)

        ok("checkin", "answer", String(id.prefix(8)), "Shipped the inbox", "--kind", "done", as: "bob")
        XCTAssertEqual(items(inbox("bob"), kind: "checkin").count, 0, "answered occurrences are not due")
        XCTAssertEqual(items(inbox("bob"), "held", kind: "checkin").first?["occurrence"] as? String, "2026-11-27")
    }

    func testAWeeklyCadenceBringsTheDigest() {
        pinClock("2026-11-19T03:00:00Z")
        makeSpaceWithBoard()
        _ = newThread(title: "Launch", as: "ann")
        ok("profile", "set", "--tz", "Asia/Tokyo", as: "bob")
        ok("config", "set", "--cadence", "weekly mon 09:00", as: "bob")
        XCTAssertEqual(items(inbox("ann"), "held", kind: "digest").count, 0, "ann's cadence is instant")
        // Sunday 2026-11-22 23:59 UTC is Monday 08:59 in Tokyo.
        pinClock("2026-11-22T23:59:00Z")
        var o = inbox("bob")
        XCTAssertEqual(items(o, kind: "digest").map { $0["id"] as? String }, ["digest:2026-W46"], "the latest ready is last Monday's")
        ok("inbox", "done", "digest:2026-W46", as: "bob")
        XCTAssertEqual(items(inbox("bob"), "held", kind: "digest").first?["heldUntil"] as? String, "2026-11-23T00:00:00.000Z")

        pinClock("2026-11-23T00:00:05Z")
        XCTAssertEqual(ok("notify", as: "bob").stdout, "1 new · digest ready\n")
        o = inbox("bob")
        let digest = items(o, kind: "digest")
        XCTAssertEqual(digest.count, 1, "once per week")
        XCTAssertEqual(digest.first?["id"] as? String, "digest:2026-W47")
        XCTAssertEqual(digest.first?["week"] as? String, "2026-W47")
        XCTAssertEqual(digest.first?["summary"] as? String, "Weekly digest 2026-W47 is ready")
        XCTAssertTrue(ok("inbox", as: "bob").stdout.contains("weft digest --week 2026-W47"))
        XCTAssertEqual(ok("inbox", "done", "digest:2026-W47", as: "bob").trimmed, "1 item done")
        XCTAssertEqual(items(inbox("bob"), kind: "digest").count, 0)
        XCTAssertEqual(items(inbox("bob"), "held", kind: "digest").first?["week"] as? String, "2026-W48")
    }
}
