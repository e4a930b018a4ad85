/// A one-line text field: the text, a cursor between grapheme clusters, and
/// the horizontal scroll used when the text is wider than the field.
///
/// Editing follows readline: arrows, Home/End, Backspace/Delete, and
/// Ctrl-A/E (start/end), Ctrl-B/F (left/right), Ctrl-D (delete), Ctrl-H
/// (backspace), Ctrl-U (delete to start), Ctrl-K (delete to end), Ctrl-W
/// (delete the word before the cursor). The cursor moves by grapheme
/// cluster, so `é` written as e + combining accent, `日` and `👩‍💻` are each one
/// step.
///
/// ```swift
/// var search = LineInput(fieldWidth: 30)
/// _ = search.handle(.char("日"))
/// let cursor = search.render(into: &grid, in: Rect(x: 8, y: 0, width: 30, height: 1))
/// ```
public struct LineInput: Hashable, Sendable {
    private var characters: [Character]
    /// The cursor position, counted in grapheme clusters from the start
    /// (`0...text.count`).
    public private(set) var cursor: Int
    /// The first cluster shown when the text is wider than the field.
    public private(set) var scroll: Int
    /// The width of the field in columns; editing scrolls to keep the
    /// cursor inside it.
    public var fieldWidth: Int {
        didSet { scroll = visibleStart(width: fieldWidth) }
    }
    /// Shown dimmed while the text is empty.
    public var placeholder: String

    public init(text: String = "", fieldWidth: Int = 40, placeholder: String = "") {
        self.characters = Array(LineInput.singleLine(text))
        self.cursor = characters.count
        self.scroll = 0
        self.fieldWidth = max(1, fieldWidth)
        self.placeholder = placeholder
        self.scroll = visibleStart(width: self.fieldWidth)
    }

    /// The text being edited.
    public var text: String {
        String(characters)
    }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ newText: String) {
        characters = Array(LineInput.singleLine(newText))
        cursor = characters.count
        scroll = 0
        update()
    }

    // MARK: - Keys

    /// Applies an editing key. Returns false for keys a line input does not
    /// use (Enter, Escape, Tab, arrows up/down…), which the caller handles.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character): insert(String(character))
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    // MARK: - Editing

    /// Inserts `string` at the cursor and moves the cursor after it. Line
    /// breaks and tabs become spaces; other control characters are dropped.
    public mutating func insert(_ string: String) {
        let addition = LineInput.singleLine(string)
        guard !addition.isEmpty else { return }
        // Rebuild through String: an inserted combining mark must merge with
        // the cluster before it, exactly as it will when displayed.
        let before = String(characters[..<cursor]) + addition
        let after = String(characters[cursor...])
        characters = Array(before + after)
        cursor = min(before.count, characters.count)
        update()
    }

    /// Deletes the cluster before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        update()
    }

    /// Deletes the cluster under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        update()
    }

    public mutating func moveLeft() {
        cursor = max(0, cursor - 1)
        update()
    }

    public mutating func moveRight() {
        cursor = min(characters.count, cursor + 1)
        update()
    }

    public mutating func moveToStart() {
        cursor = 0
        update()
    }

    public mutating func moveToEnd() {
        cursor = characters.count
        update()
    }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
        update()
    }

    /// Ctrl-K: deletes everything from the cursor on.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
        update()
    }

    /// Ctrl-W: deletes the spaces before the cursor, then the word before them.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace {
            start -= 1
        }
        while start > 0, !characters[start - 1].isWhitespace {
            start -= 1
        }
        characters.removeSubrange(start..<cursor)
        cursor = start
        update()
    }

    // MARK: - Rendering

    /// Draws the field on the first row of `rect` and returns where the
    /// terminal cursor belongs.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect, style: Style = .normal) -> Point {
        let row = rect.row(0)
        grid.fill(row, style: style)
        guard !row.isEmpty else { return Point(x: rect.x, y: rect.y) }
        if characters.isEmpty {
            if !placeholder.isEmpty {
                grid.put(
                    DisplayWidth.truncate(placeholder, to: row.width), x: row.x, y: row.y,
                    style: Style(.dim, style.flags), maxWidth: row.width)
            }
            return Point(x: row.x, y: row.y)
        }
        let start = visibleStart(width: row.width)
        var x = row.x
        var cursorX = row.x
        for index in start..<characters.count {
            if index == cursor {
                cursorX = x
            }
            let used = grid.put(String(characters[index]), x: x, y: row.y, style: style, maxWidth: row.maxX - x)
            x += used
            if x >= row.maxX {
                break
            }
        }
        if cursor == characters.count {
            cursorX = min(x, row.maxX - 1)
        }
        return Point(x: cursorX, y: row.y)
    }

    // MARK: - Scrolling

    /// The first cluster to show in a field `width` columns wide: the stored
    /// scroll, moved just enough to show the cursor and to leave no empty
    /// room at the end while text is hidden at the start.
    public func visibleStart(width: Int) -> Int {
        let width = max(1, width)
        var start = min(scroll, cursor)
        // Pull back while the tail still fits, so deleting text reveals
        // what was scrolled off.
        var tail = columns(start..<characters.count) + 1
        while start > 0 {
            let previous = DisplayWidth.of(characters[start - 1])
            guard tail + previous <= width else { break }
            tail += previous
            start -= 1
        }
        // Then move forward until the cursor's cell fits.
        let cursorCell = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        var before = columns(start..<cursor)
        while start < cursor, before + cursorCell > width {
            before -= DisplayWidth.of(characters[start])
            start += 1
        }
        return start
    }

    private func columns(_ range: Range<Int>) -> Int {
        characters[range].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    private mutating func update() {
        scroll = visibleStart(width: fieldWidth)
    }

    /// Text made fit for one line: breaks and tabs to spaces, other control
    /// characters removed.
    private static func singleLine(_ string: String) -> String {
        var result = ""
        for character in string {
            if character == "\n" || character == "\r\n" || character == "\t" || character == "\r" {
                result.append(" ")
            } else if character.unicodeScalars.first?.properties.generalCategory != .control {
                result.append(character)
            }
        }
        return result
    }
}
