import Foundation
import XCTest
import WeftTestSupport

/// Search in the real `weft` under tmux: type a query, see results narrow,
/// open one, jump between matches.
final class SearchTUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        run(["init", box.space, "--name", "E2E"])
        run(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        run(["--space", box.space, "board", "create", "ops", "--title", "Operations"])
        let thread = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Kitchen plans",
                          "--body", "We need a new espresso machine for the café."], as: "bob").trimmed
        run(["--space", box.space, "comment", thread, "--body", "Filler comment one."])
        run(["--space", box.space, "comment", thread, "--body", "The espresso grinder is broken too; espresso matters."], as: "cy")
        run(["--space", box.space, "thread", "new", "--board", "ops", "--title", "Espresso budget",
             "--body", "Budget for the espresso machine."], as: "cy")
        run(["--space", box.space, "thread", "new", "--board", "ops", "--title", "Unrelated",
             "--body", "Nothing about coffee."], as: "cy")
    }

    @discardableResult
    func run(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let r = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func testTypeNarrowOpenAndJumpBetweenMatches() throws {
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["LANG"] = nil
        let t = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 100, height: 30)
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("/")
        XCTAssertTrue(t.wait(for: "Search:").ok, t.screen())
        t.type("espresso")
        let broad = t.wait(for: "3 results")
        XCTAssertTrue(broad.ok, broad.screen)
        XCTAssertTrue(broad.screen.contains("#ops"), broad.screen)
        t.type(" board:general")
        let narrow = t.wait(for: "2 results")
        XCTAssertTrue(narrow.ok, narrow.screen)
        XCTAssertFalse(narrow.screen.contains("#ops"), narrow.screen)
        // The comment by cy ranks first (espresso twice); open it.
        let comment = t.wait { $0.contains("comment  #general · cy") }
        XCTAssertTrue(comment.ok, comment.screen)
        let lines = comment.screen.split(separator: "\n")
        let firstResult = lines.firstIndex { $0.contains("#general · ") }
        let commentLine = lines.firstIndex { $0.contains("comment  #general · cy") }
        if let f = firstResult, let c = commentLine, c > f { t.send("Down") }
        t.send("Enter")
        let opened = t.wait { $0.contains("The espresso grinder is broken") && $0.contains("match ") }
        XCTAssertTrue(opened.ok, opened.screen)
        XCTAssertTrue(opened.screen.contains("n/N match"), opened.screen)
        let first = matchNumber(opened.screen)
        t.send("n")
        let moved = t.wait { self.matchNumber($0) != first && self.matchNumber($0) != nil }
        XCTAssertTrue(moved.ok, moved.screen)
        t.send("N")
        XCTAssertTrue(t.wait { self.matchNumber($0) == first }.ok, t.screen())
        t.send("q")
        XCTAssertTrue(t.wait(for: "2 results").ok, "back to the results: \(t.screen())")
        t.send("Escape")
        XCTAssertTrue(t.wait { !$0.contains("Search:") }.ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    /// "match 2/5" on the status line → 2.
    func matchNumber(_ screen: String) -> Int? {
        guard let range = screen.range(of: #"match (\d+)/"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(6).dropLast())
    }
}
