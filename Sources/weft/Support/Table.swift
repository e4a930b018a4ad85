import TerminalUI
import WeftCore

/// A plain text table: columns padded to their widest cell, text made inert.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells.map(WeftCore.Inert.line)) }

    func render(maxLast: Int = 60) -> String {
        // Each cell measured once; the last column cut to `maxLast` first.
        let cells = ([headers] + rows).map { row in
            row.enumerated().map { i, cell in
                let text = i == row.count - 1 ? DisplayWidth.truncate(cell, to: maxLast) : cell
                return (text: text, width: DisplayWidth.of(text))
            }
        }
        var widths = headers.map { _ in 0 }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.width) }
        }
        func line(_ row: [(text: String, width: Int)]) -> String {
            var out = ""
            for (i, cell) in row.enumerated() {
                out += cell.text
                if i < row.count - 1 { out += String(repeating: " ", count: max(0, widths[i] - cell.width)) + "  " }
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        return cells.map(line).joined(separator: "\n")
    }
}
