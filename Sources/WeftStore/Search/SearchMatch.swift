import WeftCore

/// Turns a ``SearchQuery`` into an FTS5 match expression.
///
/// Every term is quoted, so nothing people type is read as FTS5 syntax. A term
/// in a script written without spaces is looked up as a phrase of single
/// characters in the `grams` column, which is a substring match; other terms
/// match words in the title and body (`cafe` finds `café`: the tokenizer removes
/// accents on both sides).
enum SearchMatch {
    /// The `meta` column's words: `k<kind code>`, `b<board slug in hex>`,
    /// `a<author handle in hex>` (hex keeps each one word whatever its
    /// punctuation). Kind codes: 0 thread, 1 comment, 2 status, 3 decision.
    static func meta(kind: Int, board: String?, author: String) -> String {
        "k\(kind)" + (board.map { " b" + hex($0) } ?? "") + " a" + hex(author)
    }

    static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        for b in text.utf8 {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return out
    }

    /// The filters the `meta` column answers, as an expression to AND with
    /// the terms; nil when the query has none of them.
    static func filters(_ query: SearchQuery, kinds: [Int]) -> String? {
        var parts: [String] = []
        if !query.boards.isEmpty {
            parts.append("meta : (" + query.boards.map { "b" + hex($0.rawValue) }.joined(separator: " OR ") + ")")
        }
        if !query.authors.isEmpty {
            parts.append("meta : (" + query.authors.map { "a" + hex($0.rawValue) }.joined(separator: " OR ") + ")")
        }
        if kinds.count == 1 { parts.append("meta : k\(kinds[0])") }
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func term(_ term: SearchQuery.Term) -> String {
        let text = term.text
        guard SearchText.hasUnspaced(text) else {
            if case .prefix = term { return "{title body} : " + quote(text) + " *" }
            return "{title body} : " + quote(text)
        }
        // Mixed scripts: each run must match (runs in order are not enforced).
        let parts = SearchText.runs(text).map { run in
            run.unspaced ? "grams : " + quote(SearchText.spacedOut(run.text)) : "{title body} : " + quote(run.text)
        }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " AND ") + ")"
    }

    static func any(_ terms: [SearchQuery.Term]) -> String {
        "(" + terms.map(term).joined(separator: " OR ") + ")"
    }

    /// The expression for what a result must contain; nil when the query has no
    /// positive terms.
    static func positive(_ query: SearchQuery) -> String? {
        guard query.hasText else { return nil }
        var expr = query.groups.map(any).joined(separator: " AND ")
        if !query.excluded.isEmpty {
            expr = "(" + expr + ") NOT " + any(query.excluded)
        }
        return expr
    }

    /// The expression for what a result must not contain (for queries with
    /// only exclusions); nil when nothing is excluded.
    static func negative(_ query: SearchQuery) -> String? {
        query.excluded.isEmpty ? nil : any(query.excluded)
    }
}
