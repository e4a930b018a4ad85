import Foundation
import TerminalUI
import WeftCore
import WeftStore
import WeftTestSupport
import XCTest

@testable import WeftApp

/// Syncing from the full-screen interface: the sync key, the status line,
/// the interval, and what others wrote arriving as unread.
final class SyncUITests: XCTestCase {
    private var box: Sandbox!

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed")
        box = Sandbox(handle: "ann")
    }

    override func tearDown() {
        box = nil
    }

    private func env(_ handle: String) -> [String: String] {
        var e = box.environment(handle: handle, device: handle == "ann" ? "laptop" : "desk")
        e["GIT_CONFIG_NOSYSTEM"] = "1"
        return e
    }

    @discardableResult
    private func weft(_ handle: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = WeftProcess.run(args, env: env(handle))
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.trimmed
    }

    private func git(_ args: [String]) {
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

    /// Ticks the loop until the running sync has ended.
    private func waitForSync(_ loop: AppLoop, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(30)
        while loop.state.sync?.running == true, Date() < deadline {
            usleep(20_000)
            loop.handle(.tick)
        }
        XCTAssertEqual(loop.state.sync?.running, false, "the sync ended", file: file, line: line)
    }

    func testTheSyncKeyBringsOthersPostsAsUnreadAndTheStatusLineTellsTheState() throws {
        let remote = box.root + "/remote.git"
        let annPath = box.root + "/ann", bobPath = box.root + "/bob"
        git(["init", "-q", "--bare", "--initial-branch=main", remote])
        weft("ann", ["init", annPath, "--git", "--remote", remote])
        weft("ann", ["--space", annPath, "board", "create", "general"])
        weft("ann", ["--space", annPath, "sync"])
        git(["clone", "-q", remote, bobPath])
        let thread = weft("bob", ["--space", bobPath, "thread", "new", "--board", "general", "--title", "From Bob", "--body", "Hi."])
        weft("bob", ["--space", bobPath, "comment", thread, "--body", "And more."])
        weft("bob", ["--space", bobPath, "sync"])

        let store = try Store.open(spaceFlag: annPath, env: StoreEnvironment(env("ann")))
        let terminal = HeadlessTerminal(width: 120, height: 40)
        let loop = AppLoop(store: store, terminal: terminal)
        loop.start()
        XCTAssertNotNil(loop.state.sync, "the space is synced with git")
        XCTAssertEqual(loop.state.totalUnread, 0)
        XCTAssertTrue(terminal.screen[39].contains("synced "), terminal.screen[39])

        loop.handle(.key(.char("S")))
        XCTAssertTrue(terminal.screen[39].contains("Syncing…") || loop.state.sync?.running == false, terminal.screen[39])
        waitForSync(loop)
        XCTAssertEqual(loop.state.totalUnread, 2, "bob's thread and comment arrive unread")
        XCTAssertTrue(terminal.text.contains("Synced with origin: "), terminal.screen[39])
        XCTAssertTrue(terminal.screen[0].hasSuffix("2 unread"), terminal.screen[0])
        loop.handle(.key(.enter))
        XCTAssertTrue(terminal.text.contains("From Bob"))

        // A line written here (by another process) shows as unpushed until the next sync.
        weft("ann", ["--space", annPath, "status", "post", "not pushed yet"])
        let deadline = Date().addingTimeInterval(10)
        while loop.state.sync?.unpushed != 1, Date() < deadline {
            usleep(50_000)
            loop.handle(.tick)
        }
        XCTAssertEqual(loop.state.sync?.unpushed, 1)
        XCTAssertTrue(terminal.screen[39].contains("1 unpushed"), terminal.screen[39])
        loop.handle(.key(.char("S")))
        waitForSync(loop)
        XCTAssertEqual(loop.state.sync?.unpushed, 0)
        XCTAssertFalse(terminal.screen[39].contains("unpushed"), terminal.screen[39])
        XCTAssertTrue(weft("bob", ["--space", bobPath, "sync"]).contains("received"))
    }

    func testTheSyncKeyOnASpaceWithoutGitExplainsHowToSetItUp() throws {
        let state = State(spaceName: "t", viewer: try Handle("ann"), timeZone: TimeZone(identifier: "UTC")!,
                          now: Timestamp(milliseconds: 0), size: Size(width: 100, height: 20))
        let (after, effects) = state.pressing(.char("S"))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(after.notice?.isWarning, true)
        XCTAssertTrue(after.notice?.text.contains("weft sync init") ?? false)
    }

    func testTheIntervalSyncsWhenItHasPassedAndNotBefore() throws {
        let start = Timestamp(milliseconds: 1_800_000_000_000)
        var state = State(spaceName: "t", viewer: try Handle("ann"), timeZone: TimeZone(identifier: "UTC")!,
                          now: start, size: Size(width: 100, height: 20))
        _ = reduce(&state, .syncStatusLoaded(SyncStatus(enabled: true, lastSync: start), interval: 300))
        let version = IndexVersion(journals: 0, bytes: 0)
        XCTAssertEqual(reduce(&state, .polled(now: start.adding(seconds: 299), version: version)), [])
        XCTAssertEqual(reduce(&state, .polled(now: start.adding(seconds: 300), version: version)), [.sync])
        XCTAssertEqual(state.sync?.running, true)
        XCTAssertEqual(reduce(&state, .polled(now: start.adding(seconds: 900), version: version)), [], "one sync at a time")
        XCTAssertEqual(reduce(&state, .input(.tick)), [], "no polling while git replaces journals")
        var report = SyncReport()
        report.at = start.adding(seconds: 602)
        _ = reduce(&state, .syncFinished(.failed("cannot reach remote 'origin'"), now: start.adding(seconds: 301)))
        XCTAssertEqual(state.notice?.isWarning, true, "a failed automatic sync is reported")
        XCTAssertEqual(reduce(&state, .polled(now: start.adding(seconds: 400), version: version)), [],
                       "a failed sync waits for the next interval too")
        XCTAssertEqual(reduce(&state, .polled(now: start.adding(seconds: 601), version: version)), [.sync])
        state.notice = nil
        _ = reduce(&state, .syncFinished(.synced(report), now: start.adding(seconds: 602)))
        XCTAssertNil(state.notice, "a quiet automatic sync says nothing")
        XCTAssertEqual(SyncUpdate.statusText(state), "synced 08:10", "the report's time")
    }

    func testIntervalSetting() throws {
        XCTAssertNil(try SyncSettings.interval(ConfigFile(values: [:])))
        XCTAssertNil(try SyncSettings.interval(ConfigFile(values: ["sync_interval": "off"])))
        XCTAssertEqual(try SyncSettings.interval(ConfigFile(values: ["sync_interval": "5m"])), 300)
        XCTAssertEqual(try SyncSettings.interval(ConfigFile(values: ["sync_interval": "30s"])), 30)
        XCTAssertEqual(try SyncSettings.interval(ConfigFile(values: ["sync_interval": "1h"])), 3600)
        for bad in ["5", "2s", "soon", "-5m"] {
            XCTAssertThrowsError(try SyncSettings.interval(ConfigFile(values: ["sync_interval": bad])), bad)
        }
    }
}
