import XCTest

@testable import TerminalUI

final class EditorTests: XCTestCase {
    private func typing(_ text: String, into editor: inout Editor) {
        for character in text {
            XCTAssertTrue(editor.handle(character == "\n" ? .enter : .char(character)))
        }
    }

    /// The editor drawn into a grid of its own size, with the cursor as "▏".
    private func snapshot(_ editor: Editor) -> String {
        var grid = CellGrid(width: editor.width, height: editor.height)
        let cursor = editor.render(into: &grid, in: grid.bounds)
        return grid.lines().enumerated().map { index, line in
            let marker = index == cursor.y ? "\(cursor.x)" : " "
            return marker + "|" + line + "|"
        }.joined(separator: "\n")
    }

    func testSoftWrapsAtWordsAndKeepsLineBreaks() {
        var editor = Editor(width: 10, height: 4)
        typing("The quick brown fox\njumps", into: &editor)
        XCTAssertEqual(editor.visibleLines(), ["The quick ", "brown fox", "jumps"])
        XCTAssertEqual(
            snapshot(editor),
            """
             |The quick|
             |brown fox|
            5|jumps|
             ||
            """)
    }

    func testLongWordBreaksBetweenClustersAndWideCharactersNeverSplit() {
        var editor = Editor(width: 5, height: 4)
        typing("abcdefgh", into: &editor)
        XCTAssertEqual(editor.visibleLines(), ["abcde", "fgh"])
        editor.setText("日本語です")
        // Two columns each: two fit in five columns, the third would split.
        XCTAssertEqual(editor.visibleLines(), ["日本", "語で", "す"])
        XCTAssertEqual(editor.cursorLocation().row, 2)
        XCTAssertEqual(editor.cursorLocation().column, 2)
    }

    func testCursorMovesByGraphemeCluster() {
        var editor = Editor(width: 20)
        editor.insert("e\u{301}👩‍💻日")
        XCTAssertEqual(editor.count, 3)
        editor.moveLeft()
        XCTAssertEqual(editor.cursorLocation().column, 3, "é is one column, 👩‍💻 two")
        editor.moveLeft()
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, 0)
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, 0, "cannot move before the start")
        // A combining accent typed after "e" joins it.
        var accent = Editor()
        typing("e", into: &accent)
        accent.insert("\u{301}")
        XCTAssertEqual(accent.count, 1)
        XCTAssertEqual(accent.text, "é")
    }

    func testWordAndLineMotion() {
        var editor = Editor(text: "one two_x  three\nfour", width: 40)
        editor.moveToLineStart()
        XCTAssertEqual(editor.cursor, 17, "start of the second line")
        editor.moveWordLeft()
        XCTAssertEqual(editor.cursor, 11, "start of 'three'")
        editor.moveWordLeft()
        XCTAssertEqual(editor.cursor, 4, "'two_x' is one word")
        editor.moveWordRight()
        XCTAssertEqual(editor.cursor, 9)
        editor.moveToLineEnd()
        XCTAssertEqual(editor.cursor, 16)
        editor.moveToLineStart()
        XCTAssertEqual(editor.cursor, 0)
    }

    func testUpAndDownMoveByDisplayRowKeepingTheColumn() {
        var editor = Editor(text: "abcdefgh ijklmnop\nxy\n0123456789", width: 10, height: 5)
        // Rows: "abcdefgh ", "ijklmnop", "xy", "0123456789".
        XCTAssertEqual(editor.rows().count, 4)
        editor.moveUp()
        XCTAssertEqual(editor.cursorLocation().row, 2)
        XCTAssertEqual(editor.cursorLocation().column, 2, "the short row clamps the column")
        editor.moveUp()
        XCTAssertEqual(editor.cursorLocation().row, 1)
        XCTAssertEqual(editor.cursorLocation().column, 8, "the goal column (10) is kept, clamped to the row")
        editor.moveUp()
        XCTAssertEqual(editor.cursorLocation().row, 0)
        XCTAssertEqual(editor.cursorLocation().column, 8, "a soft row's last position belongs to the next row")
        editor.moveDown()
        editor.moveDown()
        editor.moveDown()
        XCTAssertEqual(editor.cursorLocation().row, 3)
        XCTAssertEqual(editor.cursorLocation().column, 10)
        editor.moveDown()
        XCTAssertEqual(editor.cursor, editor.count, "past the last row: the end")
    }

    func testUpDownOverWideCharacters() {
        var editor = Editor(text: "日本語\nabcdef", width: 20)
        editor.moveToLineStart()
        editor.moveRight()
        editor.moveRight()
        editor.moveRight()
        XCTAssertEqual(editor.cursorLocation().column, 3)
        editor.moveUp()
        XCTAssertEqual(editor.cursorLocation().column, 2, "column 3 is inside 本: the cursor stops before it")
    }

    func testBackspaceDeleteAndKillKeys() {
        var editor = Editor(text: "hello world\nsecond")
        _ = editor.handle(.ctrl("w"))
        XCTAssertEqual(editor.text, "hello world\n")
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, "hello world")
        editor.moveWordLeft()
        _ = editor.handle(.ctrl("k"))
        XCTAssertEqual(editor.text, "hello ")
        _ = editor.handle(.ctrl("u"))
        XCTAssertEqual(editor.text, "")
        XCTAssertFalse(editor.handle(.ctrl("e")), "Ctrl-E is the caller's (external editor)")
        XCTAssertFalse(editor.handle(.escape))
    }

    func testUndoRedoGroupsTypingByWord() {
        var editor = Editor()
        typing("hello big world", into: &editor)
        editor.undo()
        XCTAssertEqual(editor.text, "hello big")
        editor.undo()
        XCTAssertEqual(editor.text, "hello")
        editor.redo()
        XCTAssertEqual(editor.text, "hello big")
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, "hello b")
        XCTAssertFalse(editor.canRedo, "a new change drops the redo history")
        editor.undo()
        XCTAssertEqual(editor.text, "hello big", "consecutive backspaces undo together")
        XCTAssertEqual(editor.cursor, 9)
        editor.undo()
        editor.undo()
        XCTAssertEqual(editor.text, "")
        XCTAssertFalse(editor.canUndo)
    }

    func testPasteIsCleanedAndIsOneUndoStep() {
        var editor = Editor()
        editor.insert("line one\r\nline\ttwo\u{1B}[2J\rthree")
        XCTAssertEqual(editor.text, "line one\nline    two[2J\nthree", "escape dropped, tab expanded, CRs to newlines")
        editor.undo()
        XCTAssertEqual(editor.text, "")
    }

    func testLargePasteIsFast() {
        var editor = Editor(width: 80, height: 20, limit: .utf8Bytes(65_536))
        let paragraph = String(repeating: "lorem ipsum dolor sit amet ", count: 40) + "\n\n"
        let text = String(repeating: paragraph, count: 70)
        let start = ContinuousClock.now
        editor.insert(text)
        _ = editor.handle(.char("x"))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertTrue(editor.isOverLimit)
        XCTAssertTrue(editor.counter.hasSuffix("/65,536 bytes"))
    }

    func testCounterAndLimit() {
        var editor = Editor(limit: .characters(5))
        typing("日本語", into: &editor)
        XCTAssertEqual(editor.counter, "3/5")
        XCTAssertFalse(editor.isOverLimit)
        typing("abc", into: &editor)
        XCTAssertTrue(editor.isOverLimit)
        XCTAssertEqual(Editor(text: "abc").counter, "3 characters")
    }

    func testScrollFollowsTheCursor() {
        var editor = Editor(text: "1\n2\n3\n4\n5\n6", width: 10, height: 3)
        XCTAssertEqual(editor.visibleLines(), ["4", "5", "6"])
        editor.moveRows(by: -4)
        XCTAssertEqual(editor.visibleLines(), ["2", "3", "4"])
        XCTAssertEqual(
            snapshot(editor),
            """
            1|2|
             |3|
             |4|
            """)
    }

    func testKeptCountsAndLayoutMatchAFreshEditorAfterRandomEdits() {
        var generator = SystemRandomNumberGenerator()
        let keys: [Key] = [
            .char("a"), .char(" "), .char("日"), .char("é"), .enter, .left, .right, .up, .down, .backspace, .delete,
            .ctrl("w"), .ctrl("k"), .ctrl("u"), .ctrl("z"), .ctrl("y"), .home, .end, .ctrl("b"), .ctrl("f"),
        ]
        var editor = Editor(width: 7, height: 3)
        for step in 0..<2_000 {
            let key = keys.randomElement(using: &generator) ?? .left
            let before = editor.changeCount
            let text = editor.text
            _ = editor.handle(key)
            if editor.text != text {
                XCTAssertGreaterThan(editor.changeCount, before, "step \(step): a change is counted")
            }
            XCTAssertEqual(editor.utf8Count, editor.text.utf8.count, "step \(step) after \(key)")
            let fresh = Editor(text: editor.text, width: 7, height: 3)
            XCTAssertEqual(editor.rows(), fresh.rows(), "step \(step) after \(key)")
            XCTAssertEqual(editor.isBlank, editor.text.allSatisfy(\.isWhitespace))
            XCTAssertTrue((0...editor.count).contains(editor.cursor))
        }
    }

    func testMentionWordBeforeCursorAndCompletion() {
        var editor = Editor(text: "hi @al")
        XCTAssertEqual(editor.wordBeforeCursor, "@al")
        editor.replaceBeforeCursor(3, with: "@alice ")
        XCTAssertEqual(editor.text, "hi @alice ")
        editor.undo()
        XCTAssertEqual(editor.text, "hi @al")
    }
}
