import GRDB

extension Index {
    /// Everything the index answers queries from, as canonical text: two indexes
    /// of the same journals give the same snapshot however they were built.
    public func snapshot() throws(StoreError) -> String {
        try read { db in
            var out: [String] = []
            let queries = [
                "boards": "SELECT slug, title, purpose, visibility, created_at, created_by FROM boards ORDER BY slug",
                "members": "SELECT handle, name, tz, hours, first_seen, email FROM members ORDER BY handle",
                "posts": """
                    SELECT id, kind, board, thread, parent, anchor, author, created_at, title, x.body, x.blocks, mentions, edited_at,
                        redacted FROM posts p LEFT JOIN post_text x ON x.rowid = p.rowid ORDER BY id
                    """,
                "threads": "SELECT id, board, author, created_at, title, last_activity, replies, decided, redacted, pinned FROM threads ORDER BY id",
                "pins": "SELECT thread, board, by, at FROM pins ORDER BY thread",
                "statuses": "SELECT id, board, author, at, kind, text, checkin, occurrence FROM statuses ORDER BY id",
                "decision_log": "SELECT * FROM decision_log ORDER BY id",
                "checkins": "SELECT * FROM checkins ORDER BY id",
                "mentions": "SELECT * FROM mentions ORDER BY handle, post",
                "followups": "SELECT * FROM followups ORDER BY id",
                "decisions": "SELECT * FROM decisions ORDER BY thread",
                "reactions": "SELECT target, emoji, author FROM reactions ORDER BY target, emoji, author",
                "events": "SELECT e.id, e.stamp, e.author, e.board, e.type, e.key, j.path, e.line FROM events e JOIN journals j ON j.id = e.journal ORDER BY e.id",
                "problems": "SELECT journal, line, reason FROM problems WHERE transient = 0 ORDER BY journal, line",
                "search": "SELECT p.id FROM posts_fts f JOIN posts p ON p.rowid = f.rowid ORDER BY p.id",
            ]
            for name in queries.keys.sorted() {
                out.append("## \(name)")
                guard let sql = queries[name] else { continue }
                for row in try Row.fetchAll(db, sql: sql) {
                    out.append(row.databaseValues.map { $0.isNull ? "∅" : "\($0)" }.joined(separator: "|"))
                }
            }
            return out.joined(separator: "\n")
        } + "\n" + fullTextTerms()
    }

    /// Every term of the full-text tables with the rows and times it occurs in:
    /// two full-text indexes with the same terms answer every query alike.
    func fullTextTerms() throws(StoreError) -> String {
        do {
            return try pool.writeWithoutTransaction { db in
                var out: [String] = []
                for table in ["posts_fts", "notes_fts"] {
                    let vocab = "temp.\(table)_terms"
                    try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS \(vocab) USING fts5vocab('fts', '\(table)', 'row')")
                    out.append("## \(table) terms")
                    for row in try Row.fetchAll(db, sql: "SELECT term, doc, cnt FROM \(vocab) ORDER BY term") {
                        out.append(row.databaseValues.map { "\($0)" }.joined(separator: "|"))
                    }
                    try db.execute(sql: "DROP TABLE \(vocab)")
                }
                return out.joined(separator: "\n")
            }
        } catch {
            throw .index("\(error)")
        }
    }

    /// Counts for reports: events, posts, threads, journals and the file size.
    public func stats() throws(StoreError) -> [String: Int] {
        try read { db in
            var s: [String: Int] = [:]
            for t in ["events", "posts", "threads", "boards", "members", "statuses", "journals", "problems"] {
                s[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0
            }
            // Creations live in their own tables; `events` holds the changes to them.
            s["applied"] = (s["events"] ?? 0) + (s["posts"] ?? 0) + (s["statuses"] ?? 0)
            return s
        }
    }
}
