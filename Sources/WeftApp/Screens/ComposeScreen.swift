import TerminalUI
import WeftCore

/// The composer box: its fields, the quoted paragraph of a contextual
/// comment, the editor, offered @mentions, the problem with what was typed,
/// and in the bottom border the size counter and whether the draft is saved.
/// With `Ctrl-P` the box shows the post as readers will see it instead
/// (`PostText`, the Thread screen's own renderer).
enum ComposeScreen {
    /// Where each part of the box goes.
    struct Areas {
        var box: Rect
        var content: Rect
        /// The one-row fields (choices, one-line inputs) with their input area.
        var rows: [(id: ComposeState.FieldID, label: Rect, input: Rect)] = []
        var quote: Rect?
        var body: Rect?
        /// The row under the editor: offered mentions or the problem.
        var info: Rect

        /// The input areas of one-line text fields.
        var lines: [(ComposeState.FieldID, Rect)] {
            rows.map { ($0.id, $0.input) }
        }
    }

    static let labelWidth = 7

    static func areas(_ compose: ComposeState, in body: Rect) -> Areas {
        let box = body
        let content = box.inset(dx: 2, dy: 1)
        var rest = content
        var areas = Areas(box: box, content: content, info: Rect(x: content.x, y: content.maxY - 1, width: content.width, height: min(1, content.height)))
        for field in compose.fields where !field.isText {
            guard rest.height > 0 else { break }
            let (row, after) = rest.splitTop(1)
            let (label, input) = row.splitLeft(labelWidth)
            areas.rows.append((field.id, label, input))
            rest = after
        }
        if compose.quote != nil, rest.height > 3 {
            let (quote, after) = rest.splitTop(1)
            areas.quote = quote
            rest = after
        }
        if compose.field(.body) != nil {
            let (text, _) = rest.splitBottom(min(1, rest.height))
            // One blank row between the fields and the text.
            areas.body = areas.rows.isEmpty || text.height < 3 ? text : text.splitTop(1).rest
        }
        return areas
    }

    /// Draws the composer over `area`; returns where the terminal cursor goes.
    /// `readerWidth` is the width of the pane readers will see the post in.
    static func render(
        _ compose: ComposeState, viewer: Handle, in area: Rect, readerWidth: Int, into grid: inout CellGrid
    ) -> Point? {
        let areas = areas(compose, in: area)
        grid.fill(area)
        var footer = [compose.isPreviewing ? "preview" : ""]
        if let body = compose.field(.body), case .text(let editor) = body.content {
            footer.append(editor.counter)
        }
        if compose.draftKey != nil, compose.hasText, !compose.hasUnsavedChanges {
            footer.append("draft saved")
        }
        let box = Modal(title: compose.title, lines: [], footer: footer.filter { !$0.isEmpty }.joined(separator: " · "))
        drawBox(box, in: areas.box, into: &grid)
        if compose.isPreviewing {
            let inside = areas.box.inset(dx: 1, dy: 1)
            renderPreview(compose, viewer: viewer, in: inside, textWidth: min(inside.width - 1, readerWidth - 2),
                          into: &grid)
            return nil
        }
        var cursor: Point?
        for (index, field) in compose.fields.enumerated() {
            let focused = index == compose.focus
            if let row = areas.rows.first(where: { $0.id == field.id }) {
                grid.put(field.label, x: row.label.x, y: row.label.y, style: Style(focused ? .accent : .dim, focused ? [.bold] : []),
                         maxWidth: row.label.width)
                switch field.content {
                case .line(let input):
                    let point = input.render(into: &grid, in: row.input, style: Style(.normal, [.underline]))
                    if focused { cursor = point }
                case .choice(let options, let selected):
                    drawChoice(options, selected: selected, focused: focused, in: row.input, into: &grid)
                case .text:
                    break
                }
            } else if case .text(let editor) = field.content, let rect = areas.body {
                let point = editor.render(into: &grid, in: rect)
                if focused { cursor = point }
            }
        }
        if let quote = compose.quote, let rect = areas.quote {
            let line = WeftCore.Inert.line(PostText.firstLine(quote))
            let text = "│ " + DisplayWidth.truncate(line, to: max(1, rect.width - 2))
            grid.put(text, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
        }
        if let problem = compose.problem {
            grid.put(DisplayWidth.truncate(problem, to: areas.info.width), x: areas.info.x, y: areas.info.y,
                     style: Style(.warning, [.bold]), maxWidth: areas.info.width)
        } else if !compose.completions.isEmpty {
            let text = "Tab: " + compose.completions.map { "@" + $0.rawValue }.joined(separator: "  ")
            grid.put(text, x: areas.info.x, y: areas.info.y, style: Style(.accent), maxWidth: areas.info.width)
        }
        return cursor
    }

    private static func drawBox(_ modal: Modal, in rect: Rect, into grid: inout CellGrid) {
        // A Modal sizes itself to its lines: give it enough empty ones to fill the box.
        var box = modal
        box.lines = Array(repeating: "", count: max(0, rect.height - 2))
        if !box.lines.isEmpty {
            box.lines[0] = String(repeating: " ", count: max(0, rect.width - 4))
        }
        box.render(into: &grid, in: rect)
    }

    private static func drawChoice(_ options: [String], selected: Int, focused: Bool, in rect: Rect, into grid: inout CellGrid) {
        guard options.indices.contains(selected) else { return }
        let text = "‹ " + options[selected] + " ›"
        grid.put(text, x: rect.x, y: rect.y, style: focused ? Style(.selection) : Style(.normal, [.bold]), maxWidth: rect.width)
        if focused {
            grid.put("  ←/→ to change", x: rect.x + DisplayWidth.of(text), y: rect.y, style: Style(.dim),
                     maxWidth: max(0, rect.maxX - rect.x - DisplayWidth.of(text)))
        }
    }

    /// The post as it will appear in the thread: title, author line, and
    /// each paragraph through `PostText`, at the width and indentation
    /// `ThreadDocument` gives it (`textWidth` is the thread's text width).
    private static func renderPreview(
        _ compose: ComposeState, viewer: Handle, in rect: Rect, textWidth: Int, into grid: inout CellGrid
    ) {
        // Where the Thread screen puts it: a thread's text at column 1, a
        // comment's two columns in under its heading, a reply two more.
        var indent = 1
        switch compose.purpose {
        case .comment(_, _, let parent, _):
            indent = parent == nil ? 3 : 5
        case .edit(_, _, let isThread, _) where !isThread:
            indent = 3
        default:
            break
        }
        var lines: [PostText.Line] = []
        let title = compose.value(.title)
        if compose.field(.title) != nil {
            lines.append(PostText.Line(indent: 0, spans: [PostText.Span(title, Style(.normal, [.bold]))]))
            lines.append(PostText.Line(indent: 0, spans: []))
        }
        let author = PostText.Span(viewer.rawValue, Style(.accent, [.bold]))
        lines.append(PostText.Line(indent: max(0, indent - 3), spans: indent > 1 ? [PostText.Span("▸ ", Style(.dim)), author] : [author]))
        let text = compose.value(.body)
        let paragraphs = compose.field(.title) != nil ? Blocks.split(text).map(\.text) : [text]
        for paragraph in paragraphs {
            lines += PostText.lines(paragraph, width: max(4, textWidth - indent + 1)).map {
                PostText.Line(indent: $0.indent + indent - 1, spans: $0.spans)
            }
            lines.append(PostText.Line(indent: 0, spans: []))
        }
        for (row, line) in lines.prefix(rect.height).enumerated() {
            var x = rect.x + 1 + line.indent
            for span in line.spans where x < rect.maxX {
                x += grid.put(span.text, x: x, y: rect.y + row, style: span.style, maxWidth: rect.maxX - x)
            }
        }
    }

    // MARK: - Dialogs

    static func render(_ dialog: DialogState, in area: Rect, into grid: inout CellGrid) -> Point? {
        switch dialog.kind {
        case .react:
            var choices = ""
            for (index, emoji) in DialogState.reactions.enumerated() {
                choices += index == dialog.selected && dialog.input.text.isEmpty ? "[\(emoji)]" : " \(emoji) "
            }
            let lines = dialog.message + [choices, "", "Other: " + String(repeating: " ", count: 18), ""]
            let modal = Modal(title: dialog.title, lines: lines, footer: "Enter react · Esc cancel")
            let box = modal.render(into: &grid, in: area)
            let inputRow = Rect(x: box.x + 2 + 7, y: box.y + 1 + lines.count - 2, width: 16, height: 1)
            return dialog.input.render(into: &grid, in: inputRow, style: Style(.normal, [.underline]))
        case .text(let lines):
            var modal = Modal(title: dialog.title, lines: lines, footer: "↑/↓ scroll · Esc close")
            modal.firstLine = min(dialog.firstLine, max(0, lines.count - 1))
            modal.render(into: &grid, in: area.inset(dx: 2, dy: 1))
            return nil
        default:
            let footer = "y yes · n no"
            Modal(title: dialog.title, lines: dialog.message, footer: footer).render(into: &grid, in: area)
            return nil
        }
    }
}
