import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// The Board screen's reading keys: filters and sorts (kept per board), catch
/// up with its confirmation, unread again, pins and stars — reducer tests,
/// and a loop over a real store for what the effects do.
final class ReadingKeysTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 800)
    }

    override func tearDown() {
        fixture = nil
    }

    private func openedBoard() -> (loop: AppLoop, terminal: HeadlessTerminal) {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        return (loop, terminal)
    }

    func testFilterKeysChangeTheOptionsSaveThemAndReloadTheList() throws {
        let (loop, _) = openedBoard()
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let selected = loop.state.board?.selected?.id
        let (unreadOnly, effects) = loop.state.pressing(.char("U"))
        let expected = ThreadListOptions(filters: [.unread])
        XCTAssertEqual(unreadOnly.board?.options, expected)
        XCTAssertEqual(effects, [.saveBoardOptions(slug, expected), .refreshBoard(slug, options: expected, keeping: selected)])
        XCTAssertEqual(unreadOnly.notice?.text, "Showing: unread")
        XCTAssertEqual(unreadOnly.pressing(.char("U")).state.board?.options, .default, "U again shows everything")
        let decided = unreadOnly.pressing(.char("D")).state
        XCTAssertEqual(decided.board?.options.filters, [.unread, .decided])
        let undecided = decided.pressing(.char("D")).state
        XCTAssertEqual(undecided.board?.options.filters, [.unread, .undecided])
        XCTAssertEqual(undecided.pressing(.char("D")).state.board?.options.filters, [.unread])
        let sorted = undecided.pressing(.char("o")).state
        XCTAssertEqual(sorted.board?.options.sort, .created)
        XCTAssertEqual(sorted.pressing(.char("o")).state.pressing(.char("o")).state.board?.options.sort, .activity)
        let mine = sorted.pressing(.char("M")).state.pressing(.char("F")).state
        XCTAssertEqual(mine.board?.options.filters, [.unread, .undecided, .mine, .followups])
        XCTAssertEqual(mine.pressing(.char("X")).state.board?.options, .default)
        let title = render(sorted, size: sorted.size).line(0)
        XCTAssertTrue(title.contains("[unread · undecided · by creation]"), title)
    }

    func testTheListShowsOnlyMatchingThreadsAndTheChoiceIsKeptPerBoard() throws {
        let (loop, terminal) = openedBoard()
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let all = try XCTUnwrap(loop.state.board?.list.rowCount)
        let first = try XCTUnwrap(loop.state.board?.selected)
        loop.handle(.key(.enter))  // read the first thread
        loop.handle(.key(.char("q")))
        loop.handle(.key(.char("U")))
        XCTAssertEqual(loop.state.board?.list.rowCount, all - 1, "the thread just read is gone")
        XCTAssertFalse(loop.state.board?.window.rows.contains { $0.id == first.id } ?? true)
        XCTAssertTrue(terminal.text.contains("[unread]"))
        XCTAssertEqual(try fixture.store.index.listOptions(board: slug), ThreadListOptions(filters: [.unread]))
        // A new run of the app opens the board with the same view.
        let (again, _) = fixture.startedLoop(width: 120, height: 40)
        again.handle(.key(.enter))
        XCTAssertEqual(again.state.board?.options, ThreadListOptions(filters: [.unread]))
        XCTAssertEqual(again.state.board?.list.rowCount, all - 1)
    }

    func testCatchUpAsksFirstAndMarksTheBoardRead() throws {
        let (loop, terminal) = openedBoard()
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let threads = try XCTUnwrap(loop.state.board?.list.rowCount)
        loop.handle(.key(.char("C")))
        let confirm = try XCTUnwrap(loop.state.dialog)
        XCTAssertEqual(confirm.message, ["Mark \(threads) threads in #\(slug.rawValue) read?"])
        XCTAssertTrue(terminal.text.contains("Catch up?"))
        XCTAssertTrue(terminal.screen.last?.contains("y yes") ?? false, terminal.screen.last ?? "")
        loop.handle(.key(.char("j")))
        XCTAssertNotNil(loop.state.dialog, "other keys do nothing while asking")
        loop.handle(.key(.char("n")))
        XCTAssertNil(loop.state.dialog)
        XCTAssertGreaterThan(try fixture.store.index.unreadCounts(viewer: fixture.store.me)[slug] ?? 0, 0)
        loop.handle(.key(.char("C")))
        loop.handle(.key(.char("y")))
        XCTAssertNil(loop.state.dialog)
        XCTAssertEqual(loop.state.notice?.text, "Marked \(threads) threads in #\(slug.rawValue) read.")
        XCTAssertNil(try fixture.store.index.unreadCounts(viewer: fixture.store.me)[slug])
        XCTAssertEqual(loop.state.boards.unread?[slug] ?? 0, 0, "counts on screen follow")
        XCTAssertFalse(loop.state.board?.window.rows.contains { $0.unread > 0 } ?? true)
        loop.handle(.key(.char("C")))
        XCTAssertNil(loop.state.dialog)
        XCTAssertEqual(loop.state.notice?.text, "Nothing unread in #\(slug.rawValue).")
    }

    func testMarkUnreadFromTheListAndFromTheThread() throws {
        let (loop, _) = openedBoard()
        let slug = try XCTUnwrap(loop.state.board?.slug)
        loop.handle(.key(.char("C")))
        loop.handle(.key(.char("y")))
        let thread = try XCTUnwrap(loop.state.board?.selected)
        loop.handle(.key(.char("u")))
        XCTAssertGreaterThan(loop.state.board?.selected?.unread ?? 0, 0)
        XCTAssertEqual(loop.state.board?.selected?.id, thread.id)
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .thread(thread.id))
        loop.handle(.key(.char("u")))
        XCTAssertEqual(loop.state.route, .board(slug), "u in a thread goes back to the list")
        XCTAssertGreaterThan(loop.state.board?.selected?.unread ?? 0, 0, "and leaving did not mark it read")
    }

    func testOnlyTheBoardAdminPins() throws {
        let (loop, _) = openedBoard()
        let board = try XCTUnwrap(loop.state.boards.row(try XCTUnwrap(loop.state.board?.slug))?.board)
        loop.handle(.key(.char("P")))
        XCTAssertEqual(loop.state.notice, Notice("Only the board's admin (\(board.createdBy.rawValue)) can pin threads.", isWarning: true))
        // The admin's own app pins; the thread moves to the top for everyone.
        let adminFixture = try AppFixture(posts: 800, viewer: board.createdBy.rawValue)
        let (admin, terminal) = adminFixture.startedLoop(width: 120, height: 40)
        admin.handle(.key(.enter))
        admin.handle(.key(.char("j")))
        admin.handle(.key(.char("j")))
        let picked = try XCTUnwrap(admin.state.board?.selected)
        admin.handle(.key(.char("P")))
        XCTAssertEqual(admin.state.notice?.text, "Pinned the thread to the top of the board.")
        XCTAssertEqual(admin.state.board?.window.rows.first?.id, picked.id)
        XCTAssertEqual(admin.state.board?.selected?.id, picked.id, "the selection follows the thread")
        XCTAssertTrue(terminal.screen[2].contains("📌"), terminal.screen[2])
        admin.handle(.key(.char("P")))
        XCTAssertEqual(admin.state.notice?.text, "Unpinned the thread.")
    }

    func testStarsLeadTheBoardsAndTheSidebar() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        let last = try XCTUnwrap(loop.state.boards.rows.last?.board.slug)
        loop.handle(.key(.char("G")))
        loop.handle(.key(.char("*")))
        XCTAssertEqual(loop.state.boards.rows.first?.board.slug, last)
        XCTAssertEqual(loop.state.boards.list.selectedIndex, 0, "the selection stays on the starred board")
        XCTAssertTrue(terminal.text.contains("★ \(last.rawValue)"), terminal.text)
        XCTAssertEqual(try fixture.store.index.starredBoards(), [last])
        let (again, _) = fixture.startedLoop(width: 120, height: 40)
        XCTAssertEqual(again.state.boards.rows.first?.board.slug, last, "kept for next time")
        again.handle(.key(.tab))
        XCTAssertEqual(again.state.focus, .sidebar)
        let row = try XCTUnwrap(again.state.sidebarItems.firstIndex(of: .board(last)))
        for _ in 0..<row { again.handle(.key(.char("j"))) }
        again.handle(.key(.char("*")))
        XCTAssertEqual(try fixture.store.index.starredBoards(), [], "unstarred from the sidebar")
    }

    func testConfirmationSnapshot() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            loop.handle(.key(.enter))
            loop.handle(.key(.char("U")))
            loop.handle(.key(.char("C")))
            Snapshot.assert(terminal.screen, named: "catch-up-\(width)x\(height)")
        }
    }
}
