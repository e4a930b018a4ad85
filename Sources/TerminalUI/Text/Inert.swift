/// Makes text safe to send to a terminal.
///
/// Text from posts is untrusted: an escape sequence inside it could move the
/// cursor, recolor the screen, retitle the window or write to the clipboard
/// (OSC 52). `CellGrid.put` applies these rules itself, character by
/// character, so no control character can reach the screen whatever a caller
/// passes:
///
/// - C0 controls and DEL become caret notation: ESC is `^[`, CR is `^M`,
///   BEL is `^G`, DEL is `^?`.
/// - C1 controls (U+0080–U+009F, which some terminals obey as 8-bit escape
///   introducers) become `<U+009B>`.
/// - A tab becomes spaces up to the next multiple of `tabWidth` columns.
/// - A newline (or CR LF) is kept only when the caller asks for line breaks;
///   otherwise it is shown as `^J`.
///
/// ```swift
/// Inert.text("\u{1B}[2J")   // "^[[2J"
/// ```
public enum Inert {
    /// Columns between tab stops.
    public static let tabWidth = 4

    /// The visible stand-in for a control scalar, or nil when the scalar is
    /// not a control character. Tab is not covered here: it becomes spaces.
    public static func notation(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00..<0x20:
            return "^" + String(Character(Unicode.Scalar(UInt8(value + 0x40))))
        case 0x7F:
            return "^?"
        case 0x80...0x9F:
            return "<U+00" + hexDigits(UInt8(value)) + ">"
        default:
            return nil
        }
    }

    /// The columns the inert form of a control scalar takes (tab counted as
    /// `tabWidth`), or 0 for a scalar that is not a control.
    static func notationWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x09:
            return tabWidth
        case 0x00..<0x20, 0x7F:
            return 2
        case 0x80...0x9F:
            return 8
        default:
            return 0
        }
    }

    /// Whether `string` contains nothing that `text(_:keepingNewlines:)` would
    /// rewrite (newlines count as unsafe here).
    public static func isInert(_ string: String) -> Bool {
        var previous: UInt8 = 0
        for byte in string.utf8 {
            if byte < 0x20 || byte == 0x7F {
                return false
            }
            // C1 controls are encoded in UTF-8 as C2 80 ... C2 9F.
            if previous == 0xC2, (0x80...0x9F).contains(byte) {
                return false
            }
            previous = byte
        }
        return true
    }

    /// `string` with every control character made visible and tabs expanded.
    ///
    /// - Parameter keepingNewlines: keep `\n` (and turn `\r\n` into `\n`) as
    ///   line breaks instead of showing them as `^J` / `^M^J`. Tab stops
    ///   restart after each kept newline.
    public static func text(_ string: String, keepingNewlines: Bool = false) -> String {
        if isInert(string) {
            return string
        }
        var result = ""
        result.reserveCapacity(string.utf8.count + 8)
        var column = 0
        for character in string {
            guard let first = character.unicodeScalars.first,
                first.properties.generalCategory == .control
            else {
                result.append(character)
                column += DisplayWidth.of(character)
                continue
            }
            if keepingNewlines, character == "\n" || character == "\r\n" {
                result.append("\n")
                column = 0
                continue
            }
            for scalar in character.unicodeScalars {
                if scalar == "\t" {
                    let spaces = tabWidth - column % tabWidth
                    result.append(String(repeating: " ", count: spaces))
                    column += spaces
                } else if let shown = notation(for: scalar) {
                    result.append(shown)
                    column += shown.count
                } else {
                    result.unicodeScalars.append(scalar)
                    column += DisplayWidth.of(scalar)
                }
            }
        }
        return result
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
