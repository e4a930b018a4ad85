/// Lays out one row with text at the left and text at the right: the shared
/// geometry of `TitleBar` and `StatusBar`.
///
/// One column of margin is kept at each end when the row is wide enough.
/// When both texts do not fit, the left text keeps at least half of the row
/// (it usually says where the user is) and the right text gets the rest;
/// whatever is cut ends in "…".
struct AlignedLine {
    /// The truncated texts and the column each starts at, relative to the
    /// row's left edge.
    struct Layout: Equatable {
        var left: String
        var leftX: Int
        var right: String
        var rightX: Int
    }

    static func layout(left: String, right: String, width: Int) -> Layout {
        let margin = width >= 8 ? 1 : 0
        let available = max(0, width - 2 * margin)
        let leftWidth = DisplayWidth.of(left)
        let rightWidth = DisplayWidth.of(right)
        let gap = leftWidth > 0 && rightWidth > 0 ? 1 : 0

        var rightBudget = rightWidth
        if leftWidth + gap + rightWidth > available {
            let leftKeeps = min(leftWidth, available / 2)
            rightBudget = min(rightWidth, max(0, available - leftKeeps - gap))
        }
        let shownRight = DisplayWidth.truncate(right, to: rightBudget)
        let shownRightWidth = DisplayWidth.of(shownRight)
        let leftBudget = max(0, available - shownRightWidth - (shownRightWidth > 0 ? gap : 0))
        let shownLeft = DisplayWidth.truncate(left, to: leftBudget)
        return Layout(
            left: shownLeft, leftX: margin,
            right: shownRight, rightX: margin + available - shownRightWidth)
    }

    /// Fills `rect`'s first row with `style` and draws both texts on it.
    static func render(
        left: String, right: String, into grid: inout CellGrid, in rect: Rect,
        style: Style, leftStyle: Style? = nil, rightStyle: Style? = nil
    ) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        grid.fill(row, style: style)
        let layout = layout(left: left, right: right, width: row.width)
        grid.put(layout.left, x: row.x + layout.leftX, y: row.y, style: leftStyle ?? style, maxWidth: row.width)
        if !layout.right.isEmpty {
            grid.put(
                layout.right, x: row.x + layout.rightX, y: row.y, style: rightStyle ?? style,
                maxWidth: row.maxX - (row.x + layout.rightX))
        }
    }
}
