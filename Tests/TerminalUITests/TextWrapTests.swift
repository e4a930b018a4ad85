import XCTest

@testable import TerminalUI

final class TextWrapTests: XCTestCase {
    func testWrapsAtWordBoundaries() {
        XCTAssertEqual(
            TextWrap.lines("The quick brown fox jumps over the lazy dog", width: 10),
            ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    func testEveryLineFitsTheWidth() {
        let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, 日本語のテキストと emoji 👩‍💻👍 mixed in."
        for width in 2...30 {
            for line in TextWrap.lines(text, width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "width \(width): \(line)")
            }
        }
    }

    func testHardBreaksWordsLongerThanTheLine() {
        XCTAssertEqual(
            TextWrap.lines("see https://example.com/a/very/long/path now", width: 12),
            ["see", "https://exam", "ple.com/a/ve", "ry/long/path", "now"])
    }

    func testPreservesExplicitNewlinesAndEmptyLines() {
        XCTAssertEqual(TextWrap.lines("one\n\ntwo three", width: 5), ["one", "", "two", "three"])
        XCTAssertEqual(TextWrap.lines("a\r\nb", width: 5), ["a", "b"])
        XCTAssertEqual(TextWrap.lines("", width: 5), [""])
        XCTAssertEqual(TextWrap.lines("end\n", width: 5), ["end", ""])
    }

    func testKeepsIndentationButDropsSpacesAtBreaks() {
        XCTAssertEqual(TextWrap.lines("  indented text here", width: 12), ["  indented", "text here"])
        XCTAssertEqual(TextWrap.lines("a    b", width: 3), ["a", "b"])
    }

    func testCJKBreaksBetweenIdeographs() {
        XCTAssertEqual(TextWrap.lines("日本語のテキスト", width: 6), ["日本語", "のテキ", "スト"])
        XCTAssertEqual(TextWrap.lines("日本語のテキスト", width: 5), ["日本", "語の", "テキ", "スト"])
        XCTAssertEqual(TextWrap.lines("Hello 日本語", width: 10), ["Hello 日本", "語"])
    }

    func testEmojiAndCombiningMarksAreNeverSplit() {
        XCTAssertEqual(TextWrap.lines("👩‍💻👩‍💻👩‍💻", width: 4), ["👩‍💻👩‍💻", "👩‍💻"])
        XCTAssertEqual(TextWrap.lines("e\u{301}e\u{301}e\u{301}", width: 2), ["e\u{301}e\u{301}", "e\u{301}"])
    }

    func testControlCharactersAreMadeInert() {
        XCTAssertEqual(TextWrap.lines("x\u{1B}[2J\ty", width: 40), ["x^[[2J  y"])
    }

    func testDegenerateWidths() {
        XCTAssertEqual(TextWrap.lines("abc", width: 0), [])
        XCTAssertEqual(TextWrap.lines("日a", width: 1), ["日", "a"], "a wide character gets its own line")
    }
}
