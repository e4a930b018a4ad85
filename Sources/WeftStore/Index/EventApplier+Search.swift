import GRDB
import WeftCore

/// Keeping the search tables in step with what the applier writes: the `notes`
/// (status updates and decisions) with their full-text rows.
extension EventApplier {
    /// Adds a status update to the searchable notes.
    func addStatusNote(id: String, board: String?, author: String, at: String, text: String) throws {
        try insertNote(kind: 2, id: id, board: board, thread: nil, author: author, at: at, body: text)
    }

    /// Replaces the note of a thread's decision with `decision` (none when reopened).
    func replaceDecisionNote(thread: String, board: String?, decision: Decision?) throws {
        if let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT rowid, kind, board, author, title, body FROM notes WHERE thread = ? AND kind = 3
            """), arguments: [thread]) {
            try fullText.send(FullTextRow(table: .notes, delete: true, rowid: old["rowid"], kind: old["kind"], board: old["board"],
                                          author: old["author"], title: old["title"], body: old["body"]))
            try db.cachedStatement(sql: "DELETE FROM notes WHERE rowid = ?").execute(arguments: [old["rowid"] as Int64])
        }
        guard let d = decision, !d.isReopening else { return }
        let board = try board ?? String.fetchOne(db.cachedStatement(sql: "SELECT board FROM posts WHERE id = ?"), arguments: [thread])
        try insertNote(kind: 3, id: d.id.rawValue, board: board, thread: thread, author: d.author.rawValue,
                       at: d.at.iso8601, body: d.summary ?? "")
    }

    private func insertNote(kind: Int, id: String, board: String?, thread: String?, author: String, at: String,
                            body: String) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO notes(kind, id, board, thread, author, at, title, body)
            VALUES(?, ?, ?, ?, ?, ?, NULL, ?)
            """).execute(arguments: [kind, id, board, thread, author, at, body])
        guard db.changesCount > 0 else { return }
        try fullText.send(FullTextRow(table: .notes, delete: false, rowid: db.lastInsertedRowID, kind: kind, board: board,
                                      author: author, title: nil, body: body))
    }
}
