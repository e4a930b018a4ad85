/// A width × height grid of cells: what one frame of the screen shows.
///
/// Screens render into a `CellGrid` and the terminal backend copies the
/// finished grid to the screen, so rendering is a pure function that can be
/// snapshot-tested as text with `lines()`.
///
/// The grid keeps the terminal's rules itself: everything written through
/// `put` is made inert (no control character can reach the screen), wide
/// characters take two cells, and a wide character is never split — at the
/// right edge of the space it is replaced by a space instead.
///
/// ```swift
/// var grid = CellGrid(width: 10, height: 1)
/// grid.put("日本語です", x: 0, y: 0, maxWidth: 5)  // "日本 " (5 columns)
/// ```
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// The cells row by row, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank grid. Negative dimensions are treated as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// A blank grid of `size`.
    public init(size: Size) {
        self.init(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    // MARK: - Writing

    /// Writes `text` on row `y` from column `x` and returns the columns used.
    ///
    /// Control characters are shown in caret notation (`^[`) and tabs expand
    /// to the next tab stop counted from `x`; zero-width clusters on their
    /// own are skipped. Writing stops at the right edge of the grid or after
    /// `maxWidth` columns; a wide character that does not fit is replaced by
    /// a space so the returned width can be one more than the text shown.
    /// Columns left of the grid (negative `x`) are consumed but not drawn.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        var limit = width
        if let maxWidth {
            limit = min(limit, x + max(0, maxWidth))
        }
        var column = x
        for character in text {
            guard column < limit else { break }
            if let first = character.unicodeScalars.first, first.properties.generalCategory == .control {
                for scalar in character.unicodeScalars {
                    let shown: String
                    if scalar == "\t" {
                        shown = String(repeating: " ", count: Inert.tabWidth - (column - x) % Inert.tabWidth)
                    } else {
                        shown = Inert.notation(for: scalar) ?? "?"
                    }
                    for visible in shown where column < limit {
                        place(visible, columns: 1, style: style, x: column, y: y, limit: limit)
                        column += 1
                    }
                }
                continue
            }
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                continue
            }
            if column + columns > limit {
                // Never split a wide character: pad what is left instead.
                while column < limit {
                    place(" ", columns: 1, style: style, x: column, y: y, limit: limit)
                    column += 1
                }
                break
            }
            place(character, columns: columns, style: style, x: column, y: y, limit: limit)
            column += columns
        }
        return column - x
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    /// A character that is not one column wide, or a control character,
    /// fills with spaces.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        var filler = character
        let isControl = character.unicodeScalars.first?.properties.generalCategory == .control
        if isControl || DisplayWidth.of(character) != 1 {
            filler = " "
        }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                place(filler, columns: 1, style: style, x: column, y: row, limit: area.maxX)
            }
        }
    }

    /// Blanks the whole grid.
    public mutating func clear() {
        for index in cells.indices {
            cells[index] = .blank
        }
    }

    /// Changes the style of every cell in `rect` (clipped to the grid)
    /// without touching the characters; used to highlight a selected row
    /// after its content was drawn.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                let index = row * width + column
                cells[index].style = transform(cells[index].style)
            }
        }
    }

    /// Puts one cluster of `columns` (1 or 2) cells at (`x`, `y`), keeping
    /// the wide-character invariants: no orphaned leading or continuation
    /// half is left behind around the cells overwritten. Cells at or beyond
    /// `limit`, or outside the grid, are not touched.
    private mutating func place(_ character: Character, columns: Int, style: Style, x: Int, y: Int, limit: Int) {
        guard y >= 0, y < height, x + columns <= min(limit, width) else { return }
        guard x >= 0 else {
            // A wide character straddling the left edge: show its visible
            // half as a space.
            if x + columns > 0 {
                place(" ", columns: 1, style: style, x: 0, y: y, limit: limit)
            }
            return
        }
        let rowStart = y * width
        // Overwriting the second half of a wide character blanks its first half.
        if cells[rowStart + x].isContinuation, x > 0 {
            cells[rowStart + x - 1] = Cell(" ", style: cells[rowStart + x - 1].style)
        }
        // Overwriting the first half of a wide character blanks its second half.
        let last = x + columns - 1
        if cells[rowStart + last].width == 2, last + 1 < width {
            cells[rowStart + last + 1] = Cell(" ", style: cells[rowStart + last + 1].style)
        }
        cells[rowStart + x] = Cell(character, style: style, width: UInt8(columns))
        if columns == 2 {
            cells[rowStart + x + 1] = Cell(" ", style: style, width: 0)
        }
    }

    // MARK: - Reading

    /// Row `y` as text, wide characters once, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            text.append(cell.character)
        }
        while text.last == " " {
            text.removeLast()
        }
        return text
    }

    /// Every row as text with trailing spaces trimmed: the form screen
    /// snapshots are compared in.
    public func lines() -> [String] {
        (0..<height).map(line)
    }

    /// Row `y` as one style per column (continuation cells repeat the style
    /// of their wide character), for tests that check highlighting.
    public func styles(_ y: Int) -> [Style] {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)].map(\.style)
    }
}
