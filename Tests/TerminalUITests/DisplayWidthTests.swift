import XCTest

@testable import TerminalUI

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("hello, world"), 12)
        XCTAssertEqual(DisplayWidth.of(Character("a")), 1)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testCombiningMarksTakeNoColumn() {
        let decomposed = "e\u{301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(DisplayWidth.of(decomposed), 1)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("café"), 4)
        // A mark with no base is not drawn at all.
        XCTAssertEqual(DisplayWidth.of(Character("\u{301}")), 0)
    }

    func testCJKAndHangulAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("日本語のテキスト"), 16)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth forms")
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1, "halfwidth katakana stays narrow")
        XCTAssertEqual(DisplayWidth.of("\u{20B9F}"), 2, "CJK extension B")
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2, "ideographic space")
    }

    func testDecomposedHangulSyllableIsOneWideCluster() {
        // Leading consonant + vowel + final consonant, as conjoining jamo.
        let syllable = "\u{1100}\u{1161}\u{11A8}"
        XCTAssertEqual(syllable.count, 1)
        XCTAssertEqual(DisplayWidth.of(syllable), 2)
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone modifier")
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2, "ZWJ sequence")
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2, "family ZWJ sequence")
        XCTAssertEqual(DisplayWidth.of("🇯🇵"), 2, "flag")
        XCTAssertEqual(DisplayWidth.of("🇯🇵🇫🇷"), 4, "two flags")
        XCTAssertEqual(DisplayWidth.of("🫨"), 2, "emoji newer than the width table")
    }

    func testVariationSelectorsDecidePresentation() {
        XCTAssertEqual(DisplayWidth.of("\u{2764}"), 1, "heart defaults to text presentation")
        XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}"), 2, "VS16 asks for emoji presentation")
        XCTAssertEqual(DisplayWidth.of("1\u{FE0F}\u{20E3}"), 2, "keycap")
        XCTAssertEqual(DisplayWidth.of("A\u{FE0F}"), 1, "VS16 on a non-emoji is ignored")
    }

    func testAmbiguousCharactersAreNarrow() {
        XCTAssertEqual(DisplayWidth.of("…"), 1)
        XCTAssertEqual(DisplayWidth.of("─│┌┐└┘"), 6)
        XCTAssertEqual(DisplayWidth.of("αβγ"), 3)
    }

    func testFormatCharactersTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("a\u{202E}b"), 2, "bidi override")
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}x"), 1, "byte order mark")
        XCTAssertEqual(DisplayWidth.of("\u{AD}"), 1, "soft hyphen is shown")
    }

    func testControlCharactersMeasureAsTheirInertForm() {
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{1B}[2J"), 5)
        XCTAssertEqual(DisplayWidth.of("\u{9B}"), 8)
        XCTAssertEqual(DisplayWidth.of("\r\n"), 4)
    }

    func testWideRangeTableIsSortedAndDisjoint() {
        for (earlier, later) in zip(WideRanges.table, WideRanges.table.dropFirst()) {
            XCTAssertLessThan(earlier.upperBound, later.lowerBound)
        }
        XCTAssertTrue(WideRanges.contains(0x4E00))
        XCTAssertTrue(WideRanges.contains(0x3FFFD))
        XCTAssertFalse(WideRanges.contains(0x41))
        XCTAssertFalse(WideRanges.contains(0x10FFFF))
    }

    func testTruncateAddsEllipsisWithinTheWidth() {
        XCTAssertEqual(DisplayWidth.truncate("hello", to: 5), "hello")
        XCTAssertEqual(DisplayWidth.truncate("hello world", to: 8), "hello w…")
        XCTAssertEqual(DisplayWidth.truncate("hello world", to: 7), "hello…", "trailing space before … dropped")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
    }

    func testTruncateNeverSplitsAWideCharacter() {
        let cut = DisplayWidth.truncate("日本語", to: 4)
        XCTAssertEqual(cut, "日…")
        XCTAssertEqual(DisplayWidth.of(cut), 3)
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 5), "日本…")
        XCTAssertEqual(DisplayWidth.truncate("👩‍💻👩‍💻", to: 3), "👩‍💻…")
    }

    func testPadMakesExactWidth() {
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4), "ab  ")
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4, alignment: .trailing), "  ab")
        XCTAssertEqual(DisplayWidth.pad("日本", to: 5), "日本 ")
        XCTAssertEqual(DisplayWidth.pad("日本語", to: 5), "日本…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("日本語", to: 4)), 4)
    }

    /// Truncating stops reading once the text is known not to fit: it cuts
    /// exactly where measuring the whole text first and then cutting did.
    func testTruncateCutsWhereMeasuringTheWholeTextFirstDid() {
        func reference(_ string: String, to width: Int) -> String {
            guard width > 0 else { return "" }
            if DisplayWidth.of(string) <= width { return string }
            var used = 0
            var kept = ""
            for character in string {
                let columns = DisplayWidth.of(character)
                if used + columns > width - 1 { break }
                kept.append(character)
                used += columns
            }
            while kept.last == " " { kept.removeLast() }
            return kept + "…"
        }
        let pieces = ["a", "word ", " ", "  ", "é", "e\u{301}", "日本", "🚀", "👩\u{200D}💻", "❤\u{FE0F}", "\u{1B}", "\t", "\r\n",
                      "\u{85}", "ñ", "\u{200B}", "한", "\u{1100}\u{1161}", "x"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 0...14, using: &rng)
            XCTAssertEqual(DisplayWidth.truncate(text, to: width), reference(text, to: width), "\(text.debugDescription) to \(width)")
        }
    }

    /// A lone Latin letter is one column, a lone C1 control its notation's width.
    func testLatinLettersAndC1Controls() {
        XCTAssertEqual(DisplayWidth.of("é" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("\u{2FF}" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("\u{85}" as Character), DisplayWidth.of("\u{85}" as Unicode.Scalar))
        XCTAssertEqual(DisplayWidth.of("\u{7F}" as Character), DisplayWidth.of("\u{7F}" as Unicode.Scalar))
        XCTAssertEqual(DisplayWidth.of("e\u{301}" as Character), 1)
    }
}
