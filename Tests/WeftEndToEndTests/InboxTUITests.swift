import Foundation
import XCTest
import WeftTestSupport

/// The inbox in the real binary under tmux: another process mentions ann and
/// asks her to follow up. With an instant cadence both appear without a
/// keypress; with a daily cadence they wait for the configured time. The
/// clock is pinned with WEFT_NOW (a testing aid) and then runs at real speed.
final class InboxTUITests: XCTestCase {
    var box: Sandbox!
    var thread = ""

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        pin("2026-11-23T08:00:00Z")
        run(["init", box.space, "--name", "E2E"])
        run(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        thread = run(["--space", box.space, "thread", "new", "--board", "general", "--title", "Launch checklist",
                      "--body", "What is left?"]).trimmed
        run(["--space", box.space, "profile", "set", "--tz", "UTC"], as: "bob")
    }

    /// From now on every process agrees that it is `iso` now (and time runs on).
    func pin(_ iso: String) {
        box.extraEnvironment["WEFT_NOW"] = "\(iso)@\(Int64(Date().timeIntervalSince1970 * 1000))"
    }

    @discardableResult
    func run(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let r = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func start() throws -> TmuxSession {
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["LANG"] = nil
        return try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 110, height: 30)
    }

    /// bob mentions ann and asks her to follow up, from his own process.
    func bobWrites() {
        run(["--space", box.space, "comment", thread, "--body", "@ann the copy is ready for review"], as: "bob")
        run(["--space", box.space, "followup", "add", thread, "--to", "ann", "--due", "fri", "--note", "sign off the copy"], as: "bob")
    }

    func testWithAnInstantCadenceBothAppearWithoutAKeypress() throws {
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("i")
        XCTAssertTrue(t.wait(for: "Inbox zero").ok, t.screen())
        bobWrites()
        let seen = t.wait(timeout: 10) { $0.contains("mention") && $0.contains("follow-up asked") }
        XCTAssertTrue(seen.ok, seen.screen)
        XCTAssertTrue(seen.screen.contains("Launch checklist"), "grouped under the thread: \(seen.screen)")
        XCTAssertTrue(seen.screen.contains("sign off the copy"), seen.screen)
        XCTAssertTrue(seen.screen.split(separator: "\n").first?.contains("inbox 2") == true, "count in the title bar: \(seen.screen)")
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    func testWithADailyCadenceTheyWaitForTheConfiguredTime() throws {
        run(["--space", box.space, "config", "set", "--cadence", "daily 09:00"])
        // 08:59:40 now; the daily delivery is at 09:00 (UTC), twenty seconds away.
        pin("2026-11-23T08:59:40Z")
        let t = try start()
        XCTAssertTrue(t.wait(for: "general").ok, t.screen())
        t.send("i")
        XCTAssertTrue(t.wait(for: "Inbox zero").ok, t.screen())
        bobWrites()
        let held = t.wait(timeout: 10) { $0.contains("held, next at 2026-11-23 09:00") }
        XCTAssertTrue(held.ok, "the UI saw them and holds them: \(held.screen)")
        XCTAssertFalse(held.screen.contains("follow-up asked"), held.screen)
        XCTAssertFalse(held.screen.contains("mention "), held.screen)
        // No key is pressed: at 09:00 they are delivered.
        let delivered = t.wait(timeout: 40) { $0.contains("mention") && $0.contains("follow-up asked") }
        XCTAssertTrue(delivered.ok, delivered.screen)
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }
}
