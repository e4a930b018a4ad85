import Foundation
import XCTest
import WeftTestSupport

/// Writing from the full-screen UI in a real terminal (tmux), each result
/// checked afterwards through `weft … --json`. Every wait polls the screen.
final class WritingTUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        weft(["init", box.space, "--name", "Writing"])
        weft(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        weft(["--space", box.space, "thread", "new", "--board", "general", "--title", "Hello from bob",
              "--body", "Bob was here."], as: "bob")
    }

    @discardableResult
    private func weft(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let result = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(result.status, 0, "weft \(args.joined(separator: " ")): \(result.stderr)")
        return result
    }

    private func json(_ args: [String]) throws -> Any {
        let result = weft(["--space", box.space] + args + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    private func start() throws -> TmuxSession {
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["LANG"] = nil
        let session = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env,
                                      width: 100, height: 30)
        XCTAssertTrue(session.wait(for: "general").ok, session.screen())
        return session
    }

    private func expect(_ text: String, in session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        let seen = session.wait(for: text)
        XCTAssertTrue(seen.ok, "waiting for “\(text)”:\n\(seen.screen)", file: file, line: line)
    }

    func testWriteThreadCommentReplyContextualCommentReactionEditDeleteAndStatus() throws {
        let t = try start()
        // A new thread with two paragraphs.
        t.send("N")
        expect("New thread", in: t)
        t.type("Written in tmux")
        t.send("Enter")
        t.type("Paragraph one.")
        t.send("Enter", "Enter")
        t.type("Paragraph two.")
        t.send("C-s")
        expect("Thread posted.", in: t)
        let threads = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]])
        let id = try XCTUnwrap(threads.first { $0["title"] as? String == "Written in tmux" }?["id"] as? String)

        // A comment on the thread.
        t.send("r")
        expect("Comment on “Written in tmux”", in: t)
        t.type("A top-level comment")
        t.send("C-s")
        expect("Comment posted.", in: t)

        // A contextual comment on the second paragraph.
        t.send("g", "]", "]", "c")
        expect("Comment on ¶2", in: t)
        t.type("About paragraph two")
        t.send("C-s")
        expect("↳ ann: About paragraph two", in: t)

        // A reply to the top-level comment (the next target after ¶2).
        t.send("]", "r")
        expect("Reply to ann", in: t)
        t.type("A threaded reply")
        t.send("C-s")
        expect("A threaded reply", in: t)

        // A reaction and an edit on the thread itself.
        t.send("g", "[", "[", "[", "[", "[", "+")
        expect("React to ann", in: t)
        t.send("Enter")
        expect("Reacted 👍", in: t)
        t.send("e")
        expect("Edit thread", in: t)
        // The title this time: an edited paragraph would get a new block id
        // (ids follow unchanged text), leaving the contextual comment unanchored.
        t.send("End")
        t.type(" v2")
        t.send("C-s")
        expect("Edit saved.", in: t)

        // Delete the reply: head, ¶1, ¶2, comment, its reply.
        t.send("]", "]", "]", "]", "D")
        expect("Delete this comment?", in: t)
        t.send("y")
        expect("Post deleted.", in: t)

        // A status update from the thread screen.
        t.send("s")
        expect("Status update", in: t)
        t.send("BTab", "BTab", "Right", "Right", "Tab", "Tab")
        t.type("Stuck on review")
        t.send("C-s")
        expect("Status posted: blocked", in: t)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())

        let shown = try XCTUnwrap(try json(["thread", "show", id]) as? [String: Any])
        let thread = try XCTUnwrap(shown["thread"] as? [String: Any])
        let blocks = try XCTUnwrap(thread["blocks"] as? [[String: Any]])
        XCTAssertEqual(thread["title"] as? String, "Written in tmux v2")
        XCTAssertEqual(blocks.compactMap { $0["text"] as? String }, ["Paragraph one.", "Paragraph two."])
        XCTAssertNotNil(thread["editedAt"] as? String)
        let reactions = try XCTUnwrap(thread["reactions"] as? [[String: Any]])
        XCTAssertEqual(reactions.first?["emoji"] as? String, "👍")
        let comments = try XCTUnwrap(shown["comments"] as? [[String: Any]])
        let top = try XCTUnwrap(comments.first { $0["body"] as? String == "A top-level comment" })
        XCTAssertNil(top["parent"] as? String)
        let contextual = try XCTUnwrap(comments.first { $0["body"] as? String == "About paragraph two" })
        XCTAssertEqual(contextual["anchor"] as? String, blocks[1]["id"] as? String)
        let reply = try XCTUnwrap(comments.first { $0["parent"] as? String == top["id"] as? String })
        XCTAssertEqual(reply["redacted"] as? Bool, true, "the reply was deleted")

        let statuses = try XCTUnwrap(try json(["status", "list"]) as? [[String: Any]])
        XCTAssertEqual(statuses.first?["kind"] as? String, "blocked")
        XCTAssertEqual(statuses.first?["text"] as? String, "Stuck on review")
    }

    func testBadInputGivesAMessageAndWritesNothing() throws {
        let before = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]]).count
        let t = try start()
        t.send("N")
        expect("New thread", in: t)
        t.send("Enter")
        t.type("Body without a title")
        t.send("C-s")
        expect("The title is empty", in: t)
        t.send("BTab")
        t.type("Has a title")
        t.send("Tab")
        t.type(" cc @nobody")
        t.send("C-s")
        expect("Unknown mention @nobody", in: t)
        // Someone else's post: the edit key explains and opens nothing.
        t.send("Escape")
        expect("Close the composer?", in: t)
        t.send("y", "Enter")
        expect("Hello from bob", in: t)
        t.send("Enter")
        expect("Bob was here.", in: t)
        t.send("e")
        expect("You can only edit your own posts: this one is by bob.", in: t)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
        let after = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]]).count
        XCTAssertEqual(after, before, "nothing was written")
    }

    func testCtrlEEditsTheTextInTheExternalEditor() throws {
        // A stand-in for vi: appends a line to the file it is given.
        let script = box.root + "/fake-editor.sh"
        try "#!/bin/sh\nprintf ' and more from the editor' >> \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["VISUAL"] = script
        let t = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 100, height: 30)
        expect("general", in: t)
        t.send("s")
        expect("Status update", in: t)
        t.type("Typed here")
        t.send("C-e")
        expect("Text taken back from the editor.", in: t)
        expect("Typed here and more from the editor", in: t)
        XCTAssertTrue(t.alternateScreen, "the UI took the terminal back")
        t.send("C-s")
        expect("Status posted", in: t)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
        let statuses = try XCTUnwrap(try json(["status", "list"]) as? [[String: Any]])
        XCTAssertEqual(statuses.first?["text"] as? String, "Typed here and more from the editor")
    }

    func testALargePasteArrivesWhole() throws {
        let t = try start()
        t.send("N")
        expect("New thread", in: t)
        t.type("Pasted")
        t.send("Enter")
        let line = String(repeating: "word ", count: 19) + "end"
        let text = Array(repeating: line, count: 100).joined(separator: "\n")
        let started = Date()
        t.type(text)
        XCTAssertEqual(text.utf8.count, 9_899)
        let pasted = t.wait(for: "9,899/65,536 bytes", timeout: 30)
        XCTAssertTrue(pasted.ok, pasted.screen)
        // Generous for a loaded CI machine; a frame per character would take minutes.
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "10 kB of paste in seconds")
        t.send("C-s")
        expect("Thread posted.", in: t)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
        let threads = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]])
        let id = try XCTUnwrap(threads.first { $0["title"] as? String == "Pasted" }?["id"] as? String)
        let shown = try XCTUnwrap(try json(["thread", "show", id]) as? [String: Any])
        let blocks = try XCTUnwrap((shown["thread"] as? [String: Any])?["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.first?["text"] as? String, text)
    }

    func testBracketedPasteKeepsLineBreaksAsTextAndDropsEscapes() throws {
        let t = try start()
        t.send("N")
        expect("New thread", in: t)
        // Into the title: the line break becomes a space and the focus stays.
        _ = try t.tmux(["set-buffer", "-b", "p", "Pasted\ntitle"])
        _ = try t.tmux(["paste-buffer", "-p", "-b", "p", "-t", t.name])
        expect("Title  Pasted title", in: t)
        t.send("Tab")
        _ = try t.tmux(["set-buffer", "-b", "p", "line one\nline two \u{1B}[2J done"])
        _ = try t.tmux(["paste-buffer", "-p", "-b", "p", "-t", t.name])
        expect("line two [2J done", in: t)
        t.send("C-s")
        expect("Thread posted.", in: t)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
        let threads = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]])
        let id = try XCTUnwrap(threads.first { $0["title"] as? String == "Pasted title" }?["id"] as? String)
        let shown = try XCTUnwrap(try json(["thread", "show", id]) as? [String: Any])
        let blocks = try XCTUnwrap((shown["thread"] as? [String: Any])?["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.first?["text"] as? String, "line one\nline two [2J done")
    }

    func testKilledMidCompositionTheDraftIsOfferedOnRestart() throws {
        let t = try start()
        t.send("N")
        expect("New thread", in: t)
        t.type("Crash test")
        t.send("Enter")
        t.type("Words that must survive")
        expect("draft saved", in: t)
        let pid = try XCTUnwrap(t.pid)
        kill(pid, SIGKILL)
        XCTAssertNotNil(t.waitForExit(), "the UI is gone")

        let again = try start()
        again.send("N")
        expect("Restore your draft?", in: again)
        XCTAssertTrue(again.screen().contains("Crash test"), again.screen())
        again.send("y")
        expect("Words that must survive", in: again)
        again.send("C-s")
        expect("Thread posted.", in: again)
        again.send("C-c")
        XCTAssertEqual(again.waitForExit(), 0, again.screen())
        let threads = try XCTUnwrap(try json(["thread", "list", "--board", "general"]) as? [[String: Any]])
        XCTAssertTrue(threads.contains { $0["title"] as? String == "Crash test" })
    }
}
