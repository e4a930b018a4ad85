import WeftCore

/// A plain text table: columns padded to their widest cell, text made inert.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells.map(Inert.line)) }

    func render(maxLast: Int = 60) -> String {
        var widths = headers.map(TextWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextWidth.of(i == widths.count - 1 ? TextWidth.truncate(cell, maxLast) : cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i == cells.count - 1 {
                    out += TextWidth.truncate(cell, maxLast)
                } else {
                    out += cell + String(repeating: " ", count: max(0, widths[i] - TextWidth.of(cell))) + "  "
                }
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
