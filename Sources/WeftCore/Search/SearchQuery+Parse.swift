import Foundation

extension SearchQuery {
    /// The filters, by name, as people type them.
    public static let filterNames = ["board", "from", "in", "is", "has", "mentions", "before", "after", "on"]

    /// Reads a search as typed. Dates in `before:`, `after:` and `on:` are days
    /// in `timeZone` (the viewer's); `from:me` and `mentions:me` mean `viewer`.
    ///
    /// - `before:D` finds what was written before day D began, `after:D` what
    ///   was written after day D ended, `on:D` what was written during day D.
    /// - Throws ``SearchQueryError`` naming the token it could not use.
    public static func parse(_ text: String, viewer: Handle, timeZone: TimeZone, now: Timestamp) throws(SearchQueryError)
        -> SearchQuery
    {
        var reader = QueryReader(viewer: viewer, local: LocalTime(timeZone), now: now)
        for token in try QueryTokens.split(text) {
            try reader.read(token)
        }
        return try reader.finish()
    }
}

/// One piece of a typed query: a term (maybe quoted, maybe excluded) or `OR`.
struct QueryToken: Equatable {
    var text: String
    var quoted: Bool
    var negated: Bool
    /// As typed, for error messages.
    var original: String
}

/// Splits typed text into tokens at spaces, keeping `"quoted phrases"` whole.
enum QueryTokens {
    static func split(_ text: String) throws(SearchQueryError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var chars = Array(text)
        chars.append(" ")
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace {
                i += 1
                continue
            }
            let start = i
            var negated = false
            if chars[i] == "-", i + 1 < chars.count, !chars[i + 1].isWhitespace {
                negated = true
                i += 1
            }
            if chars[i] == "\"" {
                guard let close = chars[(i + 1)...].firstIndex(of: "\"") else {
                    throw .unclosedQuote(String(chars[start..<(chars.count - 1)]))
                }
                let inner = String(chars[(i + 1)..<close])
                tokens.append(QueryToken(text: inner, quoted: true, negated: negated,
                                         original: String(chars[start...close])))
                i = close + 1
                continue
            }
            // A word runs to the next space; a quote inside it starts a filter's
            // quoted value (board:"x") only in spirit, so it is kept as typed.
            while i < chars.count, !chars[i].isWhitespace {
                i += 1
            }
            let original = String(chars[start..<i])
            tokens.append(QueryToken(text: String(original.dropFirst(negated ? 1 : 0)), quoted: false, negated: negated,
                                     original: original))
        }
        return tokens
    }
}

/// Builds a query token by token.
struct QueryReader {
    let viewer: Handle
    let local: LocalTime
    let now: Timestamp
    var query = SearchQuery()
    /// An `OR` was read and waits for the term after it.
    var pendingOr = false
    /// The last thing read was a positive term (so an `OR` may follow).
    var lastWasTerm = false
    var sinceToken: String?
    var untilToken: String?

    init(viewer: Handle, local: LocalTime, now: Timestamp) {
        self.viewer = viewer
        self.local = local
        self.now = now
    }

    mutating func read(_ token: QueryToken) throws(SearchQueryError) {
        if !token.quoted, !token.negated, token.text == "OR" {
            guard lastWasTerm, !pendingOr else { throw .danglingOr }
            pendingOr = true
            lastWasTerm = false
            return
        }
        if !token.quoted, let colon = token.text.firstIndex(of: ":"), colon != token.text.startIndex,
           token.text[..<colon].allSatisfy({ $0.isLetter })
        {
            guard !pendingOr else { throw .danglingOr }
            if token.negated {
                throw .badValue(token.original, expected: "a filter without '-' (filters cannot be negated; exclude words instead)")
            }
            let name = token.text[..<colon].lowercased()
            let value = String(token.text[token.text.index(after: colon)...])
            try filter(name, value: value, token: token.original)
            lastWasTerm = false
            return
        }
        let term = try Self.term(token)
        if token.negated {
            guard !pendingOr else { throw .danglingOr }
            query.excluded.append(term)
            lastWasTerm = false
            return
        }
        if pendingOr, !query.groups.isEmpty {
            query.groups[query.groups.count - 1].append(term)
        } else {
            query.groups.append([term])
        }
        pendingOr = false
        lastWasTerm = true
    }

    func finish() throws(SearchQueryError) -> SearchQuery {
        if pendingOr { throw .danglingOr }
        if query == SearchQuery() { throw .empty }
        return query
    }

    static func term(_ token: QueryToken) throws(SearchQueryError) -> SearchQuery.Term {
        if token.quoted {
            let text = token.text.trimmingCharacters(in: .whitespaces)
            guard SearchText.hasWordCharacter(text) else { throw .emptyTerm(token.original) }
            return .phrase(text)
        }
        var text = token.text
        var isPrefix = false
        while text.hasSuffix("*") {
            text.removeLast()
            isPrefix = true
        }
        guard SearchText.hasWordCharacter(text) else { throw .emptyTerm(token.original) }
        return isPrefix ? .prefix(text) : .word(text)
    }

    mutating func filter(_ name: String, value: String, token: String) throws(SearchQueryError) {
        guard SearchQuery.filterNames.contains(name) else { throw .unknownFilter(token) }
        guard !value.isEmpty else { throw .missingValue(token) }
        let lower = value.lowercased()
        switch name {
        case "board":
            let slug = lower.hasPrefix("#") ? String(lower.dropFirst()) : lower
            guard let board = try? BoardSlug(slug) else {
                throw .badValue(token, expected: "a board slug, e.g. board:general")
            }
            query.boards.append(board)
        case "from":
            query.authors.append(try person(lower, token: token, example: "from:ana or from:me"))
        case "mentions":
            query.mentions.append(try person(lower, token: token, example: "mentions:me or mentions:ana"))
        case "in":
            let singular = lower == "statuses" ? "status" : lower.hasSuffix("s") && lower != "status" ? String(lower.dropLast()) : lower
            guard let kind = SearchQuery.Kind(rawValue: singular) else {
                throw .badValue(token, expected: "in:thread, in:comment, in:status or in:decision")
            }
            query.kinds.insert(kind)
        case "is":
            switch lower {
            case "unread": query.unread = true
            case "decided": query.decided = true
            case "open": query.openFollowUp = true
            default: throw .badValue(token, expected: "is:unread, is:decided or is:open (open follow-ups)")
            }
        case "has":
            guard lower == "followup" || lower == "followups" || lower == "follow-up" else {
                throw .badValue(token, expected: "has:followup")
            }
            query.hasFollowUp = true
        default:
            try date(name, lower, token: token)
        }
    }

    private func person(_ text: String, token: String, example: String) throws(SearchQueryError) -> Handle {
        if text == "me" { return viewer }
        let handle = text.hasPrefix("@") ? String(text.dropFirst()) : text
        guard let h = try? Handle(handle) else { throw .badValue(token, expected: "a handle, e.g. \(example)") }
        return h
    }

    private mutating func date(_ name: String, _ value: String, token: String) throws(SearchQueryError) {
        guard let day = dayStart(value) else { throw .badDate(token) }
        let next = local.startOfDay(day, addingDays: 1)
        switch name {
        case "before":
            narrow(until: day, token: token)
        case "after":
            narrow(since: next, token: token)
        default:
            narrow(since: day, token: token)
            narrow(until: next, token: token)
        }
        if let since = query.since, let until = query.until, since >= until {
            throw .emptyDateRange(sinceToken ?? token, untilToken ?? token)
        }
    }

    private mutating func narrow(since: Timestamp, token: String) {
        if query.since.map({ since > $0 }) ?? true {
            query.since = since
            sinceToken = token
        }
    }

    private mutating func narrow(until: Timestamp, token: String) {
        if query.until.map({ until < $0 }) ?? true {
            query.until = until
            untilToken = token
        }
    }

    /// Local midnight starting the named day: `2026-11-02`, `today`,
    /// `yesterday`, `7d` (seven days ago), `2w` (two weeks ago).
    func dayStart(_ text: String) -> Timestamp? {
        switch text {
        case "today": return local.startOfDay(now)
        case "yesterday": return local.startOfDay(now, addingDays: -1)
        default: break
        }
        if let unit = text.last, unit == "d" || unit == "w", let n = Int(text.dropLast()), n >= 0, n < 100_000 {
            return local.startOfDay(now, addingDays: -n * (unit == "w" ? 7 : 1))
        }
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d),
              let t = local.instant(year: y, month: m, day: d)
        else { return nil }
        let back = local.parts(t)
        return back.month == m && back.day == d ? local.startOfDay(t) : nil
    }
}
