import Foundation
import XCTest
import WeftTestSupport

/// The real `weft` binary in a real terminal (tmux): what a person sees and types.
/// Every wait polls the screen for expected text; nothing sleeps a fixed time.
final class TUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        run(["init", box.space, "--name", "E2E"])
        run(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        let older = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Older thread",
                         "--body", "Nothing new here."]).trimmed
        XCTAssertEqual(older.count, 36)
        let thread = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Café 日本 plans 🚀",
                          "--body", "First block of the body.\n\nSecond block with more words."], as: "bob").trimmed
        run(["--space", box.space, "comment", thread, "--body", "A reply from bob"], as: "bob")
    }

    @discardableResult
    func run(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let r = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// The environment of the person at the terminal: no LANG (like CI), a plain TERM.
    func terminalEnvironment(term: String = "screen") -> [String: String] {
        var env = box.environment(handle: "ann")
        env["TERM"] = term
        env["LANG"] = nil
        return env
    }

    func start(width: Int = 100, height: Int = 30, term: String = "screen") throws -> TmuxSession {
        try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: terminalEnvironment(term: term),
                        width: width, height: height)
    }

    func testOpenNavigateBoardThreadAndBackThenQuit() throws {
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        XCTAssertTrue(t.alternateScreen, "the UI owns the alternate screen while it runs")
        t.send("Enter")
        let board = t.wait { $0.contains("Café 日本 plans 🚀") && $0.contains("Older thread") }
        XCTAssertTrue(board.ok, board.screen)
        // Most recent activity first: the selected (first) thread is bob's.
        t.send("Enter")
        let thread = t.wait(for: "Second block with more words.")
        XCTAssertTrue(thread.ok, thread.screen)
        XCTAssertTrue(thread.screen.contains("A reply from bob"), thread.screen)
        t.send("q")
        XCTAssertTrue(t.wait { $0.contains("Older thread") && !$0.contains("Second block") }.ok, t.screen())
        t.send("q")
        XCTAssertTrue(t.wait { $0.contains("Visibility") && !$0.contains("Older thread") }.ok, "back on Boards: \(t.screen())")
        t.send("q")
        XCTAssertEqual(t.waitForExit(), 0, t.screen())
        XCTAssertFalse(t.alternateScreen, "the terminal is restored after quitting")
    }

    func testAPostWrittenByAnotherProcessAppearsWithoutAKeypress() throws {
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("Enter")
        XCTAssertTrue(t.wait(for: "Older thread").ok, t.screen())
        let started = Date()
        run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Fresh from elsewhere",
             "--body", "Written by another process."], as: "cy")
        let seen = t.wait(timeout: 5) { $0.contains("Fresh from elsewhere") }
        XCTAssertTrue(seen.ok, seen.screen)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5, "live refresh within about 2 s")
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    func testResizeRedrawsAndTheSidebarFoldsBelow90Columns() throws {
        let t = try start(width: 120, height: 40)
        let wide = t.wait(for: "general")
        XCTAssertTrue(wide.ok, wide.screen)
        XCTAssertTrue(wide.screen.contains("Members"), "the sidebar lists the screens at 120 columns: \(wide.screen)")
        t.resize(width: 80, height: 24)
        let narrow = t.wait { screen in
            let lines = screen.split(separator: "\n").map(String.init)
            return lines.count <= 24 && lines.allSatisfy { $0.count <= 80 } && !screen.contains("Members") && screen.contains("general")
        }
        XCTAssertTrue(narrow.ok, "at 80x24 the sidebar folds away: \(narrow.screen)")
        t.resize(width: 120, height: 40)
        XCTAssertTrue(t.wait(for: "Members").ok, t.screen())
        t.send("q")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    func testHelpOverlayListsTheKeys() throws {
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("?")
        let help = t.wait { $0.contains("Keys — Boards") && $0.contains("Enter") && $0.contains("Moving") }
        XCTAssertTrue(help.ok, help.screen)
        // The help scrolls: the last keys (General: Ctrl-C) are further down.
        t.send("G")
        XCTAssertTrue(t.wait { $0.contains("Ctrl-C") }.ok, t.screen())
        t.send("Escape")
        XCTAssertTrue(t.wait { !$0.contains("Keys — Boards") }.ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        let pid = try XCTUnwrap(t.pid)
        kill(pid, SIGTERM)
        XCTAssertNotNil(t.waitForExit())
        XCTAssertFalse(t.alternateScreen)
    }

    func testEscapeSequencesInPostsAreShownInert() throws {
        run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Sneaky \u{1B}[2J title",
             "--body", "Body with \u{1B}]52;c;aGk=\u{07} clipboard and \u{1B}[31mred"], as: "eve")
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("Enter")
        // Both titles, once the list is drawn (a capture may catch it half drawn).
        let board = t.wait { $0.contains("Sneaky ^[[2J title") && $0.contains("Older thread") }
        XCTAssertTrue(board.ok, "the screen was not cleared: \(board.screen)")
        t.send("Enter")
        let thread = t.wait(for: "^[]52;c;aGk=^G")
        XCTAssertTrue(thread.ok, thread.screen)
        XCTAssertTrue(thread.screen.contains("^[[31mred"), thread.screen)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    /// Runs `weft` on a pseudo-terminal made by `script` (util-linux), for cases
    /// where the program ends before tmux would show anything.
    func runOnPseudoTerminal(_ shellCommand: String, env: [String: String]) -> WeftProcess.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", shellCommand, "/dev/null"]
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return WeftProcess.Result(status: -1, stdout: "", stderr: "\(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return WeftProcess.Result(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    func testUnknownTerminalIsAClearError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is missing") }
        let r = runOnPseudoTerminal("exec '\(WeftProcess.executable)' --space '\(box.space)' < /dev/tty",
                                    env: terminalEnvironment(term: "no-such-terminal"))
        XCTAssertEqual(r.status, 1, r.stdout)
        let lines = r.stdout.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 1, "one line: \(r.stdout)")
        XCTAssertTrue(r.stdout.hasPrefix("weft: ") && r.stdout.contains("TERM"), r.stdout)
    }

    func testClosedStdinEndsTheProgram() throws {
        // stdout is a terminal but stdin is at end of file: the UI must end, not spin.
        let t = try TmuxSession(command: ["sh", "-c", "exec \"$0\" --space \"$1\" < /dev/null", WeftProcess.executable, box.space],
                                env: terminalEnvironment())
        XCTAssertNotNil(t.waitForExit(timeout: 10), t.screen())
        XCTAssertFalse(t.alternateScreen)
    }
}
