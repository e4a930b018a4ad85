import XCTest

@testable import TerminalUI

final class CellGridTests: XCTestCase {
    func testPutWritesTextAndReturnsColumnsUsed() {
        var grid = CellGrid(width: 10, height: 2)
        XCTAssertEqual(grid.put("hello", x: 2, y: 1), 5)
        XCTAssertEqual(grid.lines(), ["", "  hello"])
        XCTAssertEqual(grid[2, 1].character, "h")
    }

    func testWideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        XCTAssertEqual(grid.put("日本", x: 0, y: 0), 4)
        XCTAssertEqual(grid[0, 0].character, "日")
        XCTAssertEqual(grid[0, 0].width, 2)
        XCTAssertTrue(grid[1, 0].isContinuation)
        XCTAssertEqual(grid[2, 0].character, "本")
        XCTAssertEqual(grid.lines(), ["日本"])
    }

    func testClipsAtTheRightEdgeWithoutSplittingAWideCharacter() {
        var grid = CellGrid(width: 5, height: 1)
        XCTAssertEqual(grid.put("日本語", x: 0, y: 0), 5, "the cut half becomes a space")
        XCTAssertEqual(grid.lines(), ["日本"])
        XCTAssertEqual(grid[4, 0].character, " ")
        XCTAssertEqual(grid[4, 0].width, 1)
        XCTAssertFalse(grid[4, 0].isContinuation)
    }

    func testMaxWidthClipsLikeAnEdge() {
        var grid = CellGrid(width: 20, height: 1)
        XCTAssertEqual(grid.put("👍👍👍", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(grid.lines(), [" 👍"])
        XCTAssertEqual(grid.put("abcdef", x: 10, y: 0, maxWidth: 2), 2)
        XCTAssertEqual(grid.line(0), " 👍" + String(repeating: " ", count: 7) + "ab")
    }

    func testEmojiSequencesAndCombiningMarksStayInOneCell() {
        var grid = CellGrid(width: 10, height: 1)
        XCTAssertEqual(grid.put("👩‍💻e\u{301}🇯🇵", x: 0, y: 0), 5)
        XCTAssertEqual(grid[0, 0].character, "👩‍💻")
        XCTAssertEqual(grid[2, 0].character, "e\u{301}")
        XCTAssertEqual(grid[3, 0].character, "🇯🇵")
        XCTAssertTrue(grid[4, 0].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("日本語", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)  // second half of 日
        XCTAssertEqual(grid.lines(), [" x本語"])
        grid.put("y", x: 2, y: 0)  // first half of 本
        XCTAssertEqual(grid.lines(), [" xy 語"])
        XCTAssertFalse(grid.cells.enumerated().contains { index, cell in
            cell.isContinuation && (index == 0 || grid.cells[index - 1].width != 2)
        }, "every continuation cell follows a wide character")
    }

    func testControlCharactersAreRenderedInert() {
        var grid = CellGrid(width: 40, height: 3)
        grid.put("\u{1B}]52;c;xx\u{07}", x: 0, y: 0)
        grid.put("\u{1B}[2J", x: 0, y: 1)
        grid.put("a\tb\u{9B}\nc", x: 0, y: 2)
        XCTAssertEqual(grid.lines(), ["^[]52;c;xx^G", "^[[2J", "a   b<U+009B>^Jc"])
        for cell in grid.cells {
            for scalar in cell.character.unicodeScalars {
                XCTAssertNotEqual(scalar.properties.generalCategory, .control)
            }
        }
    }

    func testZeroWidthClustersAreDropped() {
        var grid = CellGrid(width: 10, height: 1)
        XCTAssertEqual(grid.put("a\u{200B}\u{202E}b", x: 0, y: 0), 2)
        XCTAssertEqual(grid.lines(), ["ab"])
    }

    func testOutOfRangeWritesAreIgnored() {
        var grid = CellGrid(width: 4, height: 2)
        XCTAssertEqual(grid.put("x", x: 0, y: 5), 0)
        XCTAssertEqual(grid.put("x", x: 0, y: -1), 0)
        XCTAssertEqual(grid.put("abc", x: 6, y: 0), 0)
        grid.put("日本x", x: -1, y: 1)
        XCTAssertEqual(grid.lines(), ["", " 本x"], "a wide character cut by the left edge shows as a space")
        XCTAssertEqual(CellGrid(width: -3, height: 2).cells.count, 0)
    }

    func testFillClearAndRestyle() {
        var grid = CellGrid(width: 4, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: "─", style: Style(.accent))
        XCTAssertEqual(grid.lines(), ["", " ───", " ───"])
        XCTAssertEqual(grid[3, 2].style, Style(.accent))
        grid.restyle(Rect(x: 0, y: 1, width: 2, height: 1)) { $0.with(role: .selection) }
        XCTAssertEqual(grid.styles(1).map(\.role), [.selection, .selection, .accent, .accent])
        grid.fill(grid.bounds, with: "\u{1B}")
        XCTAssertEqual(grid.lines(), ["", "", ""], "a control character fills with spaces")
        grid.put("x", x: 0, y: 0)
        grid.clear()
        XCTAssertEqual(grid, CellGrid(width: 4, height: 3))
    }

    func testStylesAreRecordedPerCell() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("ab", x: 0, y: 0, style: Style(.warning, [.bold]))
        grid.put("日", x: 2, y: 0, style: Style(.accent))
        XCTAssertEqual(
            grid.styles(0),
            [Style(.warning, [.bold]), Style(.warning, [.bold]), Style(.accent), Style(.accent), .normal, .normal])
    }
}
