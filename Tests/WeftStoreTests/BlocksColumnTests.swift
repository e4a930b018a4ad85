import Foundation
import XCTest
import WeftCore
@testable import WeftStore

/// The `blocks` column is JSON written by hand: it must read back as the same
/// blocks whatever their text holds, and stay the same text for the same blocks.
final class BlocksColumnTests: XCTestCase {
    func testBlocksReadBackAsTheyWere() throws {
        let texts = ["plain", "", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "cr\r\n", "bell\u{07} nul\u{00} esc\u{1B}[2J",
                     "unit\u{1F}", "café 🚀 東京", "\u{7F} del", "\"\\\n\t\u{01}"]
        let blocks = texts.enumerated().map { Block(id: "b\($0.offset + 1)", text: $0.element) }
        let json = EventApplier.json(blocks)
        XCTAssertEqual(try JSONDecoder().decode([Block].self, from: Data(json.utf8)), blocks)
        XCTAssertEqual(EventApplier.json([Block(id: "b1", text: "a\"b\u{01}")]), #"[{"id":"b1","text":"a\"b\u0001"}]"#)
        XCTAssertEqual(EventApplier.json([]), "[]")
    }
}
