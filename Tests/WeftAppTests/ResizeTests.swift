import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Layout and resize: the sidebar docks at 90 columns and folds below,
/// selections stay visible, threads re-wrap, and tiny terminals do not crash.
final class ResizeTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 1200)
    }

    override func tearDown() {
        fixture = nil
    }

    func testSidebarDocksAtNinetyColumnsAndFoldsBelow() {
        let (loop, _) = fixture.startedLoop(width: 90, height: 24)
        let wide = render(loop.state, size: Size(width: 90, height: 24))
        XCTAssertTrue(wide.line(2).hasPrefix(" Inbox"), wide.line(2))
        XCTAssertEqual(wide[Layout.sidebarWidth - 1, 3].character, "│")

        let narrow = render(loop.state, size: Size(width: 89, height: 24))
        XCTAssertFalse(narrow.lines().contains { $0.contains("Follow-ups") })
        XCTAssertTrue(narrow.line(1).hasPrefix("  Board"), "the main pane takes the whole width")

        // Tab still reaches the sidebar: it opens over the main pane.
        var state = loop.state
        _ = reduce(&state, .input(.resize(width: 80, height: 24)))
        _ = reduce(&state, .input(.key(.tab)))
        let overlay = render(state, size: state.size)
        XCTAssertTrue(overlay.line(2).hasPrefix(" Inbox"), overlay.line(2))
        XCTAssertEqual(overlay[Layout.sidebarWidth - 1, 2].character, "│")
        _ = reduce(&state, .input(.key(.tab)))
        XCTAssertFalse(render(state, size: state.size).line(2).contains("Members"))
    }

    func testResizeKeepsTheSelectionVisible() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        for _ in 0..<20 {
            loop.handle(.key(.char("j")))
        }
        XCTAssertEqual(loop.state.board?.list.selection, 20)
        let selected = try XCTUnwrap(loop.state.board?.selected)
        terminal.resize(width: 72, height: 20)
        loop.handle(terminal.nextEvent(timeoutMs: 0))
        XCTAssertEqual(loop.state.size, Size(width: 72, height: 20))
        let board = try XCTUnwrap(loop.state.board)
        XCTAssertEqual(board.selected?.id, selected.id)
        XCTAssertTrue(board.list.visibleRows(height: BoardScreen.height(loop.state)).contains(20))
        XCTAssertEqual(terminal.screen.count, 20, "redrawn at once at the new size")
        XCTAssertTrue(terminal.text.contains(String(selected.title.prefix(12))), terminal.text)
        XCTAssertTrue(terminal.screen.allSatisfy { DisplayWidth.of($0) <= 72 })
    }

    func testThreadRewrapsAndKeepsItsPlace() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        loop.handle(.key(.enter))
        let window = try XCTUnwrap(loop.state.board?.window)
        let row = try XCTUnwrap(window.rows.indices.max { window.rows[$0].replies < window.rows[$1].replies })
        for _ in 0..<row {
            loop.handle(.key(.char("j")))
        }
        loop.handle(.key(.enter))
        for _ in 0..<12 {
            loop.handle(.key(.char("j")))
        }
        let thread = try XCTUnwrap(loop.state.thread)
        let document = try XCTUnwrap(thread.document)
        let topPart = document.lines[thread.scroll].part

        loop.handle(.resize(width: 60, height: 24))
        let narrow = try XCTUnwrap(loop.state.thread?.document)
        XCTAssertEqual(narrow.width, 60)
        XCTAssertGreaterThan(narrow.lines.count, document.lines.count, "narrower means more lines")
        let scroll = try XCTUnwrap(loop.state.thread?.scroll)
        XCTAssertEqual(narrow.lines[scroll].part, topPart, "the same part of the thread is at the top")
        XCTAssertTrue(terminal.screen.allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    func testHelpStaysInsideASmallScreen() {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.char("?"), .char("G"), on: loop)
        loop.handle(.resize(width: 50, height: 12))
        XCTAssertEqual(terminal.screen.count, 12)
        XCTAssertTrue(terminal.screen[1].contains("Keys — Boards"), terminal.screen[1])
        XCTAssertTrue(terminal.screen.allSatisfy { DisplayWidth.of($0) <= 50 })
    }

    func testTinyTerminalsDoNotCrash() {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.enter, .enter, on: loop)
        for (width, height) in [(0, 0), (1, 1), (10, 3), (20, 2), (3, 30)] {
            var state = loop.state
            _ = reduce(&state, .input(.resize(width: width, height: height)))
            for key: Key in [.char("j"), .pageDown, .char("G"), .char("?"), .char("j"), .tab, .char("k")] {
                _ = reduce(&state, .input(.key(key)))
                let grid = render(state, size: state.size)
                XCTAssertEqual(grid.size, Size(width: width, height: height))
            }
        }
    }
}
