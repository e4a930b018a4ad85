import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Reducer tests for moving around: lists, pages, top and bottom, opening and
/// going back, focus, the mouse. The state comes from a real generated space;
/// `reduce` is called directly and its effects are checked, not run.
final class NavigationTests: XCTestCase {
    private var fixture: AppFixture!
    private var state: State!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 2000)
        state = fixture.startedLoop(width: 80, height: 24).loop.state
    }

    override func tearDown() {
        fixture = nil
        state = nil
    }

    func testMovingOnBoards() {
        XCTAssertEqual(state.boards.rows.count, 5)
        XCTAssertEqual(state.boards.list.selection, 0)
        XCTAssertEqual(state.after(.input(.key(.char("j")))).boards.list.selection, 1)
        XCTAssertEqual(state.after(.input(.key(.down))).boards.list.selection, 1)
        let down = state.after(.input(.key(.char("j"))))
        XCTAssertEqual(down.after(.input(.key(.char("k")))).boards.list.selection, 0)
        XCTAssertEqual(down.after(.input(.key(.up))).boards.list.selection, 0)
        XCTAssertEqual(state.after(.input(.key(.char("k")))).boards.list.selection, 0, "stays at the top")
        XCTAssertEqual(state.after(.input(.key(.char("G")))).boards.list.selection, 4)
        XCTAssertEqual(state.after(.input(.key(.end))).boards.list.selection, 4)
        let bottom = state.after(.input(.key(.char("G"))))
        XCTAssertEqual(bottom.after(.input(.key(.char("g")))).boards.list.selection, 0)
        XCTAssertEqual(bottom.after(.input(.key(.home))).boards.list.selection, 0)
    }

    func testPagingOnABoard() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        loop.handle(.key(.enter))
        let board = try XCTUnwrap(loop.state.board)
        let height = loop.state.layout.mainList.height
        XCTAssertEqual(height, 21, "80x24: title, column header and status line take three rows")
        XCTAssertGreaterThan(board.list.rowCount, 0)
        let paged = loop.state.pressing(.pageDown).state
        XCTAssertEqual(paged.board?.list.selection, min(height, board.list.rowCount - 1))
        XCTAssertEqual(paged.pressing(.ctrl("f")).state.board?.list.selection,
                       min(2 * height, board.list.rowCount - 1))
        XCTAssertEqual(paged.pressing(.pageUp).state.board?.list.selection, 0)
        XCTAssertEqual(paged.pressing(.ctrl("b")).state.board?.list.selection, 0)
        let last = loop.state.pressing(.char("G")).state
        XCTAssertEqual(last.board?.list.selection, board.list.rowCount - 1)
        XCTAssertEqual(last.pressing(.char("g")).state.board?.list.selection, 0)
    }

    func testEnterOpensTheSelectedBoardAndAsksForOnePage() throws {
        let slug = state.boards.rows[1].board.slug
        let (opened, effects) = state.pressing(.char("j")).state.pressing(.enter)
        XCTAssertEqual(opened.route, .board(slug))
        XCTAssertEqual(opened.stack, [.boards, .board(slug)])
        XCTAssertEqual(effects.count, 1)
        guard case .loadThreadPage(let page) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(page.board, slug)
        XCTAssertEqual(page.offset, 0)
        XCTAssertEqual(page.limit, BoardScreen.pageSize)
        XCTAssertNil(page.anchor, "from the top of the list")
        XCTAssertEqual(page.direction, .down)
        XCTAssertEqual(page.skip, 0)
    }

    func testEnterOpensThreadAndBackReturnsToTheSameRow() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.enter, .char("j"), .char("j"), on: loop)
        let selected = try XCTUnwrap(loop.state.board?.selected)
        let (opened, effects) = loop.state.pressing(.enter)
        XCTAssertEqual(opened.route, .thread(selected.id))
        XCTAssertEqual(effects, [.loadThread(selected.id)])

        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.thread?.detail?.thread.id, selected.id)
        let (back, backEffects) = loop.state.pressing(.char("q"))
        XCTAssertEqual(back.route, loop.state.stack[1])
        XCTAssertEqual(back.board?.list.selection, 2)
        XCTAssertNil(back.thread)
        XCTAssertEqual(backEffects, [.markThreadRead(selected.id)])
        XCTAssertEqual(loop.state.pressing(.escape).state.route, back.route, "Esc goes back like q")
    }

    func testQGoesBackUntilBoardsThenQuits() {
        let inBoard = state.pressing(.enter).state
        let (boards, effects) = inBoard.pressing(.char("q"))
        XCTAssertEqual(boards.route, .boards)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(boards.pressing(.char("q")).effects, [.quit])
        XCTAssertEqual(boards.pressing(.escape).effects, [], "Esc never quits")
        XCTAssertEqual(inBoard.pressing(.ctrl("c")).effects, [.quit], "Ctrl-C quits from anywhere")
    }

    func testCtrlCInAThreadSavesTheReadMarkerThenQuits() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.enter, .enter, on: loop)
        let id = try XCTUnwrap(loop.state.thread?.id)
        XCTAssertEqual(loop.state.pressing(.ctrl("c")).effects, [.markThreadRead(id), .quit])
        var closed = loop.state
        XCTAssertEqual(reduce(&closed, .input(.closed)), [.markThreadRead(id), .quit], "stdin closed")
        var terminated = loop.state
        XCTAssertEqual(reduce(&terminated, .input(.terminate)), [.markThreadRead(id), .quit], "SIGTERM")
    }

    func testThreadScrollsByLinesAndPages() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        loop.handle(.key(.enter))
        // The thread with the most replies on screen.
        let window = try XCTUnwrap(loop.state.board?.window)
        let row = try XCTUnwrap(window.rows.indices.max { window.rows[$0].replies < window.rows[$1].replies })
        for _ in 0..<row {
            loop.handle(.key(.char("j")))
        }
        loop.handle(.key(.enter))
        let lines = try XCTUnwrap(loop.state.thread?.document?.lines.count)
        let height = ThreadScreen.viewport(loop.state).height
        XCTAssertGreaterThan(lines, height + 2, "the busiest thread is longer than a screen")
        XCTAssertEqual(loop.state.pressing(.char("j")).state.thread?.scroll, 1)
        XCTAssertEqual(loop.state.pressing(.char("k")).state.thread?.scroll, 0)
        XCTAssertEqual(loop.state.pressing(.pageDown).state.thread?.scroll, min(height - 1, lines - height))
        XCTAssertEqual(loop.state.pressing(.char("G")).state.thread?.scroll, lines - height)
        XCTAssertEqual(loop.state.pressing(.char("G")).state.pressing(.char("j")).state.thread?.scroll, lines - height,
                       "never past the end")
        XCTAssertEqual(loop.state.pressing(.char("G")).state.pressing(.char("g")).state.thread?.scroll, 0)
    }

    func testTabMovesFocusToTheSidebarAndBack() {
        let (sidebar, _) = state.pressing(.tab)
        XCTAssertEqual(sidebar.focus, .sidebar)
        XCTAssertEqual(sidebar.context, .sidebar)
        XCTAssertEqual(sidebar.sidebar.selection, 0, "the sidebar selects the current screen")
        XCTAssertEqual(sidebar.pressing(.tab).state.focus, .main)
        XCTAssertEqual(sidebar.pressing(.escape).state.focus, .main)
        XCTAssertEqual(sidebar.pressing(.char("q")).state.focus, .main, "q leaves the sidebar, it does not quit")

        var toMembers = sidebar
        for _ in 0..<(State.screenItems.firstIndex(of: .members) ?? 0) { toMembers = toMembers.pressing(.char("j")).state }
        let (members, effects) = toMembers.pressing(.enter)
        XCTAssertEqual(members.route, .members)
        XCTAssertEqual(members.focus, .main)
        XCTAssertEqual(effects, [.loadMembers, .loadLatestStatuses])

        // The screens (State.screenItems), then the boards: one row further is the second board.
        let third = state.boards.rows[2].board.slug
        var down = sidebar
        for _ in 0...State.screenItems.count { down = down.pressing(.char("j")).state }
        let (board, _) = down.pressing(.enter)
        XCTAssertEqual(board.route, .board(state.boards.rows[1].board.slug))
        let (boardThree, _) = sidebar.pressing(.char("G")).state.pressing(.char("k")).state.pressing(.char("k"))
            .state.pressing(.enter)
        XCTAssertEqual(boardThree.route, .board(third))
    }

    func testSidebarListsOnlyScreensThatWork() {
        XCTAssertEqual(state.sidebarItems.prefix(8), [.boards, .inbox, .followUps, .status, .digest, .decisions, .members, .settings])
        XCTAssertEqual(Array(state.sidebarItems.dropFirst(8)), state.boards.rows.map { .board($0.board.slug) })
    }

    func testHelpOpensForTheCurrentScreenAndCloses() {
        let inBoard = state.pressing(.enter).state
        let help = inBoard.pressing(.char("?")).state
        XCTAssertEqual(help.help?.context, .board)
        XCTAssertEqual(help.context, .help)
        XCTAssertNil(help.pressing(.char("?")).state.help)
        XCTAssertNil(help.pressing(.escape).state.help)
        let closed = help.pressing(.char("q"))
        XCTAssertNil(closed.state.help)
        XCTAssertEqual(closed.state.route, inBoard.route, "q closes the help, it does not go back")
        XCTAssertEqual(help.pressing(.enter).state, help, "keys of the screen below do nothing while help is open")
    }

    func testMouseClickSelectsThenOpensAndWheelScrolls() throws {
        let listTop = state.layout.mainList.y
        let clicked = state.after(.input(.mouse(.click(x: 10, y: listTop + 2))))
        XCTAssertEqual(clicked.boards.list.selection, 2)
        XCTAssertEqual(clicked.route, .boards)
        var again = clicked
        let effects = reduce(&again, .input(.mouse(.click(x: 10, y: listTop + 2))))
        XCTAssertEqual(again.route, .board(state.boards.rows[2].board.slug))
        XCTAssertEqual(effects.count, 1)

        let (loop, _) = fixture.startedLoop(width: 120, height: 24)
        loop.handle(.key(.enter))
        let before = try XCTUnwrap(loop.state.board?.list)
        XCTAssertGreaterThan(before.rowCount, 30)
        let wheeled = loop.state.after(.input(.mouse(.wheelDown(x: 60, y: 10))))
        XCTAssertEqual(wheeled.board?.list.visibleRows(height: BoardScreen.height(wheeled)).lowerBound, 3)

        // A click in the docked sidebar opens what it hits.
        let sidebar = try XCTUnwrap(loop.state.layout.sidebar)
        let row = try XCTUnwrap(State.screenItems.firstIndex(of: .members))
        let members = loop.state.after(.input(.mouse(.click(x: 3, y: sidebar.y + row))))
        XCTAssertEqual(members.route, .members)
    }

    func testUnknownKeysDoNothing() {
        XCTAssertEqual(state.pressing(.char("z")).state, state)
        XCTAssertEqual(state.pressing(.char("z")).effects, [])
        XCTAssertEqual(state.pressing(.function(5)).effects, [])
    }
}
