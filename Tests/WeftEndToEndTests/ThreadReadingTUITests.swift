import Foundation
import XCTest
import WeftTestSupport

/// Opening a thread where you left off, in the real `weft` under tmux: bob
/// adds three comments (another process) to a thread ann had read; she opens
/// it on the first of the three, under the divider, and `n` walks them and
/// then opens the next thread with unread posts.
final class ThreadReadingTUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        run(["init", box.space, "--name", "E2E"])
        run(["--space", box.space, "board", "create", "general", "--title", "General talk"])
    }

    @discardableResult
    func run(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        var env = box.environment(handle: who, device: who == "ann" ? "laptop" : "desk")
        env["WEFT_HANDLE"] = who
        let r = WeftProcess.run(args, env: env)
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// The rows of the selected post (the thread screen marks them with ▌).
    private func selected(_ screen: String) -> String {
        screen.split(separator: "\n").filter { $0.contains("▌") }.joined(separator: "\n")
    }

    func testOpensOnTheFirstNewCommentAndNWalksThemThenTheNextThread() throws {
        let thread = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Lunch plans",
                          "--body", "Where do we eat on Friday?"], as: "bob").trimmed
        run(["--space", box.space, "comment", thread, "--body", "Somewhere with noodles."], as: "cy")
        run(["--space", box.space, "comment", thread, "--body", "Noodles it is."])
        run(["--space", box.space, "read", thread])
        run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Second thread",
             "--body", "Also unread."], as: "cy")
        for body in ["New one: the place is closed.", "New two: let us try the bakery.", "New three: booked for six."] {
            run(["--space", box.space, "comment", thread, "--body", body], as: "bob")
        }

        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["LANG"] = nil
        let t = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 100, height: 30)
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("Enter")
        XCTAssertTrue(t.wait(for: "Lunch plans").ok, t.screen())
        // The thread bob just commented on has the latest activity: it is on top.
        t.send("Enter")
        let opened = t.wait(for: "new since you last read")
        XCTAssertTrue(opened.ok, opened.screen)
        let rows = opened.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let divider = try XCTUnwrap(rows.firstIndex { $0.contains("── new since you last read ──") }, opened.screen)
        XCTAssertTrue(rows[divider + 1].contains("▌") && rows[divider + 1].contains("bob"),
                      "the selection is on the first new comment, right below the divider:\n\(opened.screen)")
        XCTAssertTrue(selected(opened.screen).contains("New one"), opened.screen)
        XCTAssertFalse(rows[..<divider].contains { $0.contains("New one") || $0.contains("▌") }, opened.screen)
        XCTAssertTrue(rows[..<divider].contains { $0.contains("Noodles it is.") }, "what was read is above:\n\(opened.screen)")

        t.send("n")
        let second = t.wait { self.selected($0).contains("New two") }
        XCTAssertTrue(second.ok, second.screen)
        t.send("n")
        let third = t.wait { self.selected($0).contains("New three") }
        XCTAssertTrue(third.ok, third.screen)
        // Past the last new comment: the next thread with unread posts.
        t.send("n")
        let next = t.wait { $0.contains("Also unread.") && !$0.contains("New three") }
        XCTAssertTrue(next.ok, next.screen)
        XCTAssertTrue(next.screen.contains("Second thread"), next.screen)
        t.send("q")
        XCTAssertTrue(t.wait(for: "Lunch plans").ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)

        // Leaving saved the read marker: nothing of the first thread is unread.
        let list = run(["--space", box.space, "thread", "list", "--board", "general", "--unread", "--json"]).stdout
        XCTAssertFalse(list.contains("Lunch plans"), list)
    }
}
