import XCTest
@testable import WeftCore

final class TextTests: XCTestCase {
    func testInertShowsControlsAsCaretNotation() {
        XCTAssertEqual(Inert.line("a\u{1B}]52;c;aGk=\u{07}b"), "a^[]52;c;aGk=^Gb")
        XCTAssertEqual(Inert.line("\u{1B}[2J"), "^[[2J")
        XCTAssertEqual(Inert.line("x\u{7F}"), "x^?")
        XCTAssertEqual(Inert.line("\u{9B}31m"), "<U+009B>31m")
        XCTAssertEqual(Inert.line("one\ntwo\tthree"), "one⏎two three")
        XCTAssertEqual(Inert.text("one\ntwo\r"), "one\ntwo^M")
        XCTAssertEqual(Inert.text("café 日本 👍"), "café 日本 👍")
        XCTAssertTrue(Inert.isClean("plain\ntext"))
        XCTAssertFalse(Inert.isClean("bell\u{07}"))
    }

    func testBlocksSplitAtBlankLines() {
        let blocks = Blocks.split("First line\nsame block\n\n\n  \nSecond\r\n\r\nThird")
        XCTAssertEqual(blocks.map(\.text), ["First line\nsame block", "Second", "Third"])
        XCTAssertEqual(blocks.map(\.id), ["b1", "b2", "b3"])
        XCTAssertEqual(Blocks.join(blocks), "First line\nsame block\n\nSecond\n\nThird")
    }

    func testEditedBlocksKeepIDsOfUnchangedParagraphs() {
        let old = Blocks.split("Alpha\n\nBeta\n\nGamma")
        let new = Blocks.split("Alpha\n\nNew paragraph\n\nGamma", reusing: old)
        XCTAssertEqual(new.map(\.id), ["b1", "b4", "b3"])
        XCTAssertEqual(new.map(\.text), ["Alpha", "New paragraph", "Gamma"])
    }

    func testCommentTreeOrdersRepliesUnderParents() {
        // c0, c1 reply to c0, c2, c3 reply to c1, c4 reply to unknown
        let ids = ["c0", "c1", "c2", "c3", "c4"]
        let parents: [String?] = [nil, "c0", nil, "c1", "zz"]
        let order = CommentTree.order(ids: ids, parents: parents)
        XCTAssertEqual(order.map { ids[$0.index] }, ["c0", "c1", "c3", "c2", "c4"])
        XCTAssertEqual(order.map(\.depth), [0, 1, 2, 0, 0])
    }

    func testCommentTreeSurvivesCycles() {
        let order = CommentTree.order(ids: ["a", "b"], parents: ["b", "a"])
        XCTAssertEqual(order.count, 2, "no comment is lost in a cycle")
    }
}
