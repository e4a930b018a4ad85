import Foundation
import XCTest
import WeftCore
@testable import WeftStore

/// The `blocks` column holds each block's id and length (``BlockLayout``), and
/// the texts are cut from the body: they must read back as the same blocks
/// whatever their text holds, and stay the same text for the same blocks.
final class BlocksColumnTests: XCTestCase {
    func testBlocksReadBackAsTheyWere() throws {
        let texts = ["plain", "", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "cr\r\n", "bell\u{07} nul\u{00} esc\u{1B}[2J",
                     "unit\u{1F}", "café 🚀 東京", "\u{7F} del", "\"\\\n\t\u{01}", "\n\nblank lines around\n\n"]
        let blocks = texts.enumerated().map { Block(id: "b\($0.offset + 1)", text: $0.element) }
        let layout = BlockLayout.encode(blocks)
        XCTAssertEqual(BlockLayout.decode(layout, body: Blocks.join(blocks)), blocks)
        XCTAssertEqual(BlockLayout.encode([Block(id: "b1", text: "café"), Block(id: "a\"b", text: "")]), #"[["b1",5],["a\"b",0]]"#)
        XCTAssertEqual(BlockLayout.encode([]), "[]")
        XCTAssertEqual(BlockLayout.decode("[]", body: ""), [])
    }

    /// A layout that does not fit its body reads as nothing rather than as
    /// blocks cut in the wrong places.
    func testALayoutThatDoesNotFitItsBodyReadsAsNothing() {
        let layout = BlockLayout.encode([Block(id: "b1", text: "one"), Block(id: "b2", text: "two")])
        XCTAssertNil(BlockLayout.decode(layout, body: "one\n\ntwo and more"))
        XCTAssertNil(BlockLayout.decode(layout, body: "one two"))
        XCTAssertNil(BlockLayout.decode(layout, body: "on"))
        XCTAssertNil(BlockLayout.decode("not json", body: "one\n\ntwo"))
        XCTAssertNil(BlockLayout.decode(#"[["b1",-1]]"#, body: ""))
    }
}
