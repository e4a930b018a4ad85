import TerminalUI
import WeftCore

/// Draws an open form as a modal box: one row per field, then handle
/// completions, presets or the error, and the keys in the bottom border.
enum FormView {
    static func render(_ form: FormState, members: [Member], in area: Rect, into grid: inout CellGrid) {
        let labelWidth = (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let blank = String(repeating: " ", count: labelWidth + FormState.fieldWidth)
        var lines = form.fields.map { _ in blank }
        lines.append("")
        let completions = FormUpdate.completions(form, members: members)
        if let error = form.error {
            lines.append(error)
        } else if !completions.isEmpty {
            lines.append("Tab: " + completions.prefix(6).joined(separator: " "))
        } else if !form.presets.isEmpty, form.fields[form.focus].kind == .when, form.fields[form.focus].input.text.isEmpty {
            lines.append(form.presets.map { "\($0.key) \($0.label)" }.joined(separator: " · ") + " · or type a time")
        } else {
            lines.append(" ")
        }
        let modal = Modal(title: form.title, lines: lines, footer: "Enter save · ↑↓ field · Esc cancel")
        let box = modal.render(into: &grid, in: area)
        guard box.width > labelWidth + 6, box.height >= form.fields.count + 2 else { return }
        let x = box.x + 2
        for (i, field) in form.fields.enumerated() {
            let y = box.y + 1 + i
            guard y < box.maxY - 1 else { break }
            grid.put(field.label + ":", x: x, y: y, style: Style(i == form.focus ? .accent : .dim, [.bold]), maxWidth: labelWidth)
            let rect = Rect(x: x + labelWidth, y: y, width: min(FormState.fieldWidth, box.maxX - 2 - x - labelWidth), height: 1)
            var input = field.input
            input.fieldWidth = max(1, rect.width)
            let cursor = input.render(into: &grid, in: rect, style: Style(.normal, [.underline]))
            if i == form.focus {
                grid.restyle(Rect(x: cursor.x, y: cursor.y, width: 1, height: 1)) { $0.with(role: .selection) }
            }
        }
        if form.error != nil {
            let y = box.y + 1 + form.fields.count + 1
            if y < box.maxY - 1 {
                grid.restyle(Rect(x: box.x + 2, y: y, width: box.width - 4, height: 1)) { $0.with(role: .warning) }
            }
        }
    }
}
