import Foundation
import XCTest
import WeftTestSupport

/// `weft inbox`, `weft notify`, `weft config`, `weft remind` and `weft follow`
/// end to end: the clock is pinned and advanced with WEFT_NOW (a testing aid),
/// and items are shown held, then delivered.
final class InboxTests: CLITestCase {
    func at(_ iso: String) { pinClock(iso) }

    func inbox(_ who: String, held: Bool = true) -> [String: Any] {
        object(held ? ok("inbox", "--json", "--held", as: who) : ok("inbox", "--json", as: who))
    }

    func kinds(_ o: [String: Any], _ key: String = "items") -> [String] {
        ((o[key] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }.sorted()
    }

    func notify(_ who: String) -> String { ok("notify", as: who).stdout }

    func start() -> String {
        at("2026-11-23T03:00:00Z")  // Monday 12:00 in Tokyo
        makeSpaceWithBoard()
        ok("profile", "set", "--tz", "Asia/Tokyo", as: "bob")
        return newThread(title: "Launch")
    }

    func testDailyCadenceHoldsThenDelivers() {
        let thread = start()
        ok("config", "set", "--cadence", "daily 09:00", as: "bob")
        _ = newComment(thread, body: "@bob can you check the copy?")
        ok("followup", "add", thread, "--to", "bob", "--due", "fri")
        at("2026-11-23T10:00:00Z")  // Monday 19:00 Tokyo: still held
        var o = inbox("bob")
        XCTAssertEqual(kinds(o), [])
        XCTAssertEqual(kinds(o, "held"), ["followup-asked", "followup-due", "mention"])
        XCTAssertEqual(o["nextChange"] as? String, "2026-11-24T00:00:00.000Z", "Tuesday 09:00 Tokyo")
        XCTAssertEqual(notify("bob"), "", "silent when nothing is new")
        XCTAssertTrue(ok("inbox", as: "bob").stdout.contains("Inbox zero."))
        at("2026-11-24T00:00:05Z")  // Tuesday 09:00:05 Tokyo: delivered
        XCTAssertEqual(notify("bob"), "2 new\n")
        o = inbox("bob")
        XCTAssertEqual(kinds(o), ["followup-asked", "mention"])
        XCTAssertEqual(notify("bob"), "", "listing the inbox marked them seen")
        XCTAssertEqual(notify("ann"), "", "ann has nothing")
    }

    func testWorkingHoursHoldUntilTheyStart() {
        let thread = start()
        ok("config", "set", "--hours", "10:00-18:00", "--workdays", "mon-fri", as: "bob")
        XCTAssertEqual(object(ok("member", "show", "bob", "--json"))["workingHours"] as? String, "10:00-18:00", "hours are public")
        at("2026-11-23T12:00:00Z")  // Monday 21:00 Tokyo
        _ = newComment(thread, body: "@bob tonight's numbers")
        XCTAssertEqual(kinds(inbox("bob"), "held"), ["mention"])
        at("2026-11-24T00:59:00Z")  // Tuesday 09:59 Tokyo
        XCTAssertEqual(kinds(inbox("bob")), [])
        at("2026-11-24T01:00:01Z")  // Tuesday 10:00 Tokyo
        XCTAssertEqual(kinds(inbox("bob")), ["mention"])
        // With "work can wait" off, the next one comes at once even at night.
        ok("config", "set", "--work-can-wait", "off", as: "bob")
        at("2026-11-24T12:00:00Z")
        _ = newComment(thread, body: "@bob one more")
        XCTAssertEqual(kinds(inbox("bob")), ["mention", "mention"])
    }

    func testDoneSnoozeAndSnoozeAll() {
        let thread = start()
        _ = newComment(thread, body: "@bob first")
        let second = newComment(thread, body: "@bob second")
        at("2026-11-23T04:00:00Z")
        XCTAssertEqual(kinds(inbox("bob")), ["mention", "mention"])
        ok("inbox", "snooze", String(second.prefix(13)), "in 2h", as: "bob")
        XCTAssertEqual(kinds(inbox("bob")), ["mention"])
        at("2026-11-23T06:01:00Z")
        XCTAssertEqual(kinds(inbox("bob")), ["mention", "mention"], "back after the snooze")
        XCTAssertEqual(ok("inbox", "done", "--all", as: "bob").trimmed, "2 items done")
        XCTAssertEqual(kinds(inbox("bob")), [])
        // Snooze-all until tomorrow 09:00 Tokyo.
        ok("config", "set", "--snooze", "tomorrow 9:00", as: "bob")
        at("2026-11-23T07:00:00Z")
        _ = newComment(thread, body: "@bob during the snooze")
        XCTAssertEqual(kinds(inbox("bob"), "held"), ["mention"])
        at("2026-11-24T00:00:01Z")
        XCTAssertEqual(kinds(inbox("bob")), ["mention"])
        assertFails(["inbox", "done", "ffff0000"], mentioning: ["no inbox item"], as: "bob")
        assertFails(["inbox", "snooze", String(second.prefix(13)), "whenever"], mentioning: ["cannot read the date"], as: "bob")
    }

    func testBoardLevels() {
        let thread = start()
        ok("board", "create", "random", "--title", "Random")
        ok("config", "board", "general", "--level", "muted", as: "bob")
        ok("config", "board", "random", "--level", "watching", as: "bob")
        _ = newComment(thread, body: "@bob muted board mention")
        ok("followup", "add", thread, "--to", "bob", "--due", "fri")
        let other = newThread(board: "random", title: "Lunch?")
        _ = newComment(other, body: "Pizza")
        at("2026-11-23T04:00:00Z")
        XCTAssertEqual(kinds(inbox("bob")), ["board-activity", "followup-asked", "new-thread"],
                       "muted drops the mention, not what is asked of bob; watching brings threads and comments")
        let settings = object(ok("config", "--json", as: "bob"))
        XCTAssertEqual((settings["boards"] as? [[String: Any]])?.map { $0["level"] as? String }, ["muted", "watching"])
        assertFails(["config", "board", "general", "--level", "loud"], mentioning: ["unknown board level"], as: "bob")
        assertFails(["config", "board", "nope", "--level", "muted"], mentioning: ["no such board"], as: "bob")
        assertFails(["config", "set", "--cadence", "monthly"], mentioning: ["invalid cadence"], as: "bob")
        assertFails(["config", "set", "--tz", "Mars/Base"], mentioning: ["unknown time zone"], as: "bob")
    }

    func testRemindersArriveAtTheirTime() {
        let thread = start()
        let id = ok("remind", thread, "in 2h", "--note", "reread this", as: "bob").trimmed
        XCTAssertEqual(array(ok("remind", "list", "--json", as: "bob")).count, 1)
        XCTAssertEqual(array(ok("remind", "list", "--json")).count, 0, "reminders are private")
        XCTAssertEqual(kinds(inbox("bob"), "held"), ["reminder"])
        at("2026-11-23T05:01:00Z")
        let o = inbox("bob")
        XCTAssertEqual(kinds(o), ["reminder"])
        XCTAssertEqual((o["items"] as? [[String: Any]])?.first?["summary"] as? String, "reread this")
        ok("inbox", "done", String(id.prefix(13)), as: "bob")
        XCTAssertEqual(array(ok("remind", "list", "--json", as: "bob")).count, 0, "done in the inbox is done")
        assertFails(["remind", thread, "yesterday-ish"], mentioning: ["cannot read the date"], as: "bob")
    }

    func testFollowUpDueAndResolvedReachThePeopleConcerned() {
        let thread = start()
        let fu = ok("followup", "add", thread, "--to", "bob", "--due", "tomorrow").trimmed  // Tue 17:00 UTC
        at("2026-11-23T18:00:00Z")
        XCTAssertEqual(notify("bob"), "2 new · 1 follow-up due\n")
        XCTAssertEqual(kinds(inbox("bob")), ["followup-asked", "followup-due"], "due within 24 h")
        ok("followup", "done", fu, as: "bob")
        XCTAssertEqual(kinds(inbox("bob")), [], "resolved follow-ups leave the assignee's inbox")
        XCTAssertEqual(kinds(inbox("ann")), ["followup-resolved"])
    }

    func testAFollowUpDueWithinADayWhenAskedComesOnceAsDue() {
        let thread = start()
        ok("followup", "add", thread, "--to", "bob", "--due", "in 2h")
        at("2026-11-23T03:10:00Z")
        XCTAssertEqual(kinds(inbox("bob")), ["followup-due"])
    }

    func testFollowingThreads() {
        let thread = start()
        _ = newComment(thread, body: "first", as: "bob")  // bob follows by commenting
        _ = newComment(thread, body: "carol's view", as: "carol")
        at("2026-11-23T04:00:00Z")
        XCTAssertEqual(kinds(inbox("bob")), ["followed-thread"])
        XCTAssertEqual(kinds(inbox("ann")), ["comment-on-your-thread", "comment-on-your-thread"])
        ok("follow", thread, "--stop", as: "bob")
        ok("inbox", "done", "--all", as: "bob")
        _ = newComment(thread, body: "more from carol", as: "carol")
        XCTAssertEqual(kinds(inbox("bob")), [], "unfollowed")
        ok("follow", thread, as: "bob")
        _ = newComment(thread, body: "and more", as: "carol")
        XCTAssertEqual(kinds(inbox("bob")), ["followed-thread"])
    }

    func testWeftNowMustBeATime() {
        makeSpace()
        let r = weft("notify", env: ["WEFT_NOW": "soon"])
        assertOneLineError(r, mentioning: ["WEFT_NOW"], context: r.stderr)
    }
}
