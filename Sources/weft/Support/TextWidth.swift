/// Terminal column widths of text for aligning tables: East Asian wide and
/// emoji characters take two columns, combining marks none.
enum TextWidth {
    static func of(_ s: String) -> Int {
        s.reduce(0) { $0 + of($1) }
    }

    static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        let v = first.value
        if v < 0x1100 { return first.properties.generalCategory == .nonspacingMark ? 0 : 1 }
        for r in wide where r.contains(v) { return 2 }
        return 1
    }

    static func truncate(_ s: String, _ width: Int) -> String {
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
