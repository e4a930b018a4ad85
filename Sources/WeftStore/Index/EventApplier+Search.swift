import GRDB
import WeftCore

/// Keeping the search tables in step with what the applier writes: the spaced
/// out text of posts in scripts without spaces, and the `notes` (status
/// updates and decisions) with their full-text rows.
extension EventApplier {
    /// What the `grams` column holds for a post: nil unless its text has a
    /// script without spaces.
    static func grams(title: String?, body: String) -> String? {
        SearchText.grams((title ?? "") + "\n" + body)
    }

    /// A post's row number: the first 64 bits of its UUIDv7 id, which start
    /// with its creation time in milliseconds (so `rowid >> 16` is that time).
    /// Search walks the full-text index in this order to find the newest
    /// matches without sorting them all.
    static func postRowid(_ id: String) -> Int64 {
        var value: UInt64 = 0
        var digits = 0
        for b in id.utf8 where b != UInt8(ascii: "-") {
            guard digits < 16 else { break }
            let d: UInt8
            switch b {
            case 48...57: d = b - 48
            case 97...102: d = b - 87
            case 65...70: d = b - 55
            default: d = 0
            }
            value = value << 4 | UInt64(d)
            digits += 1
        }
        value <<= UInt64(4 * (16 - digits))
        return Int64(bitPattern: value & 0x7FFF_FFFF_FFFF_FFFF)
    }

    /// The row number for a post about to be written outside the fast path:
    /// its own if it exists, else the first free one from `postRowid` down.
    func freeRowid(for id: String) throws -> Int64 {
        var rowid = Self.postRowid(id)
        for _ in 0..<64 {
            guard let other = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM posts WHERE rowid = ?"),
                                                  arguments: [rowid]), other != id else { return rowid }
            rowid -= 1
        }
        return rowid
    }

    /// Records whom a new post mentions (space-separated handles), for `mentions:`.
    func addMentions(_ mentions: String?, rowid: Int64) throws {
        guard let mentions else { return }
        for handle in mentions.split(separator: " ") {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO post_mentions(handle, post) VALUES(?, ?)")
                .execute(arguments: [String(handle), rowid])
        }
    }

    func replaceMentions(_ mentions: String?, rowid: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM post_mentions WHERE post = ?").execute(arguments: [rowid])
        try addMentions(mentions, rowid: rowid)
    }

    /// Adds a status update to the searchable notes.
    func addStatusNote(id: String, board: String?, author: String, at: String, text: String) throws {
        try insertNote(kind: 2, id: id, board: board, thread: nil, author: author, at: at, body: text)
    }

    /// Replaces the note of a thread's decision with `decision` (none when reopened).
    func replaceDecisionNote(thread: String, board: String?, decision: Decision?) throws {
        if let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT rowid, title, body, grams FROM notes WHERE thread = ? AND kind = 3
            """), arguments: [thread]) {
            if !deferFullText {
                try db.cachedStatement(sql: """
                    INSERT INTO notes_fts(notes_fts, rowid, title, body, grams) VALUES('delete', ?, ?, ?, ?)
                    """).execute(arguments: [old["rowid"] as Int64, old["title"] as String?, old["body"] as String,
                                             old["grams"] as String?])
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
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO notes(kind, id, board, thread, author, at, title, body, grams) VALUES(?, ?, ?, ?, ?, ?, NULL, ?, ?)
            """).execute(arguments: [kind, id, board, thread, author, at, body, grams])
        guard db.changesCount > 0, !deferFullText else { return }
        try db.cachedStatement(sql: "INSERT INTO notes_fts(rowid, title, body, grams) VALUES(?, NULL, ?, ?)")
            .execute(arguments: [db.lastInsertedRowID, body, grams])
    }

    /// After a first build: the notes' full-text index in one pass.
    func finishSearch() throws {
        try db.execute(sql: "INSERT INTO notes_fts(notes_fts) VALUES('rebuild')")
    }
}
