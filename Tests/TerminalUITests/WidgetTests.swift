import XCTest

@testable import TerminalUI

final class ModalTests: XCTestCase {
    func testCenteredBoxWithTitleBodyAndFooter() {
        var grid = CellGrid(width: 30, height: 7)
        let box = Modal(title: "Discard?", lines: ["Draft is lost."], footer: "y/n")
            .render(into: &grid, in: grid.bounds)
        XCTAssertEqual(box, Rect(x: 6, y: 2, width: 18, height: 3))
        XCTAssertEqual(
            grid.lines(),
            [
                "",
                "",
                "      ┌ Discard? ──────┐",
                "      │ Draft is lost. │",
                "      └─────────── y/n ┘",
                "",
                "",
            ])
        XCTAssertEqual(grid[6, 2].style, Style(.accent))
    }

    func testCoversWhatIsUnderneath() {
        var grid = CellGrid(width: 12, height: 3)
        for row in 0..<3 {
            grid.put(String(repeating: "#", count: 12), x: 0, y: row)
        }
        Modal(title: "", lines: ["hi"]).render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["##┌──────┐##", "##│ hi   │##", "##└──────┘##"])
    }

    func testClipsToATinyScreen() {
        var grid = CellGrid(width: 8, height: 3)
        let box = Modal(title: "A long title here", lines: ["first line is long", "second", "third"])
            .render(into: &grid, in: grid.bounds)
        XCTAssertEqual(box, grid.bounds)
        XCTAssertEqual(grid.lines(), ["┌ A l… ┐", "│ fir… │", "└──────┘"])
    }

    func testDegradesWithoutRoomForABorder() {
        var grid = CellGrid(width: 5, height: 1)
        Modal(title: "Error", lines: ["disk full"]).render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["Error"])
        var narrow = CellGrid(width: 1, height: 3)
        Modal(title: "Error", lines: ["disk full"]).render(into: &narrow, in: narrow.bounds)
        XCTAssertEqual(narrow.lines(), ["…", "…", ""])
        var empty = CellGrid(width: 0, height: 0)
        XCTAssertTrue(Modal(title: "x", lines: []).render(into: &empty, in: empty.bounds).isEmpty)
    }

    func testWideCharactersInsideTheBox() {
        var grid = CellGrid(width: 16, height: 4)
        Modal(title: "日本", lines: ["👍 ok", "日本語のテキスト"]).render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), ["┌ 日本 ────────┐", "│ 👍 ok        │", "│ 日本語のテ…  │", "└──────────────┘"])
    }

    func testScrollingTheBody() {
        var grid = CellGrid(width: 12, height: 4)
        Modal(title: "", lines: ["one", "two", "three"], firstLine: 1).render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.lines(), [" ┌───────┐", " │ two   │", " │ three │", " └───────┘"])
    }

    func testMessageIsWrapped() {
        let modal = Modal(title: "Note", message: "one two three four", width: 9)
        XCTAssertEqual(modal.lines, ["one two", "three", "four"])
    }
}

final class BarTests: XCTestCase {
    func testTitleBarAlignsLeftAndRight() {
        var grid = CellGrid(width: 30, height: 2)
        TitleBar(left: "Weft · 日本", right: "3 unread").render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.line(0), " Weft · 日本         3 unread")
        XCTAssertEqual(grid.line(1), "", "only the first row")
        XCTAssertTrue(grid.styles(0).allSatisfy { $0 == Style(.title) })
    }

    func testTitleBarTruncatesTheLeftFirstButKeepsHalf() {
        var grid = CellGrid(width: 20, height: 1)
        TitleBar(left: "Engineering › Weekly planning", right: "12 unread · alice").render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.line(0), " Engineer… 12 unre…")
        var wide = CellGrid(width: 40, height: 1)
        TitleBar(left: "Engineering › Weekly planning", right: "3").render(into: &wide, in: wide.bounds)
        XCTAssertEqual(wide.line(0), " Engineering › Weekly planning        3")
    }

    func testStatusBarShowsWholeHintsOnly() {
        let bar = StatusBar(hints: [KeyHint("q", "back"), KeyHint("?", "help"), KeyHint("Enter", "open")], right: "1/9")
        var grid = CellGrid(width: 40, height: 1)
        bar.render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.line(0), " q back  ? help  Enter open         1/9")
        XCTAssertEqual(grid[1, 0].style, Style(.status, [.bold]), "keys are emphasized")
        XCTAssertEqual(grid[3, 0].style, Style(.status))
        var narrow = CellGrid(width: 22, height: 1)
        bar.render(into: &narrow, in: narrow.bounds)
        XCTAssertEqual(narrow.line(0), " q back  ? help   1/9")
    }

    func testStatusBarMessageReplacesHints() {
        let bar = StatusBar(
            hints: [KeyHint("q", "back")], message: "Saved.", right: "", messageStyle: Style(.warning))
        var grid = CellGrid(width: 12, height: 1)
        bar.render(into: &grid, in: grid.bounds)
        XCTAssertEqual(grid.line(0), " Saved.")
        XCTAssertEqual(grid[1, 0].style, Style(.warning))
        XCTAssertEqual(grid[10, 0].style, Style(.status))
    }
}
