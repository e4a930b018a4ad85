import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Every screen as text at 80x24 (the smallest layout that must work, sidebar
/// folded) and 120x40 (sidebar docked), from a generated space with accents,
/// CJK and emoji in names, titles and bodies. See `Snapshot` for recording.
final class ScreenSnapshotTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40)]

    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    /// The decided thread with the most replies: it shows the pinned
    /// decision, the comment tree and reactions at once.
    private func showcaseThread() throws -> (board: Int, row: Int) {
        let boards = try fixture.store.index.boardActivity()
        var best: (board: Int, row: Int, score: Int)?
        for (boardIndex, board) in boards.enumerated() {
            let threads = try fixture.store.index.threads(board: board.board.slug, viewer: fixture.store.me, limit: 500)
            for (row, thread) in threads.enumerated() {
                let score = thread.replies + (thread.decided ? 1000 : 0)
                if score > (best?.score ?? -1) {
                    best = (boardIndex, row, score)
                }
            }
        }
        let found = try XCTUnwrap(best)
        return (found.board, found.row)
    }

    private func open(board: Int, thread: Int? = nil, on loop: AppLoop) {
        for _ in 0..<board {
            loop.handle(.key(.char("j")))
        }
        loop.handle(.key(.enter))
        guard let thread else { return }
        for _ in 0..<thread {
            loop.handle(.key(.char("j")))
        }
        loop.handle(.key(.enter))
    }

    func testBoardsScreen() throws {
        for (width, height) in Self.sizes {
            let (_, terminal) = fixture.startedLoop(width: width, height: height)
            Snapshot.assert(terminal.screen, named: "boards-\(width)x\(height)")
        }
    }

    func testBoardScreen() throws {
        let target = try showcaseThread()
        for (width, height) in Self.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            open(board: target.board, on: loop)
            Snapshot.assert(terminal.screen, named: "board-\(width)x\(height)")
        }
    }

    func testThreadScreen() throws {
        let target = try showcaseThread()
        for (width, height) in Self.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            open(board: target.board, thread: target.row, on: loop)
            XCTAssertTrue(terminal.text.contains("✓ Decided by"), "the showcase thread is decided")
            Snapshot.assert(terminal.screen, named: "thread-\(width)x\(height)")
        }
    }

    func testMembersScreen() throws {
        for (width, height) in Self.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            fixture.press(.tab, on: loop)
            for _ in 0..<(State.screenItems.firstIndex(of: .members) ?? 0) { fixture.press(.char("j"), on: loop) }
            fixture.press(.enter, on: loop)
            XCTAssertEqual(loop.state.route, .members)
            Snapshot.assert(terminal.screen, named: "members-\(width)x\(height)")
        }
    }

    func testHelpOverlay() throws {
        for (width, height) in Self.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            fixture.press(.enter, .char("?"), on: loop)
            Snapshot.assert(terminal.screen, named: "help-board-\(width)x\(height)")
        }
    }

    func testSidebarOverlayWhenFolded() throws {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.enter, .tab, on: loop)
        Snapshot.assert(terminal.screen, named: "sidebar-overlay-80x24")
    }
}
