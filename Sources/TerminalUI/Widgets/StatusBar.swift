/// The bottom line of the screen: the keys that work here, or a message,
/// on the left, and short context on the right.
///
/// Key hints are shown as "key label" pairs with the key emphasized. When
/// the row is too narrow, whole hints are dropped from the end rather than
/// cut in the middle, so what is shown is always a usable key.
///
/// ```swift
/// StatusBar(hints: [KeyHint("q", "back"), KeyHint("?", "help")], right: "12/340")
/// ```
public struct StatusBar: Hashable, Sendable {
    public var hints: [KeyHint]
    /// Shown instead of the hints when not empty ("Saved.", an error).
    public var message: String
    public var right: String
    public var style: Style
    /// The style of a message; warnings use `.warning`.
    public var messageStyle: Style

    public init(
        hints: [KeyHint] = [], message: String = "", right: String = "",
        style: Style = Style(.status), messageStyle: Style? = nil
    ) {
        self.hints = hints
        self.message = message
        self.right = right
        self.style = style
        self.messageStyle = messageStyle ?? style
    }

    /// Draws the bar on the first row of `rect`, filling the whole row.
    public func render(into grid: inout CellGrid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        if !message.isEmpty || hints.isEmpty {
            AlignedLine.render(
                left: message, right: right, into: &grid, in: rect, style: style, leftStyle: messageStyle)
            return
        }
        // Lay out with the hints as plain text to find where the right text
        // goes and how much room the hints have, then draw them piecewise.
        let row = rect.row(0)
        let layout = AlignedLine.layout(left: hintText(hints), right: right, width: row.width)
        AlignedLine.render(left: "", right: right, into: &grid, in: row, style: style)
        let limit = row.x + layout.leftX + DisplayWidth.of(layout.left)
        var x = row.x + layout.leftX
        for (position, hint) in hints.enumerated() {
            let separator = position == 0 ? "" : "  "
            let needed = DisplayWidth.of(separator + hint.key + " " + hint.label)
            guard x + needed <= limit else { break }
            x += grid.put(separator, x: x, y: row.y, style: style)
            x += grid.put(hint.key, x: x, y: row.y, style: style.adding(.bold))
            x += grid.put(" " + hint.label, x: x, y: row.y, style: style)
        }
    }

    private func hintText(_ hints: [KeyHint]) -> String {
        hints.map { $0.key + " " + $0.label }.joined(separator: "  ")
    }
}

/// A key and what it does, as shown in the status bar.
public struct KeyHint: Hashable, Sendable {
    /// The key as the user types it: "q", "Enter", "^E".
    public var key: String
    /// What it does, in a word or two.
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}
