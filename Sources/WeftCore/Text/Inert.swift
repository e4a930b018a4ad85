/// Makes text from posts safe to print: control and escape characters are shown
/// as visible notation (`^[`, `^G`, `<U+009B>`) and can never act on a terminal.
public enum Inert {
    /// For one-line contexts: line breaks become `⏎`, tabs a space.
    public static func line(_ text: String) -> String {
        render(text, keepNewlines: false)
    }

    /// For multi-line contexts: `\n` is kept, everything else as in ``line(_:)``.
    public static func text(_ text: String) -> String {
        render(text, keepNewlines: true)
    }

    /// Whether `render` would leave `text` as it is, read from its UTF-8 (every
    /// list and inbox line goes through here): no C0 control (but a kept line
    /// break), no DEL, and no C1 control (U+0080–U+009F, encoded C2 80–C2 9F).
    private static func isCleanUTF8(_ text: String, keepNewlines: Bool) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b < 0x20 {
                if !(keepNewlines && b == 10) { return false }
            } else if b == 0x7F || (previous == 0xC2 && b < 0xA0 && b >= 0x80) {
                return false
            }
            previous = b
        }
        return true
    }

    /// True when `text` has nothing that ``text(_:)`` would change.
    public static func isClean(_ text: String) -> Bool {
        isCleanUTF8(text, keepNewlines: true)
    }

    private static func render(_ text: String, keepNewlines: Bool) -> String {
        if isCleanUTF8(text, keepNewlines: keepNewlines) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 10:
                if keepNewlines { out.append(s) } else { out.append(contentsOf: "⏎".unicodeScalars) }
            case 9:
                out.append(" ")
            case 0..<0x20:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 64)))
            case 0x7f:
                out.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9f:
                out.append(contentsOf: "<U+\(String(v, radix: 16, uppercase: true).leftPadded(4))>".unicodeScalars)
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
