import XCTest
import WeftCore
@testable import WeftStore

/// An inbox item's summary is read in one pass over the start of the text: it
/// is what taking the first characters, then the first line, then making it
/// inert and cutting it gives.
final class InboxSummaryTests: XCTestCase {
    func testTheSummaryIsTheFirstLineMadeInertAndCut() {
        func reference(_ text: String, limit: Int) -> String {
            let head = text.prefix(limit + 1).drop { $0.isNewline }
            let first = head.prefix { !$0.isNewline }
            let line = Inert.line(String(first))
            return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
        }
        let pieces = ["word ", "é", "e\u{301}", "\n", "\r\n", "\u{2028}", "\t", "\u{1B}[2J", "\u{85}", "日本", "🚀", " \u{301}", "x"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let limit = Int.random(in: 1...12, using: &rng)
            XCTAssertEqual(InboxSummary.oneLine(text, limit: limit), reference(text, limit: limit), "\(text.debugDescription) \(limit)")
        }
        XCTAssertEqual(InboxSummary.oneLine("\n\nfirst line\nsecond"), "first line")
        XCTAssertEqual(InboxSummary.oneLine(String(repeating: "a", count: 130)), String(repeating: "a", count: 119) + "…")
    }
}
