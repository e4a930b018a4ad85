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
        XCTAssertEqual(Inert.line("\u{85}next line, \u{A0}no-break space, \u{C2}"), "<U+0085>next line, \u{A0}no-break space, \u{C2}")
    }

    /// Clean text is recognised from its bytes and returned as it is; whatever
    /// the text, the result is what rendering it scalar by scalar gives.
    func testInertTextIsWhatRenderingEachScalarGives() {
        func reference(_ text: String, keepNewlines: Bool) -> String {
            var out = ""
            for s in text.unicodeScalars {
                switch s.value {
                case 10: out += keepNewlines ? "\n" : "⏎"
                case 9: out += " "
                case 0..<0x20: out += "^" + String(Unicode.Scalar(UInt8(s.value + 64)))
                case 0x7f: out += "^?"
                case 0x80...0x9f: out += "<U+00" + String(s.value, radix: 16, uppercase: true) + ">"
                default: out.unicodeScalars.append(s)
                }
            }
            return out
        }
        let pieces = ["plain ", "é", "\u{A0}", "\u{85}", "\u{9F}", "\u{C2}", "日本", "🚀", "\n", "\t", "\r", "\u{1B}[2J", "\u{7F}", "ÿ", "Ā"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(Inert.line(text), reference(text, keepNewlines: false), text.debugDescription)
            XCTAssertEqual(Inert.text(text), reference(text, keepNewlines: true), text.debugDescription)
        }
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
