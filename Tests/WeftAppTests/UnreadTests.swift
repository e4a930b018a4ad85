import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Unread logic: counts, markers, `n`/`p` across a board's unread threads, and
/// the read marker saved when leaving a thread.
final class UnreadTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 800)
    }

    override func tearDown() {
        fixture = nil
    }

    func testCountsArriveAfterTheFirstFrame() throws {
        let terminal = HeadlessTerminal(width: 120, height: 40)
        let loop = AppLoop(store: fixture.store, terminal: terminal)
        loop.start()
        XCTAssertEqual(terminal.frameCount, 2, "a frame without counts, then one with them")
        let counts = try fixture.store.index.unreadCounts(viewer: fixture.store.me)
        XCTAssertEqual(loop.state.boards.unread, counts)
        XCTAssertEqual(loop.state.totalUnread, fixture.summary.threads + fixture.summary.comments,
                       "ann wrote nothing: every post is unread")
        XCTAssertTrue(terminal.screen[0].hasSuffix("\(fixture.summary.threads + fixture.summary.comments) unread"))
    }

    func testBoardsShowPendingCountsBeforeTheyArrive() throws {
        var state = State(spaceName: "t", viewer: fixture.store.me, timeZone: TimeZone(identifier: "UTC")!,
                          now: AppFixture.now, size: Size(width: 100, height: 20))
        _ = reduce(&state, .boardsLoaded(try fixture.store.index.boardActivity()))
        let pending = render(state, size: state.size)
        XCTAssertTrue(pending.line(2).contains("…"), pending.line(2))
        XCTAssertFalse(pending.line(0).contains("unread"))
        _ = reduce(&state, .unreadCounted([state.boards.rows[0].board.slug: 7]))
        let counted = render(state, size: state.size)
        XCTAssertTrue(counted.line(2).contains(" 7 "), counted.line(2))
        XCTAssertTrue(counted.line(2).hasPrefix("●") || counted.line(2).contains("│●"), counted.line(2))
        XCTAssertTrue(counted.line(0).hasSuffix("7 unread"))
    }

    func testOwnPostsAreNotUnread() throws {
        let writerFixture = try AppFixture(posts: 300, viewer: "user1")
        let (loop, _) = writerFixture.startedLoop()
        let all = writerFixture.summary.threads + writerFixture.summary.comments
        let total = try XCTUnwrap(loop.state.totalUnread)
        XCTAssertLessThan(total, all, "user1's own posts are not unread to user1")
        XCTAssertGreaterThan(total, 0)
    }

    func testLeavingAThreadSavesTheReadMarkerAndLowersCounts() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let before = try XCTUnwrap(loop.state.boards.unread?[slug])
        let thread = try XCTUnwrap(loop.state.board?.selected)
        XCTAssertGreaterThan(thread.unread, 0)
        // Row 2 is the first thread, right of the docked sidebar.
        XCTAssertTrue(mainPane(terminal.screen[2]).hasPrefix("●"), "unread marker on the first row")

        loop.handle(.key(.enter))
        XCTAssertTrue(terminal.text.contains("· new"), "unread posts are marked new")
        loop.handle(.key(.char("q")))

        XCTAssertEqual(loop.state.boards.unread?[slug], before - thread.unread, "counted down without a reload")
        XCTAssertEqual(loop.state.board?.selected?.unread, 0)
        XCTAssertFalse(mainPane(terminal.screen[2]).hasPrefix("●"), terminal.screen[2])
        // The marker is on disk: the store agrees.
        let stored = try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 1)[0]
        XCTAssertEqual(stored.id, thread.id)
        XCTAssertEqual(stored.unread, 0)
        XCTAssertEqual(try fixture.store.index.unreadCounts(viewer: fixture.store.me)[slug], before - thread.unread)

        loop.handle(.key(.enter))
        XCTAssertFalse(terminal.text.contains("· new"), "read posts are not new any more")
    }

    /// The part of a screen row right of the sidebar's border.
    private func mainPane(_ row: String) -> String {
        row.split(separator: "│", maxSplits: 1).last.map(String.init) ?? row
    }

    /// Presses `n` once per unread comment of the open thread (opened on
    /// its unread head), checking each selects the next one in the thread.
    private func walkUnreadComments(_ loop: AppLoop, file: StaticString = #filePath, line: UInt = #line) {
        guard let thread = loop.state.thread, let document = thread.document else {
            return XCTFail("no thread open", file: file, line: line)
        }
        let unread = document.targets.filter { $0.block == nil && $0.post.kind == .comment && $0.post.unread }
        for target in unread {
            loop.handle(.key(.char("n")))
            XCTAssertEqual(loop.state.route, .thread(thread.id), file: file, line: line)
            XCTAssertEqual(loop.state.thread?.selection, target.key, file: file, line: line)
        }
    }

    func testNextAndPreviousUnreadWalkTheBoard() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let rows = try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 3)
        XCTAssertTrue(rows.allSatisfy { $0.unread > 0 })

        // From the list, n opens the selected thread when it is unread.
        let (opened, effects) = loop.state.pressing(.char("n"))
        XCTAssertEqual(opened.route, loop.state.route, "nothing changes until the store answers")
        XCTAssertEqual(effects, [.findUnreadThread(slug, from: ThreadAnchor(rows[0]), direction: .down, including: true)])
        loop.handle(.key(.char("n")))
        XCTAssertEqual(loop.state.route, .thread(rows[0].id))

        // In a thread, n walks its unread comments, then saves the read
        // marker and opens the next one down.
        walkUnreadComments(loop)
        loop.handle(.key(.char("n")))
        XCTAssertEqual(loop.state.route, .thread(rows[1].id))
        XCTAssertEqual(loop.state.board?.list.selection, 1)
        XCTAssertEqual(try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 1)[0].unread, 0)
        XCTAssertEqual(loop.state.stack.count, 3, "n replaces the thread, it does not stack")

        walkUnreadComments(loop)
        loop.handle(.key(.char("n")))
        XCTAssertEqual(loop.state.route, .thread(rows[2].id))

        // p goes back up: the two above are read now, so nothing is found.
        loop.handle(.key(.char("p")))
        XCTAssertEqual(loop.state.route, .thread(rows[2].id))
        XCTAssertEqual(loop.state.notice?.text, "No unread threads above.")
        XCTAssertEqual(loop.state.board?.window.row(2)?.unread, 0, "p still saved the read marker")
    }

    func testPreviousUnreadFindsAThreadAbove() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let rows = try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 5)
        fixture.press(.char("j"), .char("j"), .char("j"), .enter, on: loop)
        XCTAssertEqual(loop.state.route, .thread(rows[3].id))
        loop.handle(.key(.char("p")))
        XCTAssertEqual(loop.state.route, .thread(rows[2].id))
        XCTAssertEqual(loop.state.board?.list.selection, 2)
    }

    func testNoUnreadBelowSaysSo() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let total = try fixture.store.index.threadCount(board: slug)
        for thread in try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: total) {
            try fixture.store.index.markThreadRead(thread.id)
        }
        loop.handle(.key(.char("n")))
        XCTAssertEqual(loop.state.route, .board(slug))
        XCTAssertTrue(terminal.screen.last?.contains("No unread threads below.") ?? false)
        loop.handle(.key(.char("j")))
        XCTAssertNil(loop.state.notice, "a notice lasts until the next key")
    }
}
