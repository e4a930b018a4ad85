import Foundation
import XCTest
import WeftTestSupport

/// Text with terminal escape sequences is stored verbatim but every command
/// prints it inert: no ESC, BEL, DEL or C1 control ever reaches the terminal.
final class EscapeSequenceTests: CLITestCase {
    /// OSC 52 (set the clipboard), CSI 2J (clear the screen), a C1 CSI and DEL.
    let evil = "x\u{1B}]52;c;aGk=\u{07}y\u{1B}[2Jz\u{9B}w\u{7F}v"
    /// How the text looks when printed inert.
    let inert = "x^[]52;c;aGk=^Gy^[[2Jz<U+009B>w^?v"

    /// Fails when `text` holds anything that can act on a terminal: a C0 control
    /// other than newline, DEL, a C1 control, or bytes that were not UTF-8.
    func assertInert(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 10) || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFD
        }
        XCTAssertTrue(bad.isEmpty, "\(what) printed \(bad.map { String(format: "U+%04X", $0.value) }): \(text.debugDescription.prefix(400))",
                      file: file, line: line)
    }

    /// Runs a command that must succeed and checks its stdout is inert.
    @discardableResult
    func inertOK(_ args: String..., as handle: String = "ann", env: [String: String] = [:],
                 file: StaticString = #filePath, line: UInt = #line) -> WeftProcess.Result {
        let r = weftBare(["--space", space] + args, as: handle, env: env)
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stdout.isEmpty, file: file, line: line)
        assertInert(r.stdout, "weft " + args.joined(separator: " "), file: file, line: line)
        assertInert(r.stderr, "stderr of weft " + args.joined(separator: " "), file: file, line: line)
        return r
    }

    func testEscapesAreStoredVerbatimAndPrintedInert() throws {
        let initJSON = weftBare(["init", space, "--name", "Team " + evil, "--json"])
        XCTAssertEqual(initJSON.status, 0, initJSON.stderr)
        assertInert(initJSON.stdout, "init --json")
        XCTAssertEqual(object(initJSON)["name"] as? String, "Team " + evil)

        let board = inertOK("board", "create", "general", "--title", "Board " + evil, "--purpose", "Purpose " + evil, "--json")
        XCTAssertEqual(object(board)["title"] as? String, "Board " + evil)
        let created = inertOK("thread", "new", "--board", "general", "--title", "Title " + evil,
                              "--body", "Body " + evil + "\n\nSecond " + evil, "--json")
        let t = try XCTUnwrap(object(created)["id"] as? String)
        XCTAssertEqual(object(created)["title"] as? String, "Title " + evil)
        let comment = inertOK("comment", t, "--body", "Comment " + evil, "--json", as: "bob")
        let c = try XCTUnwrap(object(comment)["id"] as? String)
        let reply = try XCTUnwrap(object(inertOK("comment", t, "--body", "Reply " + evil, "--reply-to", c, "--json"))["id"] as? String)
        let edit = inertOK("edit", reply, "--body", "Edited " + evil)
        let status = try XCTUnwrap(object(inertOK("status", "post", "Status " + evil, "--json"))["id"] as? String)
        let boardStatus = try XCTUnwrap(object(inertOK("status", "post", "Board status " + evil, "--board", "general", "--kind", "atRisk", "--json", as: "bob"))["id"] as? String)
        let profile = inertOK("profile", "set", "--name", "Bob " + evil, "--json", as: "bob")
        XCTAssertEqual(object(profile)["name"] as? String, "Bob " + evil)
        inertOK("react", t, "👍", as: "bob")

        // Stored verbatim: each raw JSONL line decodes back to exactly the text given.
        let events = journalEvents()
        func event(_ type: String, where match: ([String: Any]) -> Bool = { _ in true }) -> [String: Any]? {
            events.first { $0["type"] as? String == type && match($0) }
        }
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: space + "/weft.json"))) as? [String: Any])
        XCTAssertEqual(manifest["name"] as? String, "Team " + evil)
        XCTAssertEqual(event("board.created")?["title"] as? String, "Board " + evil)
        XCTAssertEqual(event("board.created")?["purpose"] as? String, "Purpose " + evil)
        let threadLine = try XCTUnwrap(journalEvent(id: t))
        XCTAssertEqual(threadLine["title"] as? String, "Title " + evil)
        XCTAssertEqual((threadLine["blocks"] as? [[String: Any]])?.compactMap { $0["text"] as? String },
                       ["Body " + evil, "Second " + evil])
        XCTAssertEqual(journalEvent(id: c)?["body"] as? String, "Comment " + evil)
        XCTAssertEqual(journalEvent(id: reply)?["body"] as? String, "Reply " + evil)
        XCTAssertEqual(journalEvent(id: edit.trimmed)?["body"] as? String, "Edited " + evil)
        XCTAssertEqual(journalEvent(id: status)?["text"] as? String, "Status " + evil)
        XCTAssertEqual(journalEvent(id: boardStatus)?["text"] as? String, "Board status " + evil)
        XCTAssertEqual(event("member.profile") { $0["name"] != nil }?["name"] as? String, "Bob " + evil)
        // ... and the raw bytes hold the control characters themselves (JSON-escaped or not), not a rendering.
        let raw = snapshot().filter { $0.key.hasSuffix(".jsonl") }.values.reduce(Data(), +)
        XCTAssertNil(String(decoding: raw, as: UTF8.self).range(of: "^["), "the journal stores text, not its inert rendering")

        // Printed inert by every command, as text and as JSON, for every viewer.
        for who in ["ann", "bob", "carol"] {
            let show = inertOK("thread", "show", t, "--keep-unread", as: who).stdout
            XCTAssertTrue(show.contains("Title " + inert), show)
            XCTAssertTrue(show.contains("[1] Body " + inert), show)
            XCTAssertTrue(show.contains("[2] Second " + inert), show)
            XCTAssertTrue(show.contains("Comment " + inert), show)
            XCTAssertTrue(show.contains("Edited " + inert), show)
            let json = object(inertOK("thread", "show", t, "--json", "--keep-unread", as: who))
            let thread = try XCTUnwrap(json["thread"] as? [String: Any])
            XCTAssertEqual(thread["title"] as? String, "Title " + evil, "JSON carries the exact text, escaped")
            XCTAssertEqual(thread["body"] as? String, "Body " + evil + "\n\nSecond " + evil)
            XCTAssertEqual((json["comments"] as? [[String: Any]])?.compactMap { $0["body"] as? String },
                           ["Comment " + evil, "Edited " + evil])

            let list = inertOK("thread", "list", "--board", "general", as: who).stdout
            XCTAssertTrue(list.contains("Title x^[]52;c;aGk=^Gy^[[2J"), list)
            XCTAssertEqual(array(inertOK("thread", "list", "--board", "general", "--json", as: who)).first?["title"] as? String,
                           "Title " + evil)

            XCTAssertTrue(inertOK("board", "list", as: who).stdout.contains("Board " + inert))
            XCTAssertEqual(array(inertOK("board", "list", "--json", as: who)).first?["purpose"] as? String, "Purpose " + evil)
            let boardShow = inertOK("board", "show", "general", as: who).stdout
            XCTAssertTrue(boardShow.contains("Board " + inert) && boardShow.contains("Purpose " + inert), boardShow)
            XCTAssertEqual(object(inertOK("board", "show", "general", "--json", as: who))["title"] as? String, "Board " + evil)

            let statuses = inertOK("status", "list", as: who).stdout
            XCTAssertTrue(statuses.contains("Status " + inert) && statuses.contains("Board status " + inert), statuses)
            XCTAssertEqual(Set(array(inertOK("status", "list", "--json", as: who)).compactMap { $0["text"] as? String }),
                           ["Status " + evil, "Board status " + evil])

            XCTAssertTrue(inertOK("member", "list", as: who).stdout.contains("Bob " + inert))
            XCTAssertEqual(array(inertOK("member", "list", "--json", as: who)).first { $0["handle"] as? String == "bob" }?["name"] as? String,
                           "Bob " + evil)
            XCTAssertTrue(inertOK("member", "show", "bob", as: who).stdout.hasPrefix("bob (Bob " + inert + ")"))
            XCTAssertEqual(object(inertOK("member", "show", "bob", "--json", as: who))["name"] as? String, "Bob " + evil)

            // The bare overview, by flag and by WEFT_SPACE.
            let overview = inertOK(as: who).stdout
            XCTAssertTrue(overview.contains("Space 'Team " + inert + "'"), overview)
            XCTAssertTrue(overview.contains("Board " + inert) && overview.contains("Title " + inert), overview)
            let viaEnv = weftBare([], as: who, env: ["WEFT_SPACE": space])
            XCTAssertEqual(viaEnv.status, 0, viaEnv.stderr)
            assertInert(viaEnv.stdout, "bare weft with WEFT_SPACE")
            XCTAssertEqual(viaEnv.stdout, overview)

            let doctor = weft("doctor", as: who, env: ["TERM": "xterm", "LANG": "C.UTF-8"])
            XCTAssertTrue(doctor.stdout.contains("space 'Team " + inert + "'"), doctor.stdout)
            assertInert(doctor.stdout, "doctor")
            inertOK("index", "check", as: who)
        }
    }

    func testEscapesInReactionsAreRefused() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "Clean")
        for bad in ["\u{1B}[2J", "\u{07}", "\u{9B}", "ok\u{7F}"] {
            let r = assertFails(["react", t, bad], mentioning: ["invalid reaction"])
            assertInert(r.stderr, "react error")
        }
    }
}
