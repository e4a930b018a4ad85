import Foundation
import GRDB
import WeftCore

extension Index {
    /// How much a brand new result outweighs an old one of equal relevance: the
    /// relevance is multiplied by 1 + 1 / (1 + age in days / this).
    static let recencyDays = 30.0

    /// Finds what `query` asks for among what `viewer` may read, best first:
    /// by relevance (FTS5's bm25, titles weighing more) with a boost for recent
    /// results, or newest first when the query has only filters.
    ///
    /// Posts are found by their current text only (edits replace what is
    /// indexed) and redacted posts never. `now` anchors the recency boost.
    public func search(_ query: SearchQuery, viewer: Handle, now: Timestamp, limit: Int = 50,
                       access: BoardAccess = .standard) throws(StoreError) -> [SearchResult] {
        let readable = try readableBoards(viewer: viewer, access: access)
        let highlighter = SearchHighlighter(query.positiveTerms)
        return try read { db in
            var rows: [Row] = []
            if query.allows(.thread) || query.allows(.comment) {
                rows += try Self.searchPosts(db, query, viewer: viewer, now: now, limit: limit, readable: readable)
            }
            if query.allows(.status) || query.allows(.decision) {
                rows += try Self.searchNotes(db, query, now: now, limit: limit, readable: readable)
            }
            rows.sort { a, b in
                let sa: Double = a["score"], sb: Double = b["score"]
                if sa != sb { return sa < sb }
                let ta: String = a["at"], tb: String = b["at"]
                return ta > tb
            }
            let kept = rows.prefix(limit)
            let titles = try Self.threadTitles(db, Set(kept.compactMap { $0["thread"] as String? }))
            return kept.compactMap { row in Self.result(row, titles: titles, highlighter: highlighter) }
        }
    }

    /// How many of the newest matches are ranked (posts are numbered in
    /// creation order, see `Index.applyInTimeOrder`). Ranking every match of a
    /// word found in half the posts costs tens of milliseconds at 100,000
    /// posts, so a query ranks its newest matches: every match when there are
    /// fewer than this many, else the best of the newest this many.
    static let rankedCandidates = 1000

    /// How many of the most relevant candidates get the recency boost (which
    /// needs each one's time): the boost at most doubles a relevance, so
    /// results further down rarely climb into the first page.
    static let boostedCandidates = 200

    /// The recency factor for a row whose creation time in milliseconds is `ms`.
    private static func boost(_ ms: String) -> String {
        "(1.0 + 1.0 / (1.0 + max(0.0, :nowMs - (\(ms))) / 86400000.0 / \(recencyDays)))"
    }

    private static func searchPosts(_ db: Database, _ query: SearchQuery, viewer: Handle, now: Timestamp, limit: Int,
                                    readable: ReadableBoards) throws -> [Row] {
        var conditions: [String] = []
        var args: [String: (any DatabaseValueConvertible)?] = ["limit": limit, "nowMs": Double(now.milliseconds),
                                                              "me": viewer.rawValue, "cap": rankedCandidates,
                                                              "boosted": max(limit, boostedCandidates)]
        if !readable.all { conditions.append(readable.condition("p.board")) }
        let kinds = [query.allows(.thread) ? 0 : nil, query.allows(.comment) ? 1 : nil].compactMap { $0 }
        // Kind, board and author: words of the `meta` column when there are
        // terms to match, plain conditions when listing by filters alone.
        var plain: [String] = []
        if kinds.count == 1 { plain.append("p.kind = \(kinds[0])") }
        if !query.boards.isEmpty { plain.append("p.board IN (\(list(query.boards.map(\.rawValue), "b", &args)))") }
        if !query.authors.isEmpty { plain.append("p.author IN (\(list(query.authors.map(\.rawValue), "a", &args)))") }
        for (i, who) in query.mentions.enumerated() {
            args["m\(i)"] = who.rawValue
            conditions.append("p.id IN (SELECT post FROM mentions WHERE handle = :m\(i))")
        }
        if query.unread {
            conditions.append("p.author != :me AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)")
        }
        if query.decided { conditions.append("EXISTS (SELECT 1 FROM decisions d WHERE d.thread = p.thread)") }
        if query.openFollowUp { conditions.append("p.id IN (SELECT target FROM followups WHERE state = 'open')") }
        if query.hasFollowUp { conditions.append("p.id IN (SELECT target FROM followups)") }
        dates(query, column: "p.created_at", &conditions, &args)
        let columns = "p.id, p.kind, p.board, p.thread, p.author, p.created_at AS at, p.title, \(Index.postBody("p")) AS body"
        let sql: String
        if let match = SearchMatch.positive(query) {
            args["match"] = SearchMatch.filters(query, kinds: kinds).map { "(" + match + ") AND " + $0 } ?? match
            // Redacted posts have nothing in the full-text index.
            let candidates: String
            if conditions.isEmpty {
                candidates = """
                    SELECT rowid AS r, bm25(posts_fts, 4.0, 1.0, 1.0, 0.0) AS rel FROM posts_fts
                    WHERE posts_fts MATCH :match ORDER BY rowid DESC LIMIT :cap
                    """
            } else {
                candidates = """
                    SELECT posts_fts.rowid AS r, bm25(posts_fts, 4.0, 1.0, 1.0, 0.0) AS rel
                    FROM posts_fts JOIN posts p ON p.rowid = posts_fts.rowid
                    WHERE posts_fts MATCH :match AND \(conditions.joined(separator: " AND "))
                    ORDER BY posts_fts.rowid DESC LIMIT :cap
                    """
            }
            sql = """
                SELECT \(columns), top.score AS score FROM (
                    SELECT c.r AS r, c.rel * \(boost("(julianday(q.created_at) - 2440587.5) * 86400000.0")) AS score
                    FROM (SELECT * FROM (\(candidates)) ORDER BY rel LIMIT :boosted) c JOIN posts q ON q.rowid = c.r
                    ORDER BY score LIMIT :limit
                ) top JOIN posts p ON p.rowid = top.r ORDER BY top.score
                """
        } else {
            if let negative = SearchMatch.negative(query) {
                args["neg"] = negative
                conditions.append("p.rowid NOT IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH :neg)")
            }
            conditions.append("p.redacted = 0")
            conditions += plain
            // The rows first, then their columns: the text is looked up for the rows
            // shown, not for every row a sort goes through (is:unread board:… went
            // from 22 to 4 ms).
            sql = """
                SELECT \(columns), 0.0 AS score FROM (
                    SELECT p.rowid AS r FROM posts p
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.rowid DESC LIMIT :limit
                ) top JOIN posts p ON p.rowid = top.r ORDER BY p.rowid DESC
                """
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
    }

    private static func searchNotes(_ db: Database, _ query: SearchQuery, now: Timestamp, limit: Int,
                                    readable: ReadableBoards) throws -> [Row] {
        var conditions = [readable.condition("n.board")]
        var args: [String: (any DatabaseValueConvertible)?] = ["limit": limit, "nowMs": Double(now.milliseconds),
                                                              "cap": rankedCandidates]
        let kinds = [query.allows(.status) ? 2 : nil, query.allows(.decision) ? 3 : nil].compactMap { $0 }
        var plain: [String] = []
        if kinds.count == 1 { plain.append("n.kind = \(kinds[0])") }
        if !query.boards.isEmpty { plain.append("n.board IN (\(list(query.boards.map(\.rawValue), "b", &args)))") }
        if !query.authors.isEmpty { plain.append("n.author IN (\(list(query.authors.map(\.rawValue), "a", &args)))") }
        dates(query, column: "n.at", &conditions, &args)
        let columns = "n.id, n.kind, n.board, n.thread, n.author, n.at AS at, n.title, n.body"
        let sql: String
        if let match = SearchMatch.positive(query) {
            args["match"] = SearchMatch.filters(query, kinds: kinds).map { "(" + match + ") AND " + $0 } ?? match
            sql = """
                SELECT \(columns), top.score AS score FROM (
                    SELECT r, rel * \(boost("(julianday(at) - 2440587.5) * 86400000.0")) AS score FROM (
                        SELECT notes_fts.rowid AS r, n.at AS at, bm25(notes_fts, 4.0, 1.0, 1.0, 0.0) AS rel
                        FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
                        WHERE notes_fts MATCH :match AND \(conditions.joined(separator: " AND "))
                        ORDER BY notes_fts.rowid DESC LIMIT :cap
                    ) ORDER BY score LIMIT :limit
                ) top JOIN notes n ON n.rowid = top.r ORDER BY top.score
                """
        } else {
            if let negative = SearchMatch.negative(query) {
                args["neg"] = negative
                conditions.append("n.rowid NOT IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH :neg)")
            }
            conditions += plain
            sql = """
                SELECT \(columns), 0.0 AS score FROM notes n
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY n.at DESC LIMIT :limit
                """
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
    }

    private static func dates(_ query: SearchQuery, column: String, _ conditions: inout [String],
                              _ args: inout [String: (any DatabaseValueConvertible)?]) {
        if let since = query.since {
            args["since"] = since.iso8601
            conditions.append("\(column) >= :since")
        }
        if let until = query.until {
            args["until"] = until.iso8601
            conditions.append("\(column) < :until")
        }
    }

    /// Named placeholders for `values`, their arguments added to `args`.
    private static func list(_ values: [String], _ prefix: String,
                             _ args: inout [String: (any DatabaseValueConvertible)?]) -> String {
        values.enumerated().map { i, v in
            args["\(prefix)\(i)"] = v
            return ":\(prefix)\(i)"
        }.joined(separator: ",")
    }

    private static func threadTitles(_ db: Database, _ ids: Set<String>) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, title FROM threads WHERE id IN (\(marks))",
                                    arguments: StatementArguments(Array(ids))) {
            out[row["id"]] = row["title"]
        }
        return out
    }

    private static func result(_ row: Row, titles: [String: String], highlighter: SearchHighlighter) -> SearchResult? {
        let code: Int = row["kind"]
        let kinds: [SearchQuery.Kind] = [.thread, .comment, .status, .decision]
        guard (0..<4).contains(code), let id = EventID(row["id"]), let author = try? Handle(row["author"] as String),
              let at = Timestamp(iso8601: row["at"]) else { return nil }
        let title: String? = row["title"]
        let body: String = row["body"]
        let thread = (row["thread"] as String?).flatMap(EventID.init)
        let text = [title, body].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        return SearchResult(kind: kinds[code], id: id, board: (row["board"] as String?).flatMap { try? BoardSlug($0) },
                            thread: thread, threadTitle: thread.flatMap { titles[$0.rawValue] }, author: author, at: at,
                            text: text, snippet: highlighter.snippet(code == 0 ? body : text), score: row["score"])
    }
}
