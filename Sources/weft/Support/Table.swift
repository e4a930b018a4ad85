import TerminalUI
import WeftCore

/// A plain text table: columns padded to their widest cell, text made inert.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells.map(WeftCore.Inert.line)) }

    func render(maxLast: Int = 60) -> String {
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(i == widths.count - 1 ? DisplayWidth.truncate(cell, to: maxLast) : cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i == cells.count - 1 {
                    out += DisplayWidth.truncate(cell, to: maxLast)
                } else {
                    out += cell + String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell))) + "  "
                }
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
