/// Word wrapping by display width.
///
/// Text is first made inert (newlines kept), then each paragraph is filled
/// greedily: words move to the next line when they do not fit, spaces at a
/// break are dropped, and a word wider than the whole line (a URL, or a run
/// of CJK text, which has no spaces) is broken between grapheme clusters.
/// Explicit newlines are preserved, so an empty line in the input stays an
/// empty line in the output.
///
/// ```swift
/// TextWrap.lines("The quick brown fox", width: 10)
/// // ["The quick", "brown fox"]
/// ```
public enum TextWrap {
    /// `text` wrapped to `width` columns, one string per screen line.
    ///
    /// Every returned line is at most `width` columns wide, except that a
    /// single two-column character on a one-column line is kept on its own
    /// (`CellGrid.put` then clips it). Returns no lines when `width < 1`.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let safe = Inert.text(text, keepingNewlines: true)
        var output: [String] = []
        for paragraph in safe.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(paragraph, width: width, into: &output)
        }
        return output
    }

    /// Wraps one paragraph (no newlines) and appends its lines to `output`.
    private static func wrap(_ paragraph: Substring, width: Int, into output: inout [String]) {
        var line = ""
        var lineWidth = 0
        var lineHasContent = false
        var producedLine = false
        // Spaces seen since the last word: written only if another word
        // follows on the same line, or as the paragraph's indentation.
        var pendingSpaces = ""
        var pendingWidth = 0
        var atParagraphStart = true

        for token in tokens(of: paragraph) {
            if token.isSpace {
                pendingSpaces += token.text
                pendingWidth += token.width
                continue
            }
            let gap = lineHasContent || atParagraphStart ? pendingWidth : 0
            if lineWidth + gap + token.width <= width {
                if gap > 0 {
                    line += pendingSpaces
                    lineWidth += gap
                }
                line += token.text
                lineWidth += token.width
            } else {
                if lineHasContent {
                    output.append(line)
                    producedLine = true
                }
                line = ""
                lineWidth = 0
                if token.width <= width {
                    line = token.text
                    lineWidth = token.width
                } else {
                    let broke = hardBreak(
                        token.text, width: width, line: &line, lineWidth: &lineWidth, output: &output)
                    producedLine = producedLine || broke
                }
            }
            lineHasContent = !line.isEmpty
            atParagraphStart = false
            pendingSpaces = ""
            pendingWidth = 0
        }
        if lineHasContent || !producedLine {
            output.append(line)
        }
    }

    /// Breaks a word wider than the line between grapheme clusters. Full
    /// lines go to `output`; the last partial piece stays in `line`.
    /// Returns whether any line was appended.
    private static func hardBreak(
        _ word: String, width: Int, line: inout String, lineWidth: inout Int, output: inout [String]
    ) -> Bool {
        var appended = false
        for character in word {
            let columns = DisplayWidth.of(character)
            if lineWidth + columns > width, lineWidth > 0 {
                output.append(line)
                appended = true
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += columns
        }
        return appended
    }

    /// A run of spaces, a run of narrow non-space characters, or one wide
    /// character (CJK text may break between any two ideographs).
    private struct Token {
        var text: String
        var width: Int
        var isSpace: Bool
    }

    private static func tokens(of paragraph: Substring) -> [Token] {
        var result: [Token] = []
        var previousWasWide = false
        for character in paragraph {
            let isSpace = character == " "
            let columns = DisplayWidth.of(character)
            let isWide = columns > 1
            defer { previousWasWide = isWide }
            if let last = result.last, last.isSpace == isSpace, !isWide, !previousWasWide {
                result[result.count - 1].text.append(character)
                result[result.count - 1].width += columns
            } else {
                result.append(Token(text: String(character), width: columns, isSpace: isSpace))
            }
        }
        return result
    }
}
