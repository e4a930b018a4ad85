import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// A board never loads all its threads: the state keeps a window of rows
/// around the selection and asks for pages as the selection moves.
final class BoardWindowTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        // One board of about 400 threads: more than three pages.
        fixture = try AppFixture(posts: 4000, boards: 1)
    }

    override func tearDown() {
        fixture = nil
    }

    func testOpeningLoadsOnePageOnly() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let board = try XCTUnwrap(loop.state.board)
        let total = try fixture.store.index.threadCount(board: board.slug)
        XCTAssertGreaterThan(total, 3 * BoardScreen.pageSize)
        XCTAssertEqual(board.list.rowCount, total)
        XCTAssertEqual(board.window.offset, 0)
        XCTAssertEqual(board.window.rows.count, BoardScreen.pageSize)
        let first = try fixture.store.index.threads(board: board.slug, viewer: fixture.store.me, limit: 1)[0]
        XCTAssertTrue(terminal.text.contains(String(first.title.prefix(20))))
        XCTAssertEqual(BoardScreen.position(loop.state), "1/\(total)")
    }

    func testGoingToTheBottomAsksForTheLastPage() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let (bottom, effects) = loop.state.pressing(.char("G"))
        let slug = try XCTUnwrap(bottom.board?.slug)
        let total = try fixture.store.index.threadCount(board: slug)
        let lastPage = total - BoardScreen.pageSize
        guard case .loadThreadPage(let page) = effects.first, effects.count == 1 else { return XCTFail("\(effects)") }
        XCTAssertEqual(page.offset, lastPage)
        XCTAssertEqual(page.limit, BoardScreen.pageSize)
        XCTAssertNil(page.anchor)
        XCTAssertEqual(page.direction, .up, "counted from the bottom, not over every row above")
        XCTAssertEqual(page.skip, 0)

        loop.handle(.key(.char("G")))
        let board = try XCTUnwrap(loop.state.board)
        XCTAssertEqual(board.list.selection, total - 1)
        XCTAssertEqual(board.window.offset, lastPage)
        XCTAssertLessThanOrEqual(board.window.rows.count, BoardScreen.pageSize)
        let last = try XCTUnwrap(
            try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 1, offset: total - 1).first)
        XCTAssertEqual(board.selected?.id, last.id)
        XCTAssertTrue(terminal.text.contains(String(last.title.prefix(20))))
        XCTAssertEqual(BoardScreen.position(loop.state), "\(total)/\(total)")
    }

    func testMovingInsideTheWindowLoadsNothing() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.pressing(.char("j")).effects, [])
        XCTAssertEqual(loop.state.pressing(.pageDown).effects, [])
    }

    func testPagingDownKeepsAWindowAroundTheSelection() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        for _ in 0..<9 {
            loop.handle(.key(.pageDown))
            let board = try XCTUnwrap(loop.state.board)
            let visible = board.list.visibleRows(height: BoardScreen.height(loop.state))
            XCTAssertTrue(board.window.covers(visible), "rows \(visible) are loaded")
            XCTAssertLessThanOrEqual(board.window.rows.count, BoardScreen.pageSize)
            XCTAssertNotNil(board.selected)
        }
    }

    func testPagesStartNextToLoadedRows() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        // Page down until a load is needed: it starts right after the window.
        var state = loop.state
        var effects: [Effect] = []
        while effects.isEmpty {
            (state, effects) = state.pressing(.pageDown)
        }
        guard case .loadThreadPage(let page) = effects.first else { return XCTFail("\(effects)") }
        let window = try XCTUnwrap(state.board?.window)
        XCTAssertEqual(page.anchor, window.row(page.offset - 1).map(ThreadAnchor.init))
        XCTAssertEqual(page.direction, .down)
        XCTAssertEqual(page.skip, 0)
    }

    func testEveryPlannedPageHoldsTheSameRowsAsAnOffsetQuery() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let slug = try XCTUnwrap(loop.state.board?.slug)
        let me = fixture.store.me
        var seen = Set<Int>()
        // Down the whole board a page at a time, back up, to the bottom and top.
        let keys: [Key] = Array(repeating: .pageDown, count: 12) + Array(repeating: .pageUp, count: 12)
            + [.char("G"), .pageUp, .pageUp, .pageUp, .char("g"), .char("G"), .char("k")]
        for key in keys {
            loop.handle(.key(key))
            let window = try XCTUnwrap(loop.state.board?.window)
            guard seen.insert(window.offset).inserted else { continue }
            let expected = try fixture.store.index.threads(
                board: slug, viewer: me, limit: window.rows.count, offset: window.offset)
            XCTAssertEqual(window.rows.map(\.id), expected.map(\.id), "window at \(window.offset)")
        }
        XCTAssertGreaterThan(seen.count, 3, "several windows were loaded")
    }

    func testAFarPageCountsFromTheNearerEnd() throws {
        let slug = try BoardSlug("general")
        let empty = ThreadWindow()
        let nearTop = ThreadPage(board: slug, offset: 100, limit: 120, total: 10_000, window: empty)
        XCTAssertEqual(nearTop.skip, 100)
        XCTAssertEqual(nearTop.direction, .down)
        let nearBottom = ThreadPage(board: slug, offset: 9_700, limit: 120, total: 10_000, window: empty)
        XCTAssertEqual(nearBottom.direction, .up)
        XCTAssertEqual(nearBottom.skip, 180)
        XCTAssertNil(nearBottom.anchor)
    }

    func testRowsOutsideTheWindowRenderAsPending() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        loop.handle(.key(.enter))
        // Move without running the page load the reducer asks for.
        let (state, effects) = loop.state.pressing(.char("G"))
        XCTAssertEqual(effects.count, 1)
        let grid = render(state, size: Size(width: 80, height: 24))
        XCTAssertEqual(grid.line(grid.height - 2).trimmingCharacters(in: .whitespaces), "…")
    }
}
