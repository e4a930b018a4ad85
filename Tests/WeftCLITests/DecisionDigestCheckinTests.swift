import Foundation
import XCTest
import WeftTestSupport

/// `weft decide`, `reopen`, `decision list`, `digest` and `checkin`, run as processes.
final class DecisionDigestCheckinTests: CLITestCase {
    func testDecideReopenAndList() {
        makeSpaceWithBoard()
        let t = newThread(title: "Pick a DB")
        let c = newComment(t, body: "Postgres.", as: "bob")
        XCTAssertTrue(isUUID(ok("decide", t, "--comment", String(c.prefix(13))).trimmed))
        let shown = threadJSON(t)
        XCTAssertEqual((shown["decision"] as? [String: Any])?["comment"] as? String, c)
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).first?["decided"] as? Bool, true)
        var list = array(ok("decision", "list", "--json"))
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["text"] as? String, "Postgres.")
        XCTAssertEqual(list.first?["board"] as? String, "general")
        XCTAssertEqual(list.first?["title"] as? String, "Pick a DB")
        ok("reopen", t, "--reason", "costs")
        XCTAssertTrue(array(ok("decision", "list", "--json")).isEmpty)
        XCTAssertNil(threadJSON(t)["decision"])
        ok("decide", t, "--summary", "SQLite after all")
        list = array(ok("decision", "list", "--history", "--json"))
        XCTAssertEqual(list.map { $0["text"] as? String }, ["SQLite after all", "costs", "Postgres."])
        XCTAssertEqual(list.map { $0["reopening"] as? Bool }, [false, true, false])
        let text = ok("decision", "list").stdout
        XCTAssertTrue(text.contains("SQLite after all") && text.contains("general"), text)
        XCTAssertTrue(ok("decision", "list", "--board", "general", "--since", "1d").stdout.contains("SQLite"))
    }

    func testDecisionErrors() {
        makeSpaceWithBoard()
        let t = newThread(title: "One")
        let other = newThread(title: "Two")
        let foreign = newComment(other, body: "elsewhere")
        assertFails(["decide", t], mentioning: ["--comment", "--summary"])
        assertFails(["decide", t, "--comment", foreign], mentioning: ["comment of this thread"])
        assertFails(["decide", t, "--summary", "   "], mentioning: ["empty"])
        assertFails(["decide", "ffffffff", "--summary", "x"], mentioning: ["ffffffff"])
        assertFails(["reopen", t], mentioning: ["not decided"])
        assertFails(["decision", "list", "--board", "nope"], mentioning: ["nope"])
        assertFails(["decision", "list", "--since", "someday"], mentioning: ["--since"])
    }

    func testDigestFormats() throws {
        makeSpaceWithBoard()
        ok("profile", "set", "--tz", "Europe/Berlin", "--name", "Ann Müller")
        let t = newThread(title: "Weekly <sync>")
        _ = newComment(t, body: "Agenda?", as: "bob")
        ok("status", "post", "Waiting on the café", "--kind", "blocked", as: "bob")
        ok("decide", t, "--summary", "Move it to *Tuesday*")
        let text = ok("digest").stdout
        XCTAssertTrue(text.hasPrefix("Weekly digest for ann — "), text)
        XCTAssertTrue(text.contains("Europe/Berlin"), text)
        XCTAssertTrue(text.contains("[general] Weekly <sync> — Move it to *Tuesday* · ann · "), text)
        XCTAssertTrue(text.contains("! [space] Waiting on the café (blocked) · bob · "), text)
        let json = object(ok("digest", "--format", "json"))
        XCTAssertEqual((json["counts"] as? [String: Any])?["threads"] as? Int, 1)
        XCTAssertEqual((json["sections"] as? [[String: Any]])?.map { $0["kind"] as? String }.first, "decisions")
        let md = ok("digest", "--format", "markdown").stdout
        XCTAssertTrue(md.hasPrefix("# Weekly digest for ann\n"), md)
        XCTAssertTrue(md.contains("Weekly &lt;sync&gt;"), md)
        // Other weeks.
        let past = object(ok("digest", "--week", "2026-W01", "--format", "json"))
        XCTAssertEqual(past["week"] as? String, "2026-W01")
        XCTAssertEqual(past["start"] as? String, "2025-12-28T23:00:00.000Z")
        XCTAssertEqual(object(ok("digest", "--date", "2026-11-20", "--format", "json"))["week"] as? String, "2026-W47")
        // E-mail needs an address; then it parses.
        assertFails(["digest", "--format", "email"], mentioning: ["--email"])
        ok("profile", "set", "--email", "ann@example.com")
        let mail = ok("digest", "--format", "email").stdout
        XCTAssertTrue(mail.contains("\r\nMIME-Version: 1.0\r\n"))
        let out = try python(["-c", """
            import sys, email, email.policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            assert not m.defects
            print(m["To"]); print(m.get_content_type()); print(m.get_body(("plain",)).get_content())
            """], stdin: mail)
        XCTAssertTrue(out.hasPrefix("Ann Müller <ann@example.com>\nmultipart/alternative\nWeekly digest for ann"), out)
    }

    func testDigestErrors() {
        makeSpaceWithBoard()
        assertFails(["digest", "--week", "2026-W54"], mentioning: ["2026-W54", "ISO week"])
        assertFails(["digest", "--week", "2025-W53"], mentioning: ["2025-W53"])
        assertFails(["digest", "--date", "2026-02-30"], mentioning: ["2026-02-30"])
        assertFails(["digest", "--week", "2026-W47", "--date", "2026-11-20"], mentioning: ["not both"])
        assertFails(["digest", "--format", "pdf"], mentioning: ["pdf", "markdown"])
        assertFails(["profile", "set", "--email", "not-an-address"], mentioning: ["e-mail address"])
    }

    func testCheckins() {
        makeSpaceWithBoard()
        let id = ok("checkin", "create", "--board", "general", "--question", "What did you ship?", "--every", "Fri 16:00",
                    "--audience", "ann,bob").trimmed
        XCTAssertTrue(isUUID(id))
        let list = array(ok("checkin", "list", "--json"))
        XCTAssertEqual(list.first?["every"] as? String, "fri 16:00")
        XCTAssertEqual(list.first?["audience"] as? [String], ["ann", "bob"])
        let answer = object(ok("checkin", "answer", String(id.prefix(8)), "The digest", "--kind", "done",
                               "--occurrence", "2026-11-20", "--json", as: "bob"))
        XCTAssertEqual(answer["checkin"] as? String, id)
        XCTAssertEqual(answer["occurrence"] as? String, "2026-11-20")
        XCTAssertTrue(ok("checkin", "show", id).stdout.contains("2026-11-20\n  bob (done"))
        assertFails(["checkin", "pause", id], mentioning: ["only ann"], as: "bob")
        ok("checkin", "pause", id)
        XCTAssertEqual(array(ok("checkin", "list", "--json")).first?["state"] as? String, "paused")
        assertFails(["checkin", "pause", id], mentioning: ["already paused"])
        ok("checkin", "resume", id)
        ok("checkin", "delete", id)
        XCTAssertTrue(array(ok("checkin", "list", "--json")).isEmpty)
        XCTAssertEqual(array(ok("checkin", "list", "--all", "--json")).first?["state"] as? String, "deleted")
        assertFails(["checkin", "answer", id, "late"], mentioning: ["deleted"])
    }

    func testCheckinsDueAreTheUnansweredOccurrences() {
        makeSpaceWithBoard()
        let id = ok("checkin", "create", "--board", "general", "--question", "Standup?", "--every", "daily 00:00").trimmed
        // Scheduled just now: today's midnight came before it, so nothing is due yet.
        XCTAssertTrue(ok("checkin", "due").stdout.hasPrefix("Nothing to answer"))
        XCTAssertTrue(array(ok("checkin", "due", "--json")).isEmpty)
        // One scheduled two days ago (written by another device): the last two midnights are due.
        let twoDaysAgo = Int64(Date().timeIntervalSince1970 * 1000) - 2 * 86_400_000
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let at = f.string(from: Date(timeIntervalSince1970: Double(twoDaysAgo) / 1000))
        let line = "{\"v\":1,\"id\":\"\(uuidv7(milliseconds: twoDaysAgo, tail: "beef"))\",\"at\":\"\(at)\",\"type\":\"checkin.scheduled\",\"every\":\"daily 00:00\",\"question\":\"Old one?\"}\n"
        sandbox.write(line, to: "space/boards/general/journal/ann@old.jsonl")
        let due = array(ok("checkin", "due", "--days", "2", "--json"))
        XCTAssertEqual(due.count, 2, "\(due)")
        XCTAssertEqual(Set(due.map { ($0["checkin"] as? [String: Any])?["question"] as? String }), ["Old one?"])
        let first = due[0]["occurrence"] as? String ?? ""
        let old = (due[0]["checkin"] as? [String: Any])?["id"] as? String ?? ""
        ok("checkin", "answer", old, "Done", "--occurrence", first)
        XCTAssertEqual(array(ok("checkin", "due", "--days", "2", "--json")).count, 1)
        _ = id
        assertFails(["checkin", "due", "--days", "0"], mentioning: ["--days"])
    }

    func testCheckinErrors() {
        makeSpaceWithBoard()
        assertFails(["checkin", "create", "--board", "general", "--question", "Q?", "--every", "sometimes"], mentioning: ["schedule", "fri 16:00"])
        assertFails(["checkin", "create", "--board", "nope", "--question", "Q?", "--every", "fri 16:00"], mentioning: ["nope"])
        assertFails(["checkin", "create", "--board", "general", "--question", "", "--every", "fri 16:00"], mentioning: ["title"])
        assertFails(["checkin", "create", "--board", "general", "--question", "Q?", "--every", "fri 16:00", "--audience", "Bad Name"],
                    mentioning: ["handle"])
        assertFails(["checkin", "answer", "abcdef12", "x"], mentioning: ["no check-in"])
        let id = ok("checkin", "create", "--board", "general", "--question", "Q?", "--every", "daily 09:00").trimmed
        assertFails(["checkin", "answer", id, "x", "--occurrence", "friday"], mentioning: ["--occurrence"])
        assertFails(["checkin", "answer", id, "x", "--kind", "meh"], mentioning: ["meh"])
    }
}

/// The standard output of a Python 3 with `module`; fails the test when there is none.
private func python(_ args: [String], stdin: String, needs module: String = "email", file: StaticString = #filePath, line: UInt = #line) throws -> String {
    guard let r = Python.run(args, stdin: stdin, needs: module) else {
        XCTFail("no python3 with the '\(module)' module: run 'make test-deps'", file: file, line: line)
        return ""
    }
    XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
    return r.stdout
}
