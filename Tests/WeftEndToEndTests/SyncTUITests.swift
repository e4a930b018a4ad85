import Foundation
import XCTest
import WeftTestSupport

/// Syncing from the real full-screen UI under tmux: the sync key, and the
/// interval from config.toml, bring others' posts in as unread.
final class SyncTUITests: XCTestCase {
    var box: Sandbox!
    var remote: String { box.root + "/remote.git" }

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { throw XCTSkip("git is not installed") }
        box = Sandbox(handle: "ann")
        git(["init", "-q", "--bare", "--initial-branch=main", remote])
        weft("ann", ["init", path("ann"), "--git", "--remote", remote, "--name", "Synced"])
        weft("ann", ["--space", path("ann"), "board", "create", "general", "--title", "General talk"])
        weft("ann", ["--space", path("ann"), "sync"])
    }

    func path(_ who: String) -> String { box.root + "/clone-" + who }

    func env(_ who: String) -> [String: String] {
        var e = box.environment(handle: who)
        e["GIT_CONFIG_NOSYSTEM"] = "1"
        return e
    }

    @discardableResult
    func weft(_ who: String, _ args: [String]) -> String {
        let r = WeftProcess.run(args, env: env(who))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)")
        return r.trimmed
    }

    func git(_ args: [String]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = args
        p.environment = env("ann")
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        XCTAssertNoThrow(try p.run())
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "git \(args.joined(separator: " "))")
    }

    /// bob clones, starts a thread and syncs it.
    func bobWrites(_ title: String) {
        if !FileManager.default.fileExists(atPath: path("bob")) { git(["clone", "-q", remote, path("bob")]) }
        weft("bob", ["--space", path("bob"), "thread", "new", "--board", "general", "--title", title, "--body", "From bob."])
        weft("bob", ["--space", path("bob"), "sync"])
    }

    func open(_ who: String) throws -> TmuxSession {
        var e = env(who)
        e["TERM"] = "screen"
        return try TmuxSession(command: [WeftProcess.executable, "--space", path(who)], env: e, width: 100, height: 30)
    }

    /// "synced 14:05" on the status line.
    static func showsSyncTime(_ screen: String) -> Bool {
        screen.range(of: #"synced [0-9]{2}:[0-9]{2}"#, options: .regularExpression) != nil
    }

    func testTheSyncKeyBringsBobsThreadAsUnread() throws {
        bobWrites("Hello from the desk")
        let t = try open("ann")
        XCTAssertTrue(t.wait { Self.showsSyncTime($0) }.ok, "the status line shows the last sync: \(t.screen())")
        XCTAssertTrue(t.wait(for: "all read").ok, t.screen())
        t.send("S")
        let synced = t.wait(for: "Synced with origin", timeout: 30)
        XCTAssertTrue(synced.ok, synced.screen)
        XCTAssertTrue(t.wait(for: "1 unread").ok, t.screen())
        t.send("Enter")
        XCTAssertTrue(t.wait(for: "Hello from the desk").ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }

    func testTheIntervalSyncsWhileOpen() throws {
        bobWrites("First")
        git(["clone", "-q", remote, path("cy")])
        bobWrites("Second, after cy cloned")
        box.write("sync_interval = \"10s\"\n", to: "config/weft/config.toml")
        // cy never synced from this machine: the first poll syncs.
        let t = try open("cy")
        let synced = t.wait(timeout: 30) { $0.contains("2 unread") && Self.showsSyncTime($0) }
        XCTAssertTrue(synced.ok, synced.screen)
        t.send("Enter")
        XCTAssertTrue(t.wait(for: "Second, after cy cloned").ok, t.screen())
        t.send("C-c")
        XCTAssertEqual(t.waitForExit(), 0)
    }
}
