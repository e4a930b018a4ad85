import TerminalUI

/// Writes one table row left to right: fixed-width cells, padded or cut
/// with "…", so columns line up whatever the text (CJK and emoji included).
struct RowWriter {
    private(set) var x: Int
    let y: Int
    let maxX: Int

    init(in rect: Rect) {
        x = rect.x
        y = rect.y
        maxX = rect.maxX
    }

    /// The columns left on the row.
    var remaining: Int { max(0, maxX - x) }

    /// Writes `text` in a cell `width` columns wide (cut with "…" when
    /// wider) and moves past it. The row is expected to be blank already, so
    /// the rest of the cell is left as it is rather than padded.
    mutating func cell(
        _ text: String, width: Int, style: Style = .normal, alignment: DisplayWidth.Alignment = .leading,
        into grid: inout CellGrid
    ) {
        let width = min(width, remaining)
        guard width > 0 else { return }
        var shown = text
        var used = DisplayWidth.of(text)
        if used > width {
            shown = DisplayWidth.truncate(text, to: width)
            used = DisplayWidth.of(shown)
        }
        let start = alignment == .trailing ? x + max(0, width - used) : x
        grid.put(shown, x: start, y: y, style: style, maxWidth: x + width - start)
        x += width
    }

    /// Skips `columns` columns.
    mutating func gap(_ columns: Int = 1) {
        x = min(maxX, x + columns)
    }

    /// Writes `text` and moves past it, without padding.
    mutating func text(_ text: String, style: Style = .normal, into grid: inout CellGrid) {
        let used = grid.put(text, x: x, y: y, style: style, maxWidth: remaining)
        x = min(maxX, x + used)
    }
}

/// Column widths for a table: fixed columns are dropped, last first, when
/// the flexible column would be narrower than its minimum.
struct ColumnPlan {
    /// The flexible column's width.
    let flexible: Int
    /// Which optional columns are shown, by index into the widths given.
    let shown: [Bool]

    /// - Parameters:
    ///   - total: the row's width.
    ///   - fixed: the columns every row has besides the flexible one.
    ///   - optional: further columns in order of importance, each with
    ///     the gap before it included.
    ///   - minimumFlexible: the narrowest useful flexible column.
    init(total: Int, fixed: Int, optional: [Int], minimumFlexible: Int) {
        var shown = Array(repeating: true, count: optional.count)
        var used = fixed + optional.reduce(0, +)
        var index = optional.count - 1
        while total - used < minimumFlexible, index >= 0 {
            shown[index] = false
            used -= optional[index]
            index -= 1
        }
        self.shown = shown
        self.flexible = max(0, total - used)
    }
}
