/// Finds where a query's terms occur in a text, the way the index matches
/// them (whole words without case or accents, prefixes, phrases, and runs of
/// characters in scripts without spaces), to highlight them on screen.
///
/// ```swift
/// let h = SearchHighlighter(query.positiveTerms)
/// h.segments("Le café est fermé")   // [("Le ", false), ("café", true), (" est fermé", false)]
/// ```
public struct SearchHighlighter: Hashable, Sendable {
    /// One term as words to find in a row; the last may be a prefix.
    struct Pattern: Hashable, Sendable {
        var words: [String]
        var lastIsPrefix: Bool
    }

    let patterns: [Pattern]

    public init(_ terms: [SearchQuery.Term]) {
        patterns = terms.compactMap { term in
            let words = SearchText.words(term.text).map(\.word)
            guard !words.isEmpty else { return nil }
            if case .prefix = term { return Pattern(words: words, lastIsPrefix: true) }
            return Pattern(words: words, lastIsPrefix: false)
        }
    }

    /// Whether there is nothing to highlight.
    public var isEmpty: Bool { patterns.isEmpty }

    /// The matches in `text`, as ranges of unicode-scalar offsets, in order and
    /// not overlapping.
    public func matches(in text: String) -> [Range<Int>] {
        guard !patterns.isEmpty else { return [] }
        let words = SearchText.words(text)
        var found: [Range<Int>] = []
        var i = 0
        while i < words.count {
            var best: Int?
            for p in patterns where i + p.words.count <= words.count {
                var ok = true
                for (k, w) in p.words.enumerated() {
                    let candidate = words[i + k].word
                    let last = k == p.words.count - 1
                    if last && p.lastIsPrefix ? !candidate.hasPrefix(w) : candidate != w {
                        ok = false
                        break
                    }
                }
                if ok { best = max(best ?? 0, p.words.count) }
            }
            if let n = best {
                found.append(words[i].range.lowerBound..<words[i + n - 1].range.upperBound)
                i += n
            } else {
                i += 1
            }
        }
        return found
    }

    /// `text` cut into runs, each marked whether it is a match.
    public func segments(_ text: String) -> [HighlightRun] {
        let ranges = matches(in: text)
        guard !ranges.isEmpty else { return text.isEmpty ? [] : [HighlightRun(text, false)] }
        let scalars = Array(text.unicodeScalars)
        var out: [HighlightRun] = []
        var at = 0
        func piece(_ r: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[r])
            return String(view)
        }
        for r in ranges {
            // A match ends after the marks on its last letter.
            var end = r.upperBound
            while end < scalars.count, scalars[end].properties.generalCategory == .nonspacingMark { end += 1 }
            if r.lowerBound > at { out.append(HighlightRun(piece(at..<r.lowerBound), false)) }
            out.append(HighlightRun(piece(r.lowerBound..<end), true))
            at = end
        }
        if at < scalars.count { out.append(HighlightRun(piece(at..<scalars.count), false)) }
        return out
    }

    /// A one-line excerpt of `text` of about `length` characters around its
    /// first match (its start when nothing matches), cut into runs marked
    /// whether they match. Line breaks become spaces; "…" marks cut ends.
    public func snippet(_ text: String, length: Int = 160) -> [HighlightRun] {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let scalars = Array(flat.unicodeScalars)
        let first = matches(in: flat).first?.lowerBound ?? 0
        var start = max(0, first - length / 4)
        // Start at a word boundary when cutting.
        if start > 0 {
            var s = start
            while s < first, !(scalars[s - 1] == " ") { s += 1 }
            start = s
        }
        let end = min(scalars.count, start + length)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        var cut = String(view)
        if start > 0 { cut = "…" + cut }
        if end < scalars.count { cut += "…" }
        return segments(cut)
    }
}

/// A run of text, marked whether it matches the search.
public struct HighlightRun: Hashable, Sendable {
    public var text: String
    public var isMatch: Bool

    public init(_ text: String, _ isMatch: Bool) {
        self.text = text
        self.isMatch = isMatch
    }
}
