/// A multi-line text editor: soft-wrapped text, a cursor between grapheme
/// clusters, undo/redo and an optional size limit.
///
/// The text is kept as grapheme clusters, so `é` written as e + combining
/// accent, `日` and `👩‍💻` are each one cursor step. Lines wrap at word
/// boundaries by display width (`DisplayWidth`), wide characters never split;
/// up and down move by display row, keeping the column. Undo records changes,
/// not copies of the text, so a long text with many edits stays small, and
/// typing is undone a word at a time.
///
/// Pasted text goes in with one `insert(_:)`: line ends are normalised to
/// `\n`, tabs become spaces and other control characters (an escape sequence
/// in a paste) are dropped, so the text can never drive the terminal.
///
/// ```swift
/// var body = Editor(width: 40, height: 8, limit: .characters(500))
/// body.insert("Hello, 世界")
/// _ = body.handle(.enter)
/// let cursor = body.render(into: &grid, in: Rect(x: 2, y: 3, width: 40, height: 8))
/// ```
public struct Editor: Hashable, Sendable {
    /// How much text the editor accepts before it reports being over.
    public enum Limit: Hashable, Sendable {
        case characters(Int)
        case utf8Bytes(Int)
    }

    /// One display row: clusters `start ..< end`; `endsLine` when the row
    /// ends at a line break (or the end of the text) rather than a soft wrap.
    public struct Row: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var endsLine: Bool
    }

    /// One undoable change: `removed` at `at` was replaced by `inserted`.
    struct Change: Hashable, Sendable {
        var at: Int
        var removed: [Character]
        var inserted: [Character]
        var cursorBefore: Int
        var cursorAfter: Int
        var kind: Kind

        enum Kind: Hashable, Sendable {
            case typing, deleting, other
        }
    }

    var characters: [Character]
    /// Per cluster: its display width (bits 0-1), whether it is a space
    /// (bit 2) or a line break (bit 3). Layout reads only these, which keeps
    /// wrapping a long text cheap.
    var cells: [UInt8]
    /// The text's size in UTF-8 bytes, kept up to date with every change.
    public private(set) var utf8Count = 0
    /// Goes up with every change of the text (not with cursor moves), so an
    /// owner can tell cheaply whether the text changed.
    public private(set) var changeCount = 0
    /// The cursor position, counted in grapheme clusters (`0...count`).
    public internal(set) var cursor: Int
    /// The first display row shown.
    public internal(set) var scroll = 0
    /// The column up/down aims for, kept across consecutive vertical moves.
    var goalColumn: Int?
    var undoStack: [Change] = []
    var redoStack: [Change] = []
    /// Whether the last change may still grow (typing a word, deleting).
    var isCoalescing = false

    /// The wrapping width in columns.
    public var width: Int {
        didSet { width = max(1, width); keepCursorVisible() }
    }
    /// The rows shown; scrolling keeps the cursor among them.
    public var height: Int {
        didSet { height = max(1, height); keepCursorVisible() }
    }
    public var limit: Limit?
    /// Shown dimmed while the text is empty.
    public var placeholder: String

    public init(text: String = "", width: Int = 40, height: Int = 5, limit: Limit? = nil, placeholder: String = "") {
        characters = Array(Editor.clean(text))
        cells = characters.map(Editor.cell)
        utf8Count = characters.reduce(0) { $0 + $1.utf8.count }
        cursor = characters.count
        self.width = max(1, width)
        self.height = max(1, height)
        self.limit = limit
        self.placeholder = placeholder
        keepCursorVisible()
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// The number of grapheme clusters.
    public var count: Int { characters.count }

    public var isEmpty: Bool { characters.isEmpty }

    /// Whether the text is only spaces and line breaks (or nothing).
    public var isBlank: Bool {
        // A visible cluster that is not a space settles it at once.
        if cells.contains(where: { $0 & Editor.spaceBit == 0 && $0 & 3 != 0 }) { return false }
        return characters.allSatisfy(\.isWhitespace)
    }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Replaces the whole text (as one undoable change) and puts the cursor
    /// at its end.
    public mutating func setText(_ newText: String) {
        let new = Array(Editor.clean(newText))
        guard new != characters else { return }
        apply(Change(at: 0, removed: characters, inserted: new, cursorBefore: cursor, cursorAfter: new.count, kind: .other))
    }

    // MARK: - Size and limit

    /// How much of the limit is used, in the limit's unit.
    public var used: Int {
        switch limit {
        case .utf8Bytes: utf8Count
        case .characters, nil: characters.count
        }
    }

    public var isOverLimit: Bool {
        switch limit {
        case .characters(let maximum), .utf8Bytes(let maximum): used > maximum
        case nil: false
        }
    }

    /// "42/500" with a limit (bytes: "1,204/65,536 bytes"), else "42 characters".
    public var counter: String {
        switch limit {
        case .characters(let maximum): "\(Editor.grouped(used))/\(Editor.grouped(maximum))"
        case .utf8Bytes(let maximum): "\(Editor.grouped(used))/\(Editor.grouped(maximum)) bytes"
        case nil: "\(Editor.grouped(used)) characters"
        }
    }

    private static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }

    // MARK: - Keys

    /// Applies an editing key. Returns false for keys the editor does not use
    /// (Escape, Tab, Ctrl-S…), which the caller handles.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character): insert(String(character))
        case .enter: insert("\n")
        case .left: moveLeft()
        case .right: moveRight()
        case .ctrl("b"): moveWordLeft()
        case .ctrl("f"): moveWordRight()
        case .up: moveUp()
        case .down: moveDown()
        case .home, .ctrl("a"): moveToLineStart()
        case .end: moveToLineEnd()
        case .pageUp: moveRows(by: -height)
        case .pageDown: moveRows(by: height)
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): deleteToLineStart()
        case .ctrl("k"): deleteToLineEnd()
        case .ctrl("z"): undo()
        case .ctrl("y"): redo()
        default: return false
        }
        return true
    }

    // MARK: - Editing

    /// Inserts `string` at the cursor (typed or pasted) and moves the cursor
    /// after it.
    public mutating func insert(_ string: String) {
        let addition = Array(Editor.clean(string))
        guard !addition.isEmpty else { return }
        // A combining mark joins the cluster before it, as it will on screen.
        if cursor > 0, let first = addition.first {
            let merged = String(characters[cursor - 1]) + String(first)
            if merged.count == 1 {
                let previous = characters[cursor - 1]
                replace(cursor - 1..<cursor, with: [Character(merged)] + addition.dropFirst(),
                        removed: [previous], kind: .other)
                return
            }
        }
        let typing = addition.count == 1 && addition[0] != "\n"
        if typing, isCoalescing, var last = undoStack.last, last.kind == .typing,
           last.at + last.inserted.count == cursor, last.cursorAfter == cursor,
           !(addition[0] == " " && last.inserted.last != " ")
        {
            characters.insert(addition[0], at: cursor)
            cells.insert(Editor.cell(addition[0]), at: cursor)
            utf8Count += addition[0].utf8.count
            changeCount += 1
            cursor += 1
            last.inserted.append(addition[0])
            last.cursorAfter = cursor
            undoStack[undoStack.count - 1] = last
            redoStack = []
            goalColumn = nil
            keepCursorVisible()
            return
        }
        replace(cursor..<cursor, with: addition, removed: [], kind: typing ? .typing : .other)
    }

    /// Deletes the cluster before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        if isCoalescing, var last = undoStack.last, last.kind == .deleting, last.inserted.isEmpty,
           last.at == cursor, last.cursorAfter == cursor
        {
            let removed = characters.remove(at: cursor - 1)
            cells.remove(at: cursor - 1)
            utf8Count -= removed.utf8.count
            changeCount += 1
            cursor -= 1
            last.at = cursor
            last.removed.insert(removed, at: 0)
            last.cursorAfter = cursor
            undoStack[undoStack.count - 1] = last
            redoStack = []
            goalColumn = nil
            keepCursorVisible()
            return
        }
        replace(cursor - 1..<cursor, with: [], removed: [characters[cursor - 1]], kind: .deleting)
    }

    /// Deletes the cluster after the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        replace(cursor..<cursor + 1, with: [], removed: [characters[cursor]], kind: .other)
    }

    /// Ctrl-W: deletes the spaces before the cursor, then the word before them.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        guard start < cursor else { return }
        replace(start..<cursor, with: [], removed: Array(characters[start..<cursor]), kind: .other)
    }

    /// Ctrl-U: deletes from the start of the line to the cursor.
    public mutating func deleteToLineStart() {
        let start = lineStart(of: cursor)
        guard start < cursor else { return }
        replace(start..<cursor, with: [], removed: Array(characters[start..<cursor]), kind: .other)
    }

    /// Ctrl-K: deletes from the cursor to the end of the line (the line break
    /// itself when the cursor is already at the end).
    public mutating func deleteToLineEnd() {
        var end = lineEnd(of: cursor)
        if end == cursor, end < characters.count { end += 1 }
        guard end > cursor else { return }
        replace(cursor..<end, with: [], removed: Array(characters[cursor..<end]), kind: .other)
    }

    /// Replaces `count` clusters before the cursor with `replacement` (a
    /// completion of the word being typed).
    public mutating func replaceBeforeCursor(_ count: Int, with replacement: String) {
        let start = max(0, cursor - count)
        let new = Array(Editor.clean(replacement))
        replace(start..<cursor, with: new, removed: Array(characters[start..<cursor]), kind: .other)
    }

    /// The clusters between the last space (or line start) and the cursor:
    /// the word being typed.
    public var wordBeforeCursor: String {
        var start = cursor
        while start > 0, !characters[start - 1].isWhitespace {
            start -= 1
        }
        return String(characters[start..<cursor])
    }

    // MARK: - Undo

    public mutating func undo() {
        guard let change = undoStack.popLast() else { return }
        replaceCharacters(change.at..<change.at + change.inserted.count, with: change.removed)
        cursor = change.cursorBefore
        redoStack.append(change)
        settleAfterHistoryStep()
    }

    public mutating func redo() {
        guard let change = redoStack.popLast() else { return }
        replaceCharacters(change.at..<change.at + change.removed.count, with: change.inserted)
        cursor = change.cursorAfter
        undoStack.append(change)
        settleAfterHistoryStep()
    }

    /// After an undo or redo: the next typing starts a new change, and the cursor
    /// is on screen with no remembered column.
    private mutating func settleAfterHistoryStep() {
        isCoalescing = false
        goalColumn = nil
        keepCursorVisible()
    }

    // MARK: - Internals

    private mutating func replace(_ range: Range<Int>, with new: [Character], removed: [Character], kind: Change.Kind) {
        apply(Change(at: range.lowerBound, removed: removed, inserted: new, cursorBefore: cursor,
                     cursorAfter: range.lowerBound + new.count, kind: kind))
    }

    private mutating func replaceCharacters(_ range: Range<Int>, with new: [Character]) {
        utf8Count -= characters[range].reduce(0) { $0 + $1.utf8.count }
        utf8Count += new.reduce(0) { $0 + $1.utf8.count }
        characters.replaceSubrange(range, with: new)
        cells.replaceSubrange(range, with: new.map(Editor.cell))
        changeCount += 1
    }

    static let spaceBit: UInt8 = 4
    static let newlineBit: UInt8 = 8

    static func cell(_ character: Character) -> UInt8 {
        if character == "\n" { return newlineBit }
        if character == " " { return 1 | spaceBit }
        if character.isASCII { return 1 }
        return UInt8(min(2, DisplayWidth.of(character)))
    }

    private mutating func apply(_ change: Change) {
        replaceCharacters(change.at..<change.at + change.removed.count, with: change.inserted)
        cursor = change.cursorAfter
        undoStack.append(change)
        redoStack = []
        isCoalescing = change.kind != .other
        goalColumn = nil
        keepCursorVisible()
    }

    /// Text made fit for the editor: line ends to `\n`, tabs to spaces, other
    /// control characters removed.
    static func clean(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string {
            switch character {
            case "\n", "\r\n", "\r": result.append("\n")
            case "\t": result.append("    ")
            default:
                guard let first = character.unicodeScalars.first else { continue }
                if first.properties.generalCategory == .control { continue }
                result.append(character)
            }
        }
        return result
    }
}
