/// A centered box drawn over the screen: confirmations, errors, help.
///
/// The box sizes itself to its content, up to the area it is given, and is
/// drawn with plain box-drawing characters (─│┌┐└┘), which every UTF-8
/// terminal font has. The title sits in the top border and the optional
/// footer (usually the keys that close the box) in the bottom border. Body
/// lines wider than the box are truncated with "…"; when there are more
/// lines than rows, `firstLine` scrolls the body. On a screen too small for
/// a border, the box degrades to its title and as much body as fits.
///
/// ```swift
/// let box = Modal(title: "Discard draft?", lines: ["Your reply will be lost."], footer: "y yes · n no")
/// box.render(into: &grid, in: grid.bounds)
/// ```
public struct Modal: Hashable, Sendable {
    public var title: String
    public var lines: [String]
    public var footer: String
    /// The first body line shown, for scrolling long content.
    public var firstLine: Int
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style

    public init(
        title: String, lines: [String], footer: String = "", firstLine: Int = 0,
        style: Style = .normal, borderStyle: Style = Style(.accent), titleStyle: Style = Style(.normal, [.bold])
    ) {
        self.title = title
        self.lines = lines
        self.footer = footer
        self.firstLine = max(0, firstLine)
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// A modal whose body is `message` word-wrapped to at most `width`
    /// columns.
    public init(title: String, message: String, width: Int, footer: String = "") {
        self.init(title: title, lines: TextWrap.lines(message, width: max(1, width)), footer: footer)
    }

    /// The rectangle the box occupies when centered in `area`.
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(
            lines.map(DisplayWidth.of).max() ?? 0,
            DisplayWidth.of(title) + 4,
            DisplayWidth.of(footer) + 4)
        // Border plus one column of padding on each side.
        let width = min(area.width, contentWidth + 4)
        let height = min(area.height, lines.count + 2)
        return Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
            width: width, height: height)
    }

    /// Draws the box centered in `area` and returns where it went (for mouse
    /// hit-testing).
    @discardableResult
    public func render(into grid: inout CellGrid, in area: Rect) -> Rect {
        let box = frame(in: area.intersection(grid.bounds))
        guard !box.isEmpty else { return box }
        grid.fill(box, style: style)
        guard box.width >= 2, box.height >= 2 else {
            renderWithoutBorder(into: &grid, in: box)
            return box
        }
        drawBorder(into: &grid, box: box)
        let padding = box.width >= 6 ? 1 : 0
        let body = box.inset(dx: 1 + padding, dy: 1)
        for (row, line) in lines.dropFirst(firstLine).prefix(body.height).enumerated() {
            let shown = DisplayWidth.truncate(line, to: body.width)
            grid.put(shown, x: body.x, y: body.y + row, style: style, maxWidth: body.width)
        }
        return box
    }

    private func drawBorder(into grid: inout CellGrid, box: Rect) {
        let inner = box.width - 2
        let horizontal = String(repeating: "─", count: inner)
        grid.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: borderStyle)
        grid.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: borderStyle)
        for row in (box.y + 1)..<(box.maxY - 1) {
            grid.put("│", x: box.x, y: row, style: borderStyle)
            grid.put("│", x: box.maxX - 1, y: row, style: borderStyle)
        }
        // Title and footer sit inside the borders: "┌ Title ───┐".
        let labelRoom = inner - 2
        if !title.isEmpty, labelRoom > 0 {
            let shown = DisplayWidth.truncate(title, to: labelRoom)
            grid.put(" " + shown + " ", x: box.x + 1, y: box.y, style: titleStyle, maxWidth: inner)
        }
        if !footer.isEmpty, labelRoom > 0 {
            let shown = DisplayWidth.truncate(footer, to: labelRoom)
            let width = DisplayWidth.of(shown) + 2
            grid.put(
                " " + shown + " ", x: box.maxX - 1 - width, y: box.maxY - 1, style: borderStyle,
                maxWidth: inner)
        }
    }

    /// One row or one column of room: show the title, then the body.
    private func renderWithoutBorder(into grid: inout CellGrid, in box: Rect) {
        let content = (title.isEmpty ? [] : [title]) + lines.dropFirst(firstLine)
        for (row, line) in content.prefix(box.height).enumerated() {
            let shown = DisplayWidth.truncate(line, to: box.width)
            grid.put(shown, x: box.x, y: box.y + row, style: row == 0 ? titleStyle : style, maxWidth: box.width)
        }
    }
}
