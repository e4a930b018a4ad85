import XCTest

@testable import TerminalUI

final class LineInputTests: XCTestCase {
    private func typing(_ text: String, into input: inout LineInput) {
        for character in text {
            XCTAssertTrue(input.handle(.char(character)))
        }
    }

    func testTypingAndCursorMovement() {
        var input = LineInput()
        typing("helo", into: &input)
        XCTAssertEqual(input.cursor, 4)
        _ = input.handle(.left)
        _ = input.handle(.char("l"))
        XCTAssertEqual(input.text, "hello")
        XCTAssertEqual(input.cursor, 4)
        _ = input.handle(.home)
        XCTAssertEqual(input.cursor, 0)
        _ = input.handle(.end)
        XCTAssertEqual(input.cursor, 5)
        _ = input.handle(.right)
        XCTAssertEqual(input.cursor, 5, "cannot move past the end")
    }

    func testBackspaceAndDelete() {
        var input = LineInput(text: "abcd")
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "abc")
        _ = input.handle(.home)
        _ = input.handle(.delete)
        XCTAssertEqual(input.text, "bc")
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "bc", "nothing before the cursor")
        XCTAssertEqual(input.cursor, 0)
    }

    func testReadlineControlKeys() {
        var input = LineInput(text: "git commit --amend")
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "git commit ")
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "git ")
        _ = input.handle(.ctrl("a"))
        XCTAssertEqual(input.cursor, 0)
        _ = input.handle(.ctrl("f"))
        _ = input.handle(.ctrl("k"))
        XCTAssertEqual(input.text, "g")
        _ = input.handle(.ctrl("e"))
        typing("rep", into: &input)
        _ = input.handle(.ctrl("b"))
        _ = input.handle(.ctrl("u"))
        XCTAssertEqual(input.text, "p")
        XCTAssertEqual(input.cursor, 0)
        _ = input.handle(.ctrl("d"))
        XCTAssertEqual(input.text, "")
    }

    func testKeysItDoesNotUseAreLeftToTheCaller() {
        var input = LineInput(text: "x")
        XCTAssertFalse(input.handle(.enter))
        XCTAssertFalse(input.handle(.escape))
        XCTAssertFalse(input.handle(.up))
        XCTAssertFalse(input.handle(.ctrl("c")))
        XCTAssertEqual(input.text, "x")
    }

    func testWideCharactersAndClustersAreOneStep() {
        var input = LineInput()
        typing("日本👩‍💻", into: &input)
        XCTAssertEqual(input.cursor, 3)
        _ = input.handle(.backspace)
        XCTAssertEqual(input.text, "日本")
        _ = input.handle(.left)
        _ = input.handle(.delete)
        XCTAssertEqual(input.text, "日")
    }

    func testCombiningMarkMergesWithThePreviousCharacter() {
        var input = LineInput()
        typing("e", into: &input)
        input.insert("\u{301}")
        XCTAssertEqual(input.text, "é")
        XCTAssertEqual(input.text.count, 1)
        XCTAssertEqual(input.cursor, 1)
    }

    func testInsertedLineBreaksAndControlsAreNeutralized() {
        var input = LineInput()
        input.insert("a\nb\tc\u{1B}d")
        XCTAssertEqual(input.text, "a b cd")
    }

    func testRenderReturnsTheCursorPosition() {
        var input = LineInput(text: "日本", fieldWidth: 10)
        var grid = CellGrid(width: 20, height: 1)
        XCTAssertEqual(input.render(into: &grid, in: Rect(x: 3, y: 0, width: 10, height: 1)), Point(x: 7, y: 0))
        XCTAssertEqual(grid.lines(), ["   日本"])
        _ = input.handle(.left)
        XCTAssertEqual(input.render(into: &grid, in: Rect(x: 3, y: 0, width: 10, height: 1)), Point(x: 5, y: 0))
    }

    func testScrollsHorizontallyToFollowTheCursor() {
        var input = LineInput(fieldWidth: 5)
        typing("abcdefgh", into: &input)
        var grid = CellGrid(width: 5, height: 1)
        let cursor = input.render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["efgh"], "the last column is kept for the cursor")
        XCTAssertEqual(cursor, Point(x: 4, y: 0))
        _ = input.handle(.home)
        XCTAssertEqual(input.render(into: &grid, in: grid.bounds), Point(x: 0, y: 0))
        XCTAssertEqual(grid.lines(), ["abcde"])
        _ = input.handle(.end)
        _ = input.handle(.ctrl("w"))
        XCTAssertEqual(input.render(into: &grid, in: grid.bounds), Point(x: 0, y: 0))
        XCTAssertEqual(grid.lines(), [""])
    }

    func testScrollingWithWideCharactersNeverSplitsThem() {
        var input = LineInput(fieldWidth: 5)
        typing("日本語です", into: &input)
        var grid = CellGrid(width: 5, height: 1)
        let cursor = input.render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["です"])
        XCTAssertEqual(cursor, Point(x: 4, y: 0))
        _ = input.handle(.home)
        _ = input.render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["日本"], "語 does not fit in the last column")
    }

    func testPlaceholderShowsWhileEmpty() {
        let input = LineInput(placeholder: "Search…")
        var grid = CellGrid(width: 10, height: 1)
        XCTAssertEqual(input.render(into: &grid, in: grid.bounds), Point(x: 0, y: 0))
        XCTAssertEqual(grid.lines(), ["Search…"])
        XCTAssertEqual(grid[0, 0].style.role, .dim)
    }
}
