/// How many terminal columns text occupies.
///
/// Widths come from Unicode properties, never from the C library's `wcwidth`,
/// whose answer depends on the process locale (it reports -1 for every
/// non-ASCII character in the C locale). The rules, per grapheme cluster:
///
/// - East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth
///   forms) and emoji with emoji presentation take **2** columns; so does a
///   cluster that asks for emoji presentation with U+FE0F (`❤️`), a ZWJ
///   sequence (`👩‍💻`, measured by its first emoji) and a flag.
/// - Combining marks, zero-width joiners, variation selectors and other
///   format characters take **0** columns: inside a cluster they ride on the
///   base character, and on their own they are not drawn at all.
/// - Control characters take the width of the caret notation `Inert` shows
///   for them (`^[` is 2 columns), and a tab counts as `Inert.tabWidth`, so the
///   width of a string matches what `CellGrid.put` draws for it (tab stops
///   aside).
/// - Everything else, including East Asian Ambiguous characters such as `…`
///   and box drawing, takes **1** column, as in a non-CJK locale.
///
/// ```swift
/// DisplayWidth.of("日本")            // 4
/// DisplayWidth.truncate("日本語", to: 5) // "日本…"
/// ```
public enum DisplayWidth {
    /// The columns one grapheme cluster occupies: 0, 1 or 2 (more only for a
    /// control sequence shown in caret notation, such as `"\r\n"`).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // A lone printable scalar below U+0300 (ASCII and the Latin letters) is one
        // column: none of those is wide, zero-width or, past U+009F, a control.
        if first.value >= 0x20, first.value < 0x300, first.value < 0x7F || first.value > 0x9F,
           scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return 1
        }
        if first.properties.generalCategory == .control {
            // Controls never combine (except CR LF); each is shown inert.
            return scalars.reduce(0) { $0 + Inert.notationWidth(of: $1) }
        }
        var base: Unicode.Scalar?
        var asksForEmoji = false
        for scalar in scalars {
            if scalar.value == 0xFE0F {
                asksForEmoji = true
            } else if base == nil, !isZeroWidth(scalar) {
                base = scalar
            }
        }
        guard let base else { return 0 }
        if asksForEmoji, base.properties.isEmoji {
            return 2
        }
        return of(base)
    }

    /// The columns one Unicode scalar occupies on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20, value < 0x7F {
            return 1
        }
        if scalar.properties.generalCategory == .control {
            return Inert.notationWidth(of: scalar)
        }
        if isZeroWidth(scalar) {
            return 0
        }
        if value >= 0x1100, WideRanges.contains(value) || scalar.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    /// The columns a string occupies: the sum over its grapheme clusters.
    public static func of(_ string: String) -> Int {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return string.utf8.count
        }
        return string.reduce(0) { $0 + of($1) }
    }

    /// Whether a scalar takes no column of its own: combining marks, format
    /// characters (ZWJ, ZWSP, bidi controls, variation selectors are marks),
    /// Hangul medial vowels and final consonants, and line/paragraph
    /// separators. The soft hyphen is the exception terminals agree on: it is
    /// shown, one column wide.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 {
            return false
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// `string` cut to at most `width` columns. When anything is cut, the
    /// result ends with "…" (which counts toward the width) and trailing
    /// spaces before it are dropped. A wide character that would straddle the
    /// limit is left out rather than split.
    ///
    /// One pass that stops once the string is known not to fit: a long text
    /// cut to a short column costs the column, not the text.
    public static func truncate(_ string: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(string) {
            // One column per byte.
            if string.utf8.count <= width { return string }
            return String(Substring(string.utf8.prefix(width - 1)).dropLastSpaces()) + "…"
        }
        let budget = width - 1
        var used = 0
        // Where the text is cut if it does not fit: after the last character
        // that fits in `budget` (the first that does not ends the cut text).
        var cut = string.startIndex
        var cutFound = false
        var index = string.startIndex
        while index < string.endIndex {
            let next = string.index(after: index)
            let columns = of(string[index])
            if !cutFound {
                if used + columns > budget { cutFound = true } else { cut = next }
            }
            used += columns
            if used > width {
                return String(string[..<cut].dropLastSpaces()) + "…"
            }
            index = next
        }
        return string
    }

    private static func isPrintableASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Where `pad(_:to:alignment:)` puts the text within its width.
    public enum Alignment: Sendable {
        /// Text first, spaces after.
        case leading
        /// Spaces first, text last.
        case trailing
    }

    /// `string` made exactly `width` columns wide: truncated with "…" when it
    /// is wider, padded with spaces when it is narrower.
    public static func pad(_ string: String, to width: Int, alignment: Alignment = .leading) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(string, to: width)
        let gap = max(0, width - of(fitted))
        let spaces = String(repeating: " ", count: gap)
        switch alignment {
        case .leading:
            return fitted + spaces
        case .trailing:
            return spaces + fitted
        }
    }
}

private extension Substring {
    /// Without the spaces it ends with.
    func dropLastSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[..<end]
    }
}
