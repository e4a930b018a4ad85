import Foundation
import WeftCore
import GRDB
import GRDBSQLite
import CSQLiteTuning

/// One change to the full-text index: a row of `posts_fts` or `notes_fts` added,
/// or removed with the values it was added with (the tables are contentless).
/// Its `grams` and `meta` columns are computed from these by whoever writes it
/// (``FullTextColumns``): on the builder's thread during a build from scratch.
///
/// A post's text is kept in the same file (`post_text`, by the post's rowid):
/// adding a post's row stores its text there, even when `searchable` is false
/// (a redacted post: empty text, nothing in the full-text index), and a
/// removal with no `body` is given the text stored there.
struct FullTextRow: Sendable {
    enum Table: Sendable, Hashable { case posts, notes }
    var table: Table
    var delete: Bool
    var rowid: Int64
    var kind: Int
    var board: String?
    var author: String
    var title: String?
    var body: String?
    /// A thread's blocks, as `post_text.blocks` holds them (``BlockLayout``).
    var blocks: String? = nil
    var searchable = true
    /// Rows with the same slot have the same `meta` words: a new post's journal
    /// (one author, one board) and its kind. Looking meta words up by it costs
    /// an integer's hash, not those of the board and the author.
    var metaSlot: Int64? = nil
    /// A build from scratch only: the post is changed by a later event, so its
    /// row waits for the end of the build (``FullTextOrder``), where the
    /// removal that change makes cancels it instead of being written too.
    var waits = false
}

/// The computed columns of full-text rows. They depend only on the row, so a
/// row is removed with the same values it was added with. (Changing how they
/// are computed changes the index: bump `IndexSchema.version`.)
struct FullTextColumns {
    /// The grams of the row being bound; their memory is reused.
    private var grams: [UInt8] = []
    /// The meta words of each kind, board and author seen (a space has few).
    private var metas: [MetaKey: [UInt8]] = [:]
    /// The same by ``FullTextRow/metaSlot``.
    private var slots: [Int64: [UInt8]] = [:]

    private struct MetaKey: Hashable {
        var kind: Int
        var board: String?
        var author: String
    }

    mutating func bind(_ row: FullTextRow, to statement: FastStatement) {
        statement.bind(1, row.rowid)
        statement.bind(2, row.title)
        let body = row.body ?? ""
        statement.bind(3, body)
        // Made here, on the thread that writes the full text (into one buffer used
        // again for every row), not where events are decoded: that thread finishes
        // later in a build from scratch, and a build waits for the later one.
        if SearchText.grams(title: row.title, body: body, into: &grams) {
            statement.bind(4, utf8: grams)
        } else {
            statement.bind(4, nil as String?)
        }
        statement.bind(5, utf8: meta(row))
    }

    /// The row's meta words as UTF-8, remembered by slot and per kind, board and author.
    private mutating func meta(_ row: FullTextRow) -> [UInt8] {
        if let slot = row.metaSlot, let meta = slots[slot] { return meta }
        let key = MetaKey(kind: row.kind, board: row.board, author: row.author)
        let meta = metas[key] ?? Array(SearchMatch.meta(kind: row.kind, board: row.board, author: row.author).utf8)
        if metas.count < 4096 { metas[key] = meta }
        if let slot = row.metaSlot, slots.count < 65536 { slots[slot] = meta }
        return meta
    }
}

/// Where the applier sends full-text changes. The full-text index is its own
/// file (`index-search.sqlite`, attached as the `fts` schema), so a build from
/// scratch can fill it on a second thread while the applier fills the index.
enum FullTextSink {
    /// Applied at once through the applier's own connection (the `fts` schema).
    case inline(FullTextWriter)
    /// Handed to a thread that writes the new full-text file (a build from scratch).
    case builder(FullTextBuilder)

    /// Consumes the row: handed to the builder, it is moved, not copied (a copy
    /// retains each of its strings again).
    func send(_ row: consuming FullTextRow) throws {
        switch self {
        case .inline(let s): try s.apply(row)
        case .builder(let b): b.send(row)
        }
    }

    /// Says that a pass over the journals is done (see ``FullTextBuilder/settle()``).
    func settle() {
        if case .builder(let b) = self { b.settle() }
    }

    /// Empties both full-text tables.
    func clear() throws {
        switch self {
        case .inline(let s): try s.clear()
        case .builder(let b): b.clear()
        }
    }
}

/// Writes full-text rows into the tables of one schema: `fts` as attached to the
/// connection that applies the events, or `main` of the builder's own file.
final class FullTextWriter {
    private let db: Database
    private let schema: String
    private var columns = FullTextColumns()
    private let insertPost: FastStatement
    private let deletePost: FastStatement
    private let insertNote: FastStatement
    private let deleteNote: FastStatement
    private let storeText: FastStatement
    private let selectText: FastStatement

    init(_ db: Database, schema: String) throws {
        self.db = db
        self.schema = schema
        storeText = try FastStatement(db, "INSERT OR REPLACE INTO \(schema).post_text(rowid, body, blocks) VALUES(?, ?, ?)")
        selectText = try FastStatement(db, "SELECT body FROM \(schema).post_text WHERE rowid = ?")
        func insert(_ table: String) throws -> FastStatement {
            try FastStatement(db, "INSERT INTO \(schema).\(table)(rowid, title, body, grams, meta) VALUES(?, ?, ?, ?, ?)")
        }
        func delete(_ table: String) throws -> FastStatement {
            try FastStatement(db, """
                INSERT INTO \(schema).\(table)(\(table), rowid, title, body, grams, meta) VALUES('delete', ?, ?, ?, ?, ?)
                """)
        }
        insertPost = try insert("posts_fts")
        deletePost = try delete("posts_fts")
        insertNote = try insert("notes_fts")
        deleteNote = try delete("notes_fts")
    }

    /// Stores or fetches a post's text (`post_text`): what must happen in the order
    /// rows come. Returns the row to give ``index(_:)``, if any.
    func store(_ row: FullTextRow) throws -> FullTextRow? {
        guard row.table == .posts else { return row }
        var row = row
        if row.delete {
            if row.body == nil {
                selectText.bind(1, row.rowid)
                row.body = try selectText.text() ?? ""
            }
        } else {
            storeText.bind(1, row.rowid)
            storeText.bind(2, row.body)
            storeText.bind(3, row.blocks)
            try storeText.run()
        }
        return row.delete || row.searchable ? row : nil
    }

    func apply(_ row: FullTextRow) throws {
        if let row = try store(row) { try index(row) }
    }

    /// Adds the row to the full-text index, or removes it.
    func index(_ row: FullTextRow) throws {
        let statement = switch (row.table, row.delete) {
        case (.posts, false): insertPost
        case (.posts, true): deletePost
        case (.notes, false): insertNote
        case (.notes, true): deleteNote
        }
        columns.bind(row, to: statement)
        try statement.run()
    }

    func clear() throws { try FullTextSchema.clear(db, schema: schema) }
}

/// The full-text file's tables. The FTS5 tables are contentless: the text
/// itself is in `post_text` (posts) and the index's `notes`, and removing a row
/// means giving back the values it was added with.
enum FullTextSchema {
    static func create(_ db: Database, schema: String) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(schema).meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for table in ["posts_fts", "notes_fts"] {
            try db.execute(sql: """
                CREATE VIRTUAL TABLE IF NOT EXISTS \(schema).\(table) USING fts5(title, body, grams, meta, content='',
                    tokenize='unicode61 remove_diacritics 2')
                """)
        }
        // The text of every post (rowid = the posts table's): here rather than in the
        // index, so a build from scratch writes it on the same thread as the full text.
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(schema).post_text(rowid INTEGER PRIMARY KEY, body TEXT NOT NULL, blocks TEXT)")
        try db.execute(sql: "INSERT OR REPLACE INTO \(schema).meta(key, value) VALUES('schema', ?)", arguments: [IndexSchema.version])
    }

    static func clear(_ db: Database, schema: String) throws {
        try db.execute(sql: "INSERT INTO \(schema).posts_fts(posts_fts) VALUES('delete-all')")
        try db.execute(sql: "INSERT INTO \(schema).notes_fts(notes_fts) VALUES('delete-all')")
        try db.execute(sql: "DELETE FROM \(schema).post_text")
    }
}

/// Process-wide SQLite settings, made once before the first database opens.
enum SQLiteProcess {
    private static let prepared: Bool = {
        // Without this, two threads using SQLite wait on one mutex at every allocation.
        let quiet = weft_sqlite_disable_memstatus() == 0
        // The same tokens as unicode61, at a fraction of its cost outside ASCII.
        return weft_sqlite_register_unicode61_everywhere() == 0 && quiet
    }()

    static func prepare() { _ = prepared }
}
