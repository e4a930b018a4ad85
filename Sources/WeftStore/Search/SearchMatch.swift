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
        var out: [UInt8] = []
        meta(kind: kind, board: board, author: author, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same words as UTF-8 bytes in `out` (emptied first; the index build
    /// reuses one buffer for every row).
    static func meta(kind: Int, board: String?, author: String, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(UInt8(ascii: "k"))
        if kind >= 0 && kind < 10 {
            out.append(UInt8(ascii: "0") + UInt8(kind))
        } else {
            out.append(contentsOf: String(kind).utf8)
        }
        if let board {
            out.append(contentsOf: " b".utf8)
            appendHex(board, to: &out)
        }
        out.append(contentsOf: " a".utf8)
        appendHex(author, to: &out)
    }

    static func hex(_ text: String) -> String {
        var out: [UInt8] = []
        appendHex(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendHex(_ text: String, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        let start = out.count
        // Room first, then the digits written in place (appending them one by
        // one cost more than the rest of a full-text row's columns).
        out.append(contentsOf: repeatElement(0, count: 2 * text.utf8.count))
        out.withUnsafeMutableBufferPointer { o in
            digits.withUTF8Buffer { d in
                var k = start
                for b in text.utf8 {
                    o[k] = d[Int(b >> 4)]
                    o[k + 1] = d[Int(b & 15)]
                    k += 2
                }
            }
        }
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
