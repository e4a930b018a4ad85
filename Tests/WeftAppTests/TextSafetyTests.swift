import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Post text is shown inert: escape sequences and control characters in
/// titles, bodies, names and reactions appear as caret notation in the frame,
/// and no cell of any frame holds a control character.
final class TextSafetyTests: XCTestCase {
    static let clear = "\u{1B}[2J"
    static let clipboard = "\u{1B}]52;c;SGVsbG8=\u{07}"

    private func assertNoControlCells(_ grid: CellGrid, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let scalars = grid[x, y].character.unicodeScalars
                let bad = scalars.contains { $0.properties.generalCategory == .control }
                XCTAssertFalse(bad, "control character at \(x),\(y)", file: file, line: line)
            }
        }
    }

    func testEscapeSequencesInAPostRenderInert() throws {
        let fixture = try AppFixture(posts: 50, boards: 1, members: 3)
        let mallory = try fixture.writer("mallory")
        let slug = try XCTUnwrap(try fixture.store.index.boardActivity().first?.board.slug)
        let body = "Look \(Self.clear) here\n\nand \(Self.clipboard) there\u{9B}31m red \u{7F}"
        let thread = try mallory.append(
            .threadCreated(ThreadCreated(title: "Evil \u{1B}[31mtitle", blocks: Blocks.split(body))), board: slug)
        try mallory.append(
            .commentCreated(CommentCreated(thread: thread.id, parent: nil, body: "reply \u{1B}[H\u{1B}[2Jgone")),
            board: slug)
        try mallory.append(.reactionAdded(ReactionChange(target: thread.id, emoji: "\u{1B}[5m👍")), board: slug)
        try fixture.store.index.catchUp()

        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        fixture.press(.enter, on: loop)
        XCTAssertTrue(terminal.text.contains("Evil ^[[31mtitle"), terminal.text)
        loop.handle(.key(.enter))
        let text = terminal.text
        XCTAssertEqual(loop.state.route, .thread(thread.id))
        XCTAssertTrue(text.contains("Look ^[[2J here"), text)
        XCTAssertTrue(text.contains("and ^[]52;c;SGVsbG8=^G there<U+009B>31m red ^?"), text)
        XCTAssertTrue(text.contains("reply ^[[H^[[2Jgone"), text)
        XCTAssertTrue(text.contains("^[[5m👍 1"), text)
        let grid = try XCTUnwrap(terminal.lastGrid)
        assertNoControlCells(grid)
    }

    func testEveryScreenOfAGeneratedSpaceHasNoControlCells() throws {
        let fixture = try AppFixture(posts: 300)
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        for key: Key in [.enter, .enter, .char("G"), .char("?"), .escape, .char("q"), .tab, .char("j"), .enter] {
            loop.handle(.key(key))
            assertNoControlCells(try XCTUnwrap(terminal.lastGrid))
        }
    }
}
