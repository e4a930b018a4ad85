/// Layout (soft wrapping into display rows), cursor motion and drawing.
extension Editor {
    // MARK: - Layout

    /// The text as display rows for the current width: each line break starts
    /// a row, and a line wider than `width` wraps after its last space that
    /// fits (or between clusters when a word is wider than the row). Spaces
    /// at a wrap stay at the end of the row they follow.
    public func rows() -> [Row] {
        var rows: [Row] = []
        var lineStart = 0
        while true {
            let lineEnd = cells[lineStart...].firstIndex { $0 & Editor.newlineBit != 0 } ?? cells.count
            wrapLine(lineStart..<lineEnd, into: &rows)
            guard lineEnd < characters.count else { break }
            lineStart = lineEnd + 1
        }
        return rows
    }

    private func wrapLine(_ line: Range<Int>, into rows: inout [Row]) {
        var start = line.lowerBound
        while true {
            var column = 0
            var index = start
            var lastBreak: Int?
            while index < line.upperBound {
                let cell = cells[index]
                let columns = Int(cell & 3)
                let isSpace = cell & Editor.spaceBit != 0
                if column + columns > width, index > start, !isSpace { break }
                column += columns
                index += 1
                if isSpace { lastBreak = index }
            }
            if index >= line.upperBound {
                rows.append(Row(start: start, end: line.upperBound, endsLine: true))
                return
            }
            let cut = lastBreak.map { $0 > start ? $0 : index } ?? index
            rows.append(Row(start: start, end: cut, endsLine: false))
            start = cut
        }
    }

    /// The row holding `position`: a position at the end of a soft-wrapped
    /// row belongs to the next row.
    func rowIndex(of position: Int, in rows: [Row]) -> Int {
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        // An empty soft row cannot happen, but a position at a soft row's end
        // is the next row's start, which the search already chose.
        return low
    }

    /// The cursor's display row and column.
    public func cursorLocation() -> (row: Int, column: Int) {
        let rows = rows()
        let row = rowIndex(of: cursor, in: rows)
        return (row, columns(rows[row].start..<cursor))
    }

    func columns(_ range: Range<Int>) -> Int {
        cells[range].reduce(0) { $0 + Int($1 & 3) }
    }

    /// Keeps the cursor's row among the `height` rows shown.
    mutating func keepCursorVisible() {
        let row = cursorLocation().row
        if row < scroll {
            scroll = row
        } else if row >= scroll + height {
            scroll = row - height + 1
        }
    }

    // MARK: - Motion

    public mutating func moveLeft() {
        move(to: cursor - 1)
    }

    public mutating func moveRight() {
        move(to: cursor + 1)
    }

    /// To the start of the word before the cursor.
    public mutating func moveWordLeft() {
        move(to: wordStart(before: cursor))
    }

    /// To the end of the word after the cursor.
    public mutating func moveWordRight() {
        var index = cursor
        while index < characters.count, !Editor.isWordCharacter(characters[index]) {
            index += 1
        }
        while index < characters.count, Editor.isWordCharacter(characters[index]) {
            index += 1
        }
        move(to: index)
    }

    /// To the start of the line (after the previous line break).
    public mutating func moveToLineStart() {
        move(to: lineStart(of: cursor))
    }

    /// To the end of the line (before the next line break).
    public mutating func moveToLineEnd() {
        move(to: lineEnd(of: cursor))
    }

    public mutating func moveUp() {
        moveRows(by: -1)
    }

    public mutating func moveDown() {
        moveRows(by: 1)
    }

    /// Moves `delta` display rows, keeping the column the moves started at;
    /// past the first or last row, to the start or end of the text.
    public mutating func moveRows(by delta: Int) {
        let rows = rows()
        let current = rowIndex(of: cursor, in: rows)
        let goal = goalColumn ?? columns(rows[current].start..<cursor)
        let target = current + delta
        if target < 0 {
            move(to: 0)
        } else if target >= rows.count {
            move(to: characters.count)
        } else {
            let row = rows[target]
            // On a soft-wrapped row the last position belongs to the next row.
            let last = row.endsLine ? row.end : max(row.start, row.end - 1)
            var index = row.start
            var column = 0
            while index < last {
                let next = column + Int(cells[index] & 3)
                if next > goal { break }
                column = next
                index += 1
            }
            move(to: index)
        }
        goalColumn = goal
    }

    private mutating func move(to position: Int) {
        cursor = min(max(0, position), characters.count)
        goalColumn = nil
        isCoalescing = false
        keepCursorVisible()
    }

    func lineStart(of position: Int) -> Int {
        var index = position
        while index > 0, cells[index - 1] & Editor.newlineBit == 0 {
            index -= 1
        }
        return index
    }

    func lineEnd(of position: Int) -> Int {
        var index = position
        while index < cells.count, cells[index] & Editor.newlineBit == 0 {
            index += 1
        }
        return index
    }

    func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !Editor.isWordCharacter(characters[index - 1]) {
            index -= 1
        }
        while index > 0, Editor.isWordCharacter(characters[index - 1]) {
            index -= 1
        }
        return index
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    // MARK: - Drawing

    /// Draws the visible rows into `rect` and returns where the terminal
    /// cursor belongs. Draws at most `rect.height` rows from `scroll`.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect, style: Style = .normal) -> Point {
        grid.fill(rect, style: style)
        guard !rect.isEmpty else { return Point(x: rect.x, y: rect.y) }
        if characters.isEmpty {
            if !placeholder.isEmpty {
                for (index, line) in TextWrap.lines(placeholder, width: rect.width).prefix(rect.height).enumerated() {
                    grid.put(line, x: rect.x, y: rect.y + index, style: Style(.dim, style.flags), maxWidth: rect.width)
                }
            }
            return Point(x: rect.x, y: rect.y)
        }
        let rows = rows()
        let cursorRow = rowIndex(of: cursor, in: rows)
        // The stored scroll suits `height`; a smaller rect still shows the cursor.
        var first = min(scroll, max(0, rows.count - 1))
        if cursorRow >= first + rect.height { first = cursorRow - rect.height + 1 }
        if cursorRow < first { first = cursorRow }
        for (offset, row) in rows[first...].prefix(rect.height).enumerated() {
            var x = rect.x
            for index in row.start..<row.end {
                guard x < rect.maxX else { break }
                x += grid.put(String(characters[index]), x: x, y: rect.y + offset, style: style, maxWidth: rect.maxX - x)
            }
        }
        let column = columns(rows[cursorRow].start..<cursor)
        return Point(x: rect.x + min(column, rect.width - 1), y: rect.y + cursorRow - first)
    }

    /// The visible rows as plain strings (for tests and previews).
    public func visibleLines() -> [String] {
        let rows = rows()
        return rows.dropFirst(scroll).prefix(height).map { String(characters[$0.start..<$0.end]) }
    }
}
