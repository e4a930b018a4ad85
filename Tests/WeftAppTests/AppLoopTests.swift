import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// The app loop against a real store and a headless terminal: live refresh,
/// ways out, and frames only when something changed.
final class AppLoopTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 400)
    }

    override func tearDown() {
        fixture = nil
    }

    func testAnotherWritersThreadAppearsAfterATick() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let before = try XCTUnwrap(loop.state.board?.list.rowCount)
        fixture.press(.char("j"), .char("j"), on: loop)
        let selected = try XCTUnwrap(loop.state.board?.selected)
        XCTAssertFalse(terminal.text.contains("Fresh from Bob"))

        let bob = try fixture.writer("bob")
        try bob.append(.threadCreated(ThreadCreated(title: "Fresh from Bob ☕ 日本", blocks: Blocks.split("Hi"))),
                       board: slug)
        loop.handle(.tick)

        XCTAssertTrue(terminal.screen[2].contains("Fresh from Bob ☕ 日本"), terminal.screen[2])
        XCTAssertEqual(loop.state.board?.list.rowCount, before + 1)
        XCTAssertEqual(loop.state.board?.selected?.id, selected.id, "the selection stays on the same thread")
        XCTAssertEqual(loop.state.board?.list.selection, 3)
        let totals = try fixture.store.index.unreadCounts(viewer: fixture.store.me)
        XCTAssertEqual(loop.state.boards.unread, totals, "unread counts were refreshed too")
    }

    func testAPostWrittenThroughTheSameIndexAppearsAfterATick() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let cli = try fixture.writerSharingIndex("carol")
        try cli.append(.threadCreated(ThreadCreated(title: "Carol via the CLI", blocks: Blocks.split("Hi"))), board: slug)
        XCTAssertEqual(try fixture.store.index.catchUp().eventsApplied, 0, "carol's command applied it already")
        loop.handle(.tick)
        XCTAssertTrue(terminal.screen[2].contains("Carol via the CLI"), terminal.text)
    }

    func testAnotherWritersCommentAppearsInTheOpenThread() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        fixture.press(.enter, .enter, on: loop)
        let id = try XCTUnwrap(loop.state.thread?.id)
        let comments = try XCTUnwrap(loop.state.thread?.detail?.comments.count)
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let bob = try fixture.writer("bob")
        try bob.append(.commentCreated(CommentCreated(thread: id, parent: nil, body: "Live from Bob 🚀")), board: slug)
        loop.handle(.key(.char("G")))
        XCTAssertFalse(terminal.text.contains("Live from Bob"))
        loop.handle(.tick)
        XCTAssertEqual(loop.state.thread?.detail?.comments.count, comments + 1)
        loop.handle(.key(.char("G")))
        XCTAssertTrue(terminal.text.contains("Live from Bob 🚀"), terminal.text)
        XCTAssertTrue(terminal.text.contains("bob ·"))
    }

    func testOnlyANewIndexVersionReloads() {
        var state = fixture.startedLoop().loop.state
        let seen = try? fixture.store.index.version()
        XCTAssertEqual(state.indexVersion, seen, "the loop noted the version at start")
        let version = IndexVersion(journals: 3, bytes: 100)
        var fresh = State(spaceName: "t", viewer: state.viewer, timeZone: state.clock.local.timeZone,
                          now: AppFixture.now, size: state.size)
        XCTAssertEqual(reduce(&fresh, .polled(now: AppFixture.now, version: version)), [], "the first poll notes it")
        XCTAssertEqual(reduce(&fresh, .polled(now: AppFixture.now, version: version)), [])
        XCTAssertEqual(reduce(&fresh, .polled(now: AppFixture.now, version: IndexVersion(journals: 3, bytes: 180))),
                       [.loadBoards, .countUnread, .loadInbox, .loadFollowUps])
        _ = reduce(&state, .input(.key(.enter)))
        let slug = state.board?.slug
        XCTAssertEqual(reduce(&state, .polled(now: AppFixture.now, version: version)),
                       [.loadBoards, .countUnread, .refreshBoard(slug!, keeping: state.board?.selected?.id)],
                       "the inbox, computed a moment ago, waits a few seconds off its screen")
        XCTAssertEqual(reduce(&state, .polled(now: AppFixture.now.adding(seconds: 5), version: version)),
                       [.loadInbox, .loadFollowUps])
    }

    func testIdleTicksDoNotRedraw() {
        let (loop, terminal) = fixture.startedLoop()
        let frames = terminal.frameCount
        loop.handle(.tick)
        loop.handle(.tick)
        XCTAssertEqual(terminal.frameCount, frames)
        loop.handle(.key(.char("j")))
        XCTAssertEqual(terminal.frameCount, frames + 1)
    }

    func testRunPollsEveryHalfSecondAndEndsWhenInputCloses() {
        let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.enter), .tick, .key(.enter)])
        let loop = AppLoop(store: fixture.store, terminal: terminal)
        XCTAssertEqual(loop.run(), 0)
        XCTAssertTrue(loop.isFinished)
        XCTAssertEqual(terminal.requestedTimeouts, [500, 500, 500, 500], "three events, then .closed")
    }

    func testLeavingByStdinClosedOrSignalSavesTheThreadAsRead() throws {
        for ending: InputEvent in [.closed, .terminate, .key(.ctrl("c"))] {
            let fixture = try AppFixture(posts: 100, boards: 1)
            let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.enter), .key(.enter), ending])
            let loop = AppLoop(store: fixture.store, terminal: terminal)
            XCTAssertEqual(loop.run(), 0)
            let id = try XCTUnwrap(loop.state.thread?.id ?? loop.state.board?.selected?.id)
            let slug = try XCTUnwrap(loop.state.board?.slug)
            let stored = try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 1)[0]
            XCTAssertEqual(stored.id, id)
            XCTAssertEqual(stored.unread, 0, "\(ending) left the thread read")
        }
    }

    func testQuitOnBoardsStopsWithoutAnotherFrame() {
        let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.char("q")), .key(.char("j"))])
        let loop = AppLoop(store: fixture.store, terminal: terminal)
        XCTAssertEqual(loop.run(), 0)
        XCTAssertEqual(terminal.frameCount, 2, "the first frame and the one with counts")
        XCTAssertEqual(terminal.requestedTimeouts.count, 1, "nothing is read after q")
    }

    func testStoreErrorsShowOnTheStatusLine() throws {
        let (loop, terminal) = fixture.startedLoop()
        // A thread id that does not exist (the thread was deleted meanwhile).
        let ghost = try XCTUnwrap(EventID("0190f000-0000-7000-8000-00000000dead"))
        var state = loop.state
        _ = reduce(&state, .input(.key(.enter)))
        _ = reduce(&state, .failed("index: disk I/O error"))
        XCTAssertEqual(state.notice, Notice("index: disk I/O error", isWarning: true))
        XCTAssertTrue(render(state, size: state.size).line(23).contains("index: disk I/O error"))
        XCTAssertEqual(EffectRunner(store: fixture.store, viewer: state.viewer).run(.loadThread(ghost)),
                       .threadMissing(ghost))
        XCTAssertFalse(terminal.text.isEmpty)
    }
}

/// Forged lines the index rejected are surfaced on the status line at start.
final class JournalWarningTests: XCTestCase {
    func testForgedAuthorLinesAreReportedOnTheStatusLine() throws {
        let fixture = try AppFixture(posts: 10)
        let dir = fixture.box.space + "/journal"
        let forged = #"{"v":1,"id":"01a20000-0000-7000-8000-00000000f001","at":"2026-11-22T08:00:00.000Z","author":"bob","type":"status.posted","kind":"note","text":"forged"}"#
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/eve@x.jsonl", contents: Data((forged + "\n").utf8)))
        try fixture.store.index.catchUp()
        let (_, terminal) = fixture.startedLoop(width: 100, height: 30)
        XCTAssertTrue(terminal.text.contains("1 forged or untrusted journal entry ignored: run 'weft doctor'"), terminal.text)
    }
}

/// A private board leaves an open UI on the next tick once the viewer is removed from it.
final class PrivateBoardLiveTests: XCTestCase {
    func testRemovedMemberLosesTheBoardOnTheNextTick() throws {
        let fixture = try AppFixture(posts: 10)
        var env = fixture.box.environment(handle: "bob", device: "desk")
        env["WEFT_DEVICE"] = "desk"
        let bob = try Store.open(spaceFlag: fixture.box.space, env: StoreEnvironment(env), clock: SystemClock())
        let slug = try BoardSlug("hush")
        try bob.createBoard(slug, title: "Hush", purpose: nil, visibility: .private, members: [try Handle("ann")])
        try bob.append(.threadCreated(ThreadCreated(title: "Quiet plans", blocks: Blocks.split("x"))), board: slug)
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        XCTAssertNotNil(loop.state.boards.row(slug))
        XCTAssertTrue(terminal.text.contains("hush"), terminal.text)
        try bob.changeMembers(slug, add: [], remove: [try Handle("ann")])
        loop.handle(.tick)
        XCTAssertNil(loop.state.boards.row(slug))
        XCTAssertFalse(terminal.text.contains("hush"), terminal.text)
    }
}
