import XCTest

@testable import TerminalUI

final class ListViewTests: XCTestCase {
    func testMovingDownScrollsToKeepTheSelectionVisible() {
        var list = ListView(rowCount: 100)
        for _ in 0..<12 {
            list.move(by: 1, height: 10)
        }
        XCTAssertEqual(list.selection, 12)
        XCTAssertEqual(list.visibleRows(height: 10), 3..<13)
        list.move(by: -5, height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 3..<13, "no scrolling while the selection is visible")
        list.move(by: -5, height: 10)
        XCTAssertEqual(list.selection, 2)
        XCTAssertEqual(list.visibleRows(height: 10), 2..<12)
    }

    func testSelectionIsClamped() {
        var list = ListView(rowCount: 5)
        list.move(by: -3, height: 3)
        XCTAssertEqual(list.selection, 0)
        list.move(by: 50, height: 3)
        XCTAssertEqual(list.selection, 4)
        XCTAssertEqual(list.visibleRows(height: 3), 2..<5)
        XCTAssertNil(ListView(rowCount: 0).selectedIndex)
        XCTAssertEqual(ListView(rowCount: 0).visibleRows(height: 5), 0..<0)
    }

    func testPagingMovesByAScreenful() {
        var list = ListView(rowCount: 100)
        list.pageDown(height: 10)
        XCTAssertEqual(list.selection, 10)
        XCTAssertEqual(list.visibleRows(height: 10), 10..<20)
        list.pageDown(height: 10)
        list.pageUp(height: 10)
        XCTAssertEqual(list.selection, 10)
        XCTAssertEqual(list.visibleRows(height: 10), 10..<20)
        list.selectLast(height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 90..<100)
        list.pageDown(height: 10)
        XCTAssertEqual(list.selection, 99)
        list.selectFirst(height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 0..<10)
    }

    func testShrinkingTheViewportStillShowsTheSelection() {
        var list = ListView(rowCount: 100)
        list.select(30, height: 40)
        XCTAssertEqual(list.visibleRows(height: 40), 0..<40)
        XCTAssertTrue(list.visibleRows(height: 5).contains(30))
    }

    func testRowCountChangesKeepTheSelectionInRange() {
        var list = ListView(rowCount: 100, selection: 80)
        list.setRowCount(10, height: 5)
        XCTAssertEqual(list.selection, 9)
        XCTAssertEqual(list.visibleRows(height: 5), 5..<10)
    }

    func testWheelScrollDragsTheSelectionAlong() {
        var list = ListView(rowCount: 100)
        list.scroll(by: 3, height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 3..<13)
        XCTAssertEqual(list.selection, 3)
        list.scroll(by: 1000, height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 90..<100)
        list.scroll(by: -2, height: 10)
        XCTAssertEqual(list.visibleRows(height: 10), 88..<98)
        XCTAssertEqual(list.selection, 90, "still visible, so not moved")
    }

    func testRenderAsksOnlyForVisibleRowsOfAHugeList() {
        var list = ListView(rowCount: 1_000_000)
        list.select(500_000, height: 20)
        var grid = CellGrid(width: 30, height: 22)
        var requested: [Int] = []
        list.render(into: &grid, in: Rect(x: 0, y: 1, width: 30, height: 20)) { index in
            requested.append(index)
            return ListView.Line("row \(index)")
        }
        XCTAssertEqual(requested, Array(499_981...500_000))
        XCTAssertEqual(grid.line(1), "row 499981")
        XCTAssertEqual(grid.line(20), "row 500000")
        XCTAssertEqual(grid.line(0), "", "nothing drawn outside the rect")
        XCTAssertEqual(grid.line(21), "")
    }

    func testSelectedRowIsHighlightedAcrossTheFullWidth() {
        var list = ListView(rowCount: 3)
        list.select(1, height: 5)
        var grid = CellGrid(width: 8, height: 5)
        list.render(into: &grid, in: grid.bounds) { index in
            ListView.Line("item \(index)", style: Style(.unread, [.bold]))
        }
        XCTAssertEqual(grid.lines(), ["item 0", "item 1", "item 2", "", ""])
        XCTAssertTrue(grid.styles(1).allSatisfy { $0.role == .selection }, "the bar spans the row")
        XCTAssertEqual(grid.styles(1)[0], Style(.selection, [.bold]), "flags survive the highlight")
        XCTAssertEqual(grid.styles(0)[0], Style(.unread, [.bold]))
        XCTAssertEqual(grid.styles(0)[7], .normal)
    }

    func testLongRowsAreTruncatedWithAnEllipsis() {
        let list = ListView(rowCount: 1)
        var grid = CellGrid(width: 8, height: 1)
        list.render(into: &grid, in: grid.bounds) { _ in ListView.Line("日本語のテキスト") }
        XCTAssertEqual(grid.lines(), ["日本語…"])
    }

    func testIndexAtScreenRow() {
        var list = ListView(rowCount: 50)
        list.select(30, height: 10)
        let rect = Rect(x: 0, y: 2, width: 20, height: 10)
        XCTAssertEqual(list.index(atY: 2, in: rect), 21)
        XCTAssertEqual(list.index(atY: 11, in: rect), 30)
        XCTAssertNil(list.index(atY: 1, in: rect))
        XCTAssertNil(ListView(rowCount: 3).index(atY: 8, in: rect), "below the last row")
    }
}
