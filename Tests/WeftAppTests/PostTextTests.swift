import TerminalUI
import WeftCore
import XCTest

@testable import WeftApp

/// The light Markdown of posts (`PostText`) and the pure parts of composing:
/// finding mentions, and validation that refuses bad input.
final class PostTextTests: XCTestCase {
    private func text(_ line: PostText.Line) -> String {
        String(repeating: " ", count: line.indent) + line.spans.map(\.text).joined()
    }

    private func render(_ source: String, width: Int = 30) -> [String] {
        PostText.lines(source, width: width).map(text)
    }

    func testInlineStyles() {
        let spans = PostText.inline("a **bold** *soft* `x y` [site](https://e.org) snake_case 2*3*4", base: .normal)
        let styled = spans.map { ($0.text, $0.style) }
        XCTAssertTrue(styled.contains { $0 == ("bold", Style(.normal, [.bold])) })
        XCTAssertTrue(styled.contains { $0 == ("soft", Style(.normal, [.underline])) })
        XCTAssertTrue(styled.contains { $0 == ("x y", PostText.codeStyle) })
        XCTAssertTrue(styled.contains { $0 == ("site", Style(.normal, [.underline])) })
        XCTAssertTrue(styled.contains { $0 == (" (https://e.org)", Style(.dim)) })
        XCTAssertEqual(spans.map(\.text).joined(), "a bold soft x y site (https://e.org) snake_case 2*3*4")
    }

    func testBlocksListsQuotesHeadingsAndCode() {
        XCTAssertEqual(
            render("# Plan\n- first item that wraps onto a second line\n2. two\n> said\n```\n  code  kept\n```\nend"),
            [
                "Plan", "• first item that wraps onto a", "  second line", "2. two", "│ said", "  code  kept", "end",
            ])
    }

    func testWrappingKeepsStylesAndBreaksLongWords() {
        let lines = PostText.lines("**日本語のテキスト** abcdefghijklmnopqrstuvwxyz", width: 10)
        XCTAssertEqual(lines.map(text), ["日本語のテ", "キスト", "abcdefghij", "klmnopqrst", "uvwxyz"])
        XCTAssertEqual(lines[0].spans.first?.style, Style(.normal, [.bold]))
        for line in lines {
            XCTAssertLessThanOrEqual(DisplayWidth.of(text(line)), 10)
        }
    }

    func testEscapeSequencesAreShownInert() {
        let lines = render("evil \u{1B}[2J **bold**")
        XCTAssertEqual(lines, ["evil ^[[2J bold"])
    }

    func testMentionsAreFoundOnceAndNotInAddresses() {
        XCTAssertEqual(
            ComposeUpdate.mentions(in: "@ann and @bob.smith, mail ann@example.org, @ann again; (@cy-2.) @"),
            ["ann", "bob.smith", "cy-2"])
    }
}
