import XCTest

@testable import TerminalUI

final class InertTests: XCTestCase {
    func testEscapeSequencesBecomeCaretNotation() {
        XCTAssertEqual(Inert.text("\u{1B}[2J"), "^[[2J")
        XCTAssertEqual(Inert.text("\u{1B}]52;c;xx\u{07}"), "^[]52;c;xx^G")
        XCTAssertEqual(Inert.text("a\u{0}b"), "a^@b")
        XCTAssertEqual(Inert.text("del\u{7F}"), "del^?")
        XCTAssertEqual(Inert.text("cr\r"), "cr^M")
    }

    func testC1ControlsAreShownAsCodePoints() {
        XCTAssertEqual(Inert.text("\u{9B}31m"), "<U+009B>31m")
        XCTAssertEqual(Inert.text("x\u{85}y"), "x<U+0085>y")
        XCTAssertEqual(Inert.text("\u{80}\u{9F}"), "<U+0080><U+009F>")
    }

    func testNewlinesAreShownUnlessKept() {
        XCTAssertEqual(Inert.text("a\nb"), "a^Jb")
        XCTAssertEqual(Inert.text("a\r\nb"), "a^M^Jb")
        XCTAssertEqual(Inert.text("a\nb\r\nc", keepingNewlines: true), "a\nb\nc")
        XCTAssertEqual(Inert.text("a\rb", keepingNewlines: true), "a^Mb")
    }

    func testTabsExpandToTabStops() {
        XCTAssertEqual(Inert.text("\tx"), "    x")
        XCTAssertEqual(Inert.text("ab\tx"), "ab  x")
        XCTAssertEqual(Inert.text("日\tx"), "日  x", "tab stops count display columns")
        XCTAssertEqual(Inert.text("abcd\tx\ny\tz", keepingNewlines: true), "abcd    x\ny   z")
    }

    func testSafeTextIsUnchanged() {
        let text = "Grüße, 日本, 👩‍💻, e\u{301}"
        XCTAssertTrue(Inert.isInert(text))
        XCTAssertEqual(Inert.text(text), text)
        XCTAssertFalse(Inert.isInert("a\u{9B}"))
        XCTAssertFalse(Inert.isInert("a\n"))
    }

    func testOutputNeverContainsControlCharacters() {
        var nasty = ""
        for value in UInt32(0)...0xA0 {
            if let scalar = Unicode.Scalar(value) {
                nasty.unicodeScalars.append(scalar)
            }
        }
        let safe = Inert.text(nasty)
        for scalar in safe.unicodeScalars {
            XCTAssertNotEqual(scalar.properties.generalCategory, .control, "U+\(String(scalar.value, radix: 16))")
        }
    }
}
