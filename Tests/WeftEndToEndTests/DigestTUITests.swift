import Foundation
import XCTest
import WeftTestSupport

/// The weekly digest in a real terminal: open it from the sidebar, move between
/// weeks, open an item and come back.
final class DigestTUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        run(["init", box.space, "--name", "E2E"])
        run(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        let thread = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Pick a database",
                          "--body", "Which one should we use?"], as: "bob").trimmed
        run(["--space", box.space, "comment", thread, "--body", "Postgres, surely."])
        run(["--space", box.space, "decide", thread, "--summary", "Postgres it is"])
    }

    @discardableResult
    func run(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let r = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func testOpenTheDigestMoveBetweenWeeksAndOpenAnItem() throws {
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        let t = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 100, height: 30)
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        // Tab to the sidebar: Boards, Inbox, Follow-ups, Status, Digest.
        t.send("Tab")
        t.type("jjjj")
        t.send("Enter")
        let digest = t.wait { $0.contains("Weekly digest") && $0.contains("this week") && $0.contains("Pick a database") }
        XCTAssertTrue(digest.ok, digest.screen)
        XCTAssertTrue(digest.screen.contains("Decisions made (1)"), digest.screen)
        XCTAssertTrue(digest.screen.contains("Postgres it is"), digest.screen)
        let thisWeek = try XCTUnwrap(digest.screen.range(of: #"\d{4}-W\d{2}"#, options: .regularExpression).map { String(digest.screen[$0]) })

        t.type("[")
        let previous = t.wait { $0.contains("No decisions this week.") && !$0.contains(thisWeek) }
        XCTAssertTrue(previous.ok, previous.screen)
        t.type("]")
        XCTAssertTrue(t.wait { $0.contains(thisWeek) && $0.contains("Postgres it is") }.ok, t.screen())
        t.type("]")
        XCTAssertTrue(t.wait { !$0.contains(thisWeek) && $0.contains("No decisions this week.") }.ok, t.screen())
        t.type("t")
        XCTAssertTrue(t.wait { $0.contains(thisWeek) && $0.contains("Postgres it is") }.ok, t.screen())

        // The decision is the row under the section title: open it, then come back.
        t.type("j")
        t.send("Enter")
        let thread = t.wait { $0.contains("Which one should we use?") && $0.contains("Postgres, surely.") }
        XCTAssertTrue(thread.ok, thread.screen)
        XCTAssertTrue(thread.screen.contains("✓ Decided by ann"), thread.screen)
        t.type("q")
        XCTAssertTrue(t.wait { $0.contains("Weekly digest") && !$0.contains("Which one should we use?") }.ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
    }
}
