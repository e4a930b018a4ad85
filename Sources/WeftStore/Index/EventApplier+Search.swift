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

    /// The `meta` column of a row (``SearchMatch/meta(kind:board:author:)``),
    /// remembered: a space has few boards and authors, and many posts.
    func meta(kind: Int, board: String?, author: String) -> String {
        let key = MetaCache.Key(kind: kind, board: board, author: author)
        if let known = metaCache.values[key] { return known }
        let value = SearchMatch.meta(kind: kind, board: board, author: author)
        metaCache.values[key] = value
        return value
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
            try fullText.send(FullTextRow(table: .notes, delete: true, rowid: old["rowid"], title: old["title"],
                                          body: old["body"], grams: old["grams"], meta: old["meta"]))
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
        let meta = meta(kind: kind, board: board, author: author)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO notes(kind, id, board, thread, author, at, title, body, grams, meta)
            VALUES(?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
            """).execute(arguments: [kind, id, board, thread, author, at, body, grams, meta])
        guard db.changesCount > 0 else { return }
        try fullText.send(FullTextRow(table: .notes, delete: false, rowid: db.lastInsertedRowID, title: nil, body: body,
                                      grams: grams, meta: meta))
    }
}

/// The `meta` values computed so far in one catch-up.
final class MetaCache {
    struct Key: Hashable {
        var kind: Int
        var board: String?
        var author: String
    }

    var values: [Key: String] = [:]
}
