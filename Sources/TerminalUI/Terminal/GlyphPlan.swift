/// How a grid cell's cluster is sent through ncurses so that the grid,
/// ncurses and the terminal agree on how many columns it takes.
///
/// ncurses measures with the C library's `wcwidth`, terminals with their own
/// tables, and `DisplayWidth` with current Unicode data; they disagree on
/// emoji sequences, flags and newer characters. If the three disagreed on a
/// cell, every later cell on the row would shift. So a cell is drawn as
/// pieces whose `wcwidth` adds up exactly to the cell's width in the grid:
///
/// - The base character with its combining marks, when `wcwidth` agrees.
/// - A flag (two regional indicators) as two one-column pieces, which
///   terminals either join into a flag or show as two letters.
/// - ZWJ sequences and skin-tone modifiers keep only their first emoji.
/// - A base `wcwidth` measures narrower than the grid (`❤️` is 1 for
///   `wcwidth`, 2 here) is followed by a space; one it cannot measure, or
///   measures wider, is replaced by U+FFFD.
///
/// Only scalars that cannot move the cursor are ever sent: the base must be
/// a graphic character and the extra scalars non-spacing marks.
enum GlyphPlan {
    /// The pieces to draw left to right, each a base scalar plus up to four
    /// marks. `wcwidth` is the C library's measure (-1 for unprintable).
    static func pieces(for character: Character, width: Int, wcwidth: (UInt32) -> Int) -> [[UInt32]] {
        let scalars = Array(character.unicodeScalars)
        guard let base = scalars.first, width > 0 else { return [] }
        if scalars.count == 1, base.value >= 0x20, base.value < 0x7F {
            return width == 1 ? [[base.value]] : [[base.value]] + spaces(width - 1)
        }
        if width == 2, scalars.count == 2, scalars.allSatisfy(isRegionalIndicator),
            scalars.allSatisfy({ wcwidth($0.value) == 1 })
        {
            return [[scalars[0].value], [scalars[1].value]]
        }
        let baseWidth = wcwidth(base.value)
        guard isGraphic(base), baseWidth >= 1, baseWidth <= width else {
            return replacement(width: width, wcwidth: wcwidth)
        }
        var piece = [base.value]
        for scalar in scalars.dropFirst() {
            guard piece.count < 5 else { break }
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .enclosingMark
            if isMark, wcwidth(scalar.value) == 0 {
                // U+FE0F asks for a wide emoji; only send it when ncurses
                // already counts the base as wide.
                if scalar.value == 0xFE0F, baseWidth < 2 {
                    continue
                }
                piece.append(scalar.value)
            } else if isGraphic(scalar), wcwidth(scalar.value) > 0 {
                // A second spacing character (ZWJ sequence, modifier): stop.
                break
            }
        }
        return [piece] + spaces(width - baseWidth)
    }

    private static func spaces(_ count: Int) -> [[UInt32]] {
        Array(repeating: [0x20], count: max(0, count))
    }

    private static func replacement(width: Int, wcwidth: (UInt32) -> Int) -> [[UInt32]] {
        let mark: UInt32 = wcwidth(0xFFFD) == 1 ? 0xFFFD : 0x3F
        return [[mark]] + spaces(width - 1)
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Letters, marks used as bases, numbers, punctuation, symbols, spaces
    /// and private-use glyphs: anything but controls, format characters
    /// (except the soft hyphen, which terminals show as a hyphen),
    /// separators, surrogates and unassigned code points.
    private static func isGraphic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0xAD {
            return true
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return false
        default:
            return true
        }
    }
}
