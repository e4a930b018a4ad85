import TerminalUI

/// Post text as styled screen lines: a light Markdown — `**bold**`,
/// `*emphasis*` (underlined), `` `code` ``, `[links](url)`, `- lists`,
/// `1. numbered lists`, `> quotes`, fenced code blocks and `# headings`.
///
/// The Thread screen draws posts with it and the composer's preview uses the
/// same function, so a preview is exactly what readers will see. The text is
/// made inert first (`Inert`), so a post can never send escape sequences.
///
/// ```swift
/// PostText.lines("Use **care** with `rm`", width: 30)
/// // one line: "Use " normal, "care" bold, " with " normal, "rm" accent
/// ```
enum PostText {
    typealias Span = ThreadDocument.Span

    /// A screen line of a post: spans after `indent` columns.
    struct Line: Equatable {
        var indent: Int
        var spans: [Span]
    }

    /// The first line of `text`, with " …" when more follows: for one-line
    /// quotes and excerpts.
    static func firstLine(_ text: String) -> String {
        let trimmed = text.drop { $0 == "\n" || $0 == " " }
        guard let end = trimmed.firstIndex(of: "\n") else { return String(trimmed) }
        return String(trimmed[..<end]) + " …"
    }

    static let codeStyle = Style(.accent)
    static let quoteStyle = Style(.dim)

    /// `text` laid out in `width` columns.
    static func lines(_ text: String, width: Int) -> [Line] {
        let width = max(4, width)
        var out: [Line] = []
        var inFence = false
        for raw in Inert.text(text, keepingNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence {
                for piece in TextWrap.lines(line, width: width) {
                    out.append(Line(indent: 0, spans: [Span(piece, codeStyle)]))
                }
                if line.isEmpty { out.append(Line(indent: 0, spans: [])) }
                continue
            }
            out += block(line, width: width)
        }
        return out
    }

    /// One source line outside code fences.
    private static func block(_ line: String, width: Int) -> [Line] {
        let trimmed = String(line.drop { $0 == " " })
        if trimmed.isEmpty {
            return [Line(indent: 0, spans: [])]
        }
        if trimmed.hasPrefix(">") {
            let inner = String(trimmed.dropFirst().drop { $0 == " " })
            return wrap(inline(inner, base: quoteStyle), width: width - 2).map {
                Line(indent: 0, spans: [Span("│ ", quoteStyle)] + $0)
            }
        }
        if let heading = headingText(trimmed) {
            return wrap(inline(heading, base: Style(.normal, [.bold])), width: width).map { Line(indent: 0, spans: $0) }
        }
        if let (marker, rest) = listItem(trimmed) {
            let nesting = min(4, (line.count - trimmed.count) / 2) * 2
            let hanging = DisplayWidth.of(marker)
            let rows = wrap(inline(rest, base: .normal), width: width - nesting - hanging)
            return rows.enumerated().map { index, spans in
                index == 0
                    ? Line(indent: nesting, spans: [Span(marker, Style(.dim))] + spans)
                    : Line(indent: nesting + hanging, spans: spans)
            }
        }
        return wrap(inline(line, base: .normal), width: width).map { Line(indent: 0, spans: $0) }
    }

    private static func headingText(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return String(line.dropFirst(hashes + 1))
    }

    /// "• " for `- `, `* `, `+ `; "3. " for `3. `.
    private static func listItem(_ line: String) -> (String, String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return ("• ", String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") {
                return (digits + ". ", String(rest.dropFirst(2)))
            }
        }
        return nil
    }

    // MARK: - Inline

    /// Splits a line into styled runs: emphasis, code and links.
    static func inline(_ text: String, base: Style) -> [Span] {
        var spans: [Span] = []
        var plain = ""
        let characters = Array(text)
        var index = 0
        func flush() {
            if !plain.isEmpty { spans.append(Span(plain, base)) }
            plain = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "`", let end = find("`", in: characters, from: index + 1), end > index + 1 {
                flush()
                spans.append(Span(String(characters[(index + 1)..<end]), codeStyle))
                index = end + 1
                continue
            }
            if character == "*" || character == "_" {
                let double = index + 1 < characters.count && characters[index + 1] == character
                let marker = double ? [character, character] : [character]
                let start = index + marker.count
                if start < characters.count, characters[start] != " ",
                   let end = find(marker, in: characters, from: start), end > start, characters[end - 1] != " ",
                   // snake_case and 2*3*4 stay as they are.
                   index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
                {
                    flush()
                    let style = double ? base.adding(.bold) : base.adding(.underline)
                    spans += inline(String(characters[start..<end]), base: style)
                    index = end + marker.count
                    continue
                }
            }
            if character == "[", let close = find("]", in: characters, from: index + 1),
               close + 1 < characters.count, characters[close + 1] == "(",
               let end = find(")", in: characters, from: close + 2)
            {
                flush()
                spans += inline(String(characters[(index + 1)..<close]), base: base.adding(.underline))
                spans.append(Span(" (" + String(characters[(close + 2)..<end]) + ")", Style(.dim)))
                index = end + 1
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return spans
    }

    private static func find(_ marker: Character, in characters: [Character], from start: Int) -> Int? {
        find([marker], in: characters, from: start)
    }

    private static func find(_ marker: [Character], in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + marker.count <= characters.count {
            if Array(characters[index..<(index + marker.count)]) == marker { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Wrapping

    /// Fills styled runs into rows of `width` columns, breaking at spaces
    /// (words wider than a row break between clusters).
    static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        let width = max(1, width)
        // Words: runs of non-space clusters that may cross style changes.
        var words: [[Span]] = []
        var word: [Span] = []
        var spaceBefore: [Bool] = []
        var pendingSpace = false
        func endWord() {
            if !word.isEmpty {
                words.append(word)
                spaceBefore.append(pendingSpace)
                pendingSpace = false
                word = []
            }
        }
        var leading = true
        var indent = 0
        for span in spans {
            for character in span.text {
                if character == " " {
                    if leading { indent += 1 }
                    endWord()
                    pendingSpace = true
                } else {
                    leading = false
                    if let last = word.last, last.style == span.style {
                        word[word.count - 1].text.append(character)
                    } else {
                        word.append(Span(String(character), span.style))
                    }
                }
            }
        }
        endWord()
        var rows: [[Span]] = []
        var row: [Span] = indent > 0 ? [Span(String(repeating: " ", count: min(indent, width / 2)))] : []
        var used = row.first.map { DisplayWidth.of($0.text) } ?? 0
        for (index, word) in words.enumerated() {
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let gap = spaceBefore[index] && used > 0 ? 1 : 0
            if used + gap + wordWidth <= width {
                if gap > 0 { append(" ", style: row.last?.style == word[0].style ? word[0].style : .normal, to: &row) }
                for piece in word { append(piece.text, style: piece.style, to: &row) }
                used += gap + wordWidth
                continue
            }
            if used > 0 {
                rows.append(row)
                row = []
                used = 0
            }
            // Break a word wider than the row between clusters.
            for piece in word {
                for character in piece.text {
                    let columns = DisplayWidth.of(character)
                    if used + columns > width, used > 0 {
                        rows.append(row)
                        row = []
                        used = 0
                    }
                    append(String(character), style: piece.style, to: &row)
                    used += columns
                }
            }
        }
        if !row.isEmpty || rows.isEmpty { rows.append(row) }
        return rows
    }

    private static func append(_ text: String, style: Style, to row: inout [Span]) {
        if let last = row.last, last.style == style {
            row[row.count - 1].text += text
        } else {
            row.append(Span(text, style))
        }
    }
}
