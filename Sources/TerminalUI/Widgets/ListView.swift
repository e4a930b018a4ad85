/// A scrolling list with one selected row: the state of a list pane.
///
/// `ListView` holds only numbers — the row count, the selected index and the
/// first visible row — never the rows themselves. Rendering asks a closure
/// for the rows that are visible, so a frame costs the same for 100 rows or
/// 1,000,000, and callers never build an array of everything.
///
/// Navigation takes the viewport height so the selection stays visible; a
/// reducer calls these with the list's current height and stores the
/// result in its state.
///
/// ```swift
/// var list = ListView(rowCount: threads.count)
/// list.move(by: 1, height: 20)
/// list.render(into: &grid, in: pane) { row in
///     ListView.Line(titles[row.index], style: .normal)
/// }
/// ```
public struct ListView: Hashable, Sendable {
    /// Number of rows in the list.
    public private(set) var rowCount: Int
    /// The selected row; 0 when the list is empty (see `selectedIndex`).
    public private(set) var selection: Int
    /// The first visible row.
    public private(set) var offset: Int

    /// A list of `rowCount` rows with `selection` selected, scrolled to the top.
    public init(rowCount: Int = 0, selection: Int = 0) {
        self.rowCount = max(0, rowCount)
        self.selection = 0
        self.offset = 0
        self.selection = clampedIndex(selection)
    }

    /// The selected row, or nil when the list is empty.
    public var selectedIndex: Int? {
        rowCount == 0 ? nil : selection
    }

    // MARK: - Navigation

    /// Changes the number of rows (the data changed), keeping the selection
    /// on the same index where possible.
    public mutating func setRowCount(_ count: Int, height: Int) {
        rowCount = max(0, count)
        selection = clampedIndex(selection)
        reveal(height: height)
    }

    /// Selects row `index` (clamped to the list) and scrolls it into view.
    public mutating func select(_ index: Int, height: Int) {
        selection = clampedIndex(index)
        reveal(height: height)
    }

    /// Moves the selection by `delta` rows (negative is up).
    public mutating func move(by delta: Int, height: Int) {
        select(selection + delta, height: height)
    }

    /// Moves a page down: the selection and the view both advance by one
    /// screenful.
    public mutating func pageDown(height: Int) {
        let page = max(1, height)
        offset = min(offset + page, max(0, rowCount - page))
        select(selection + page, height: height)
    }

    /// Moves a page up.
    public mutating func pageUp(height: Int) {
        let page = max(1, height)
        offset = max(0, offset - page)
        select(selection - page, height: height)
    }

    /// Selects the first row.
    public mutating func selectFirst(height: Int) {
        select(0, height: height)
    }

    /// Selects the last row.
    public mutating func selectLast(height: Int) {
        select(rowCount - 1, height: height)
    }

    /// Scrolls the view by `delta` rows without moving the selection more
    /// than needed to keep it visible (mouse wheel).
    public mutating func scroll(by delta: Int, height: Int) {
        let page = max(1, height)
        offset = min(max(0, offset + delta), max(0, rowCount - page))
        if selection < offset {
            selection = clampedIndex(offset)
        } else if selection >= offset + page {
            selection = clampedIndex(offset + page - 1)
        }
    }

    /// The rows visible in a viewport of `height` rows. The stored offset is
    /// adjusted (without being saved) if the viewport shrank so that the
    /// selection would fall outside it.
    public func visibleRows(height: Int) -> Range<Int> {
        let start = revealedOffset(height: height)
        return start..<min(rowCount, start + max(0, height))
    }

    /// The row shown at screen row `y` of a list drawn in `rect`, or nil for
    /// a row outside the list (for mouse clicks).
    public func index(atY y: Int, in rect: Rect) -> Int? {
        guard y >= rect.y, y < rect.maxY else { return nil }
        let index = visibleRows(height: rect.height).lowerBound + (y - rect.y)
        return index < rowCount ? index : nil
    }

    private func clampedIndex(_ index: Int) -> Int {
        rowCount == 0 ? 0 : min(max(0, index), rowCount - 1)
    }

    private mutating func reveal(height: Int) {
        offset = revealedOffset(height: height)
    }

    /// The offset closest to the stored one that shows the selection and
    /// does not leave empty rows at the bottom when there are rows above.
    private func revealedOffset(height: Int) -> Int {
        let page = max(1, height)
        var start = min(offset, max(0, rowCount - page))
        if selection < start {
            start = selection
        } else if selection >= start + page {
            start = selection - page + 1
        }
        return max(0, start)
    }

    // MARK: - Rendering

    /// What the row closure is asked to draw.
    public struct Row: Sendable {
        /// The row's index in the list.
        public var index: Int
        /// Where the row is on screen (one row high).
        public var rect: Rect
        /// Whether this is the selected row.
        public var isSelected: Bool
    }

    /// One row's text and style, for the simple form of `render`.
    public struct Line: Hashable, Sendable {
        public var text: String
        public var style: Style

        public init(_ text: String, style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// Draws the visible rows into `rect`. `drawRow` is called once per
    /// visible row, top to bottom, after the row has been blanked; the
    /// selected row is then restyled with the `.selection` role (flags such
    /// as bold are kept). Rows below the end of the list are blanked.
    public func render(
        into grid: inout CellGrid, in rect: Rect, drawRow: (Row, inout CellGrid) -> Void
    ) {
        guard !rect.isEmpty else { return }
        let rows = visibleRows(height: rect.height)
        grid.fill(rect)
        for (screenRow, index) in rows.enumerated() {
            let rowRect = rect.row(screenRow)
            let isSelected = index == selection
            drawRow(Row(index: index, rect: rowRect, isSelected: isSelected), &grid)
            if isSelected {
                grid.restyle(rowRect) { $0.with(role: .selection) }
            }
        }
    }

    /// Draws the visible rows, one line of text each, truncated with "…".
    public func render(into grid: inout CellGrid, in rect: Rect, line: (Int) -> Line) {
        render(into: &grid, in: rect) { row, grid in
            let content = line(row.index)
            let text = DisplayWidth.truncate(content.text, to: row.rect.width)
            grid.put(text, x: row.rect.x, y: row.rect.y, style: content.style, maxWidth: row.rect.width)
        }
    }
}
