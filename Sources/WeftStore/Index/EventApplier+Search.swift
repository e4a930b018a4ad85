import GRDB
import WeftCore

/// Keeping the search tables in step with what the applier writes: the spaced
/// out text of posts in scripts without spaces, and the `notes` (status
/// updates and decisions) with their full-text rows.
extension EventApplier {
    /// What the `grams` column holds for a post: nil unless its text has a
    /// script without spaces.
    static func grams(title: String?, body: String) -> String? {
        SearchText.grams(title: title, body: body)
    }

    /// Adds a status update to the searchable notes.
    func addStatusNote(id: String, board: String?, author: String, at: String, text: String) throws {
        try insertNote(kind: 2, id: id, board: board, thread: nil, author: author, at: at, body: text)
    }

    /// Replaces the note of a thread's decision with `decision` (none when reopened).
    func replaceDecisionNote(thread: String, board: String?, decision: Decision?) throws {
        if let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT rowid, title, body, grams, meta FROM notes WHERE thread = ? AND kind = 3
            """), arguments: [thread]) {
            if !deferFullText {
                try db.cachedStatement(sql: """
                    INSERT INTO notes_fts(notes_fts, rowid, title, body, grams, meta) VALUES('delete', ?, ?, ?, ?, ?)
                    """).execute(arguments: [old["rowid"] as Int64, old["title"] as String?, old["body"] as String,
                                             old["grams"] as String?, old["meta"] as String?])
            }
            try db.cachedStatement(sql: "DELETE FROM notes WHERE rowid = ?").execute(arguments: [old["rowid"] as Int64])
        }
        guard let d = decision, !d.isReopening else { return }
        let board = try board ?? String.fetchOne(db.cachedStatement(sql: "SELECT board FROM posts WHERE id = ?"), arguments: [thread])
        try insertNote(kind: 3, id: d.id.rawValue, board: board, thread: thread, author: d.author.rawValue,
                       at: d.at.iso8601, body: d.summary ?? "")
    }

    private func insertNote(kind: Int, id: String, board: String?, thread: String?, author: String, at: String,
                            body: String) throws {
        let grams = Self.grams(title: nil, body: body)
        let meta = SearchMatch.meta(kind: kind, board: board, author: author)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO notes(kind, id, board, thread, author, at, title, body, grams, meta)
            VALUES(?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
            """).execute(arguments: [kind, id, board, thread, author, at, body, grams, meta])
        guard db.changesCount > 0, !deferFullText else { return }
        try db.cachedStatement(sql: "INSERT INTO notes_fts(rowid, title, body, grams, meta) VALUES(?, NULL, ?, ?, ?)")
            .execute(arguments: [db.lastInsertedRowID, body, grams, meta])
    }

    /// After a first build: the notes' full-text index in one pass.
    func finishSearch() throws {
        try db.execute(sql: "INSERT INTO notes_fts(notes_fts) VALUES('rebuild')")
    }
}
