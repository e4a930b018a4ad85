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
    /// A thread's blocks, as `post_text.blocks` holds them.
    var blocks: String? = nil
    var searchable = true
    /// The row's grams when made beforehand (the same bytes
    /// ``SearchText/grams(title:body:into:)`` gives for `title` and `body`).
    var grams: [UInt8]? = nil
}

/// The computed columns of full-text rows. They depend only on the row, so a
/// row is removed with the same values it was added with. (Changing how they
/// are computed changes the index: bump `IndexSchema.version`.)
struct FullTextColumns {
    /// The grams of the row being bound; their memory is reused.
    private var grams: [UInt8] = []
    /// The meta words of each kind, board and author seen (a space has few).
    private var metas: [MetaKey: [UInt8]] = [:]

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
        if let made = row.grams {
            if made.isEmpty { statement.bind(4, nil as String?) } else { statement.bind(4, utf8: made) }
        } else if SearchText.grams(title: row.title, body: body, into: &grams) {
            statement.bind(4, utf8: grams)
        } else {
            statement.bind(4, nil as String?)
        }
        let key = MetaKey(kind: row.kind, board: row.board, author: row.author)
        if let meta = metas[key] {
            statement.bind(5, utf8: meta)
        } else {
            var meta: [UInt8] = []
            SearchMatch.meta(kind: row.kind, board: row.board, author: row.author, into: &meta)
            if metas.count < 4096 { metas[key] = meta }
            statement.bind(5, utf8: meta)
        }
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

    func send(_ row: FullTextRow) throws {
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

/// Fills a new full-text file on its own thread during a build from scratch:
/// the applier hands over rows in batches and goes on with the index, so the
/// two files are written at the same time on two cores.
final class FullTextBuilder: @unchecked Sendable {
    private enum Op {
        case row(FullTextRow)
        case clear
        /// Writes the rows that wait for rowid order (``FullTextOrder``).
        case settle
    }

    private let queue: DatabaseQueue
    let path: String
    private let condition = NSCondition()
    // Guarded by `condition`.
    /// Batches sent and not yet taken, each handed over whole (appending their
    /// rows one by one would copy each, retaining every string in it).
    private var pending: [[Op]] = []
    /// Batches the thread has written, emptied, for the sender to fill again.
    private var spare: [[Op]] = []
    private var closed = false
    private var failure: (any Error)?
    // Touched only by the thread that sends.
    private var outgoing: [Op] = []
    private static let batchSize = 256
    private let done = DispatchSemaphore(value: 0)

    /// The generation both files of the new index record (see `Index.isCurrent`).
    let generation: String

    /// Creates the file at `path` (which must not exist) and starts its thread.
    init(path: String, generation: String) throws {
        self.path = path
        self.generation = generation
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.inDatabase { db in try FullTextSchema.create(db, schema: "main") }
        DispatchQueue.global().async { [self] in run() }
    }

    func send(_ row: FullTextRow) {
        outgoing.append(.row(row))
        if outgoing.count >= Self.batchSize { flush() }
    }

    func clear() {
        outgoing.append(.clear)
        flush()
    }

    /// Says that the rows sent so far are all the build has for now: the rows
    /// kept back for rowid order are written while the sender goes on.
    func settle() {
        outgoing.append(.settle)
        flush()
    }

    private func flush() {
        condition.lock()
        // An emptied batch the thread gave back, if any: its memory is reused
        // (a new one each time cost this thread page faults).
        var batch = spare.popLast() ?? []
        condition.unlock()
        batch.reserveCapacity(Self.batchSize)
        swap(&batch, &outgoing)
        condition.lock()
        pending.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// Says that nothing more will be sent: the thread writes what is left,
    /// records the generation, commits, closes and syncs the file.
    func close() {
        flush()
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the thread to be done; throws what it met.
    func finish() throws {
        close()
        waitForThread()
        condition.lock()
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Returns once the thread has ended; may be called again (it signals on).
    private func waitForThread() {
        done.wait()
        done.signal()
    }

    /// Stops the thread and leaves the file to be deleted (a failed build).
    func abandon() {
        condition.lock()
        closed = true
        failure = failure ?? StoreError.index("abandoned")
        condition.signal()
        condition.unlock()
        waitForThread()
        try? queue.close()
    }

    private func run() {
        defer { done.signal() }
        do {
            try queue.inDatabase { db in
                try db.execute(sql: "BEGIN")
                // An error must not leave the transaction open: GRDB stops the
                // process at the end of an access that does.
                do {
                    // While building: a large in-memory buffer (fewer, bigger segments) and no
                    // merging on the way (about half the work); merging resumes afterwards.
                    for table in ["posts_fts", "notes_fts"] {
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('hashsize', 16777216)")
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('automerge', 0)")
                    }
                    let writer = try FullTextWriter(db, schema: "main")
                    var order = FullTextOrder()
                    func handle(_ op: consuming Op) throws {
                        switch op {
                        case .row(let r):
                            if let r = try writer.store(r), order.admit(r) { try writer.index(r) }
                        case .clear:
                            order = FullTextOrder()
                            try writer.clear()
                        case .settle:
                            for r in order.drain() { try writer.index(r) }
                            BuildPhases.note("full-text rows all written")
                            // Most likely nothing more comes: write and sync what there is
                            // now, while the sender finishes its own file, so that little
                            // is left to do once it is done.
                            try db.execute(sql: "COMMIT")
                            BuildPhases.note("full-text file committed")
                            try Index.sync(path)
                            BuildPhases.note("full-text file synced")
                            try db.execute(sql: "BEGIN")
                        }
                    }
                    while true {
                        condition.lock()
                        while pending.isEmpty && !closed { condition.wait() }
                        var batches: [[Op]] = []
                        swap(&batches, &pending)
                        // Once closed, nothing more is sent: this batch is the last.
                        let last = closed
                        let stop = failure != nil
                        condition.unlock()
                        if stop {
                            try db.execute(sql: "ROLLBACK")
                            return
                        }
                        // Each op is moved out of its batch, not copied (a copy retains
                        // every string of the row again, strings last touched on the
                        // other core); the emptied batches go back to the sender.
                        var emptied: [[Op]] = []
                        defer {
                            condition.lock()
                            spare.append(contentsOf: emptied)
                            condition.unlock()
                        }
                        batches.reverse()
                        while var batch = batches.popLast() {
                            batch.reverse()
                            while let op = batch.popLast() { try handle(op) }
                            emptied.append(batch)
                        }
                        if last { break }
                    }
                    for r in order.drain() { try writer.index(r) }
                    for table in ["posts_fts", "notes_fts"] {
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('automerge', 4)")
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('generation', ?)", arguments: [generation])
                    try db.execute(sql: "COMMIT")
                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
            try queue.close()
            try Index.sync(path)
            BuildPhases.note("full-text file done")
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
    }

}

/// The order a build from scratch writes full-text rows in. FTS5 collects terms
/// in memory and writes them out whenever a row's rowid is not above the last
/// one's, so each re-folded post (an edit) or decision note, whose rowid is an
/// old one, would cost a write of everything collected so far. Those rows wait
/// here, and are written at the end in rowid order: one such write in all.
struct FullTextOrder {
    private struct Key: Hashable {
        var table: FullTextRow.Table
        var rowid: Int64
    }

    private var last: [FullTextRow.Table: Int64] = [:]
    private var waiting: [Key: [FullTextRow]] = [:]

    /// Whether `row` may be written now; if not, it waits for ``drain()``.
    mutating func admit(_ row: FullTextRow) -> Bool {
        let key = Key(table: row.table, rowid: row.rowid)
        if let l = last[row.table], row.rowid <= l {
            var rows = waiting.removeValue(forKey: key) ?? []
            // Adding a row and removing it again (with the values it was added
            // with, as every removal is) leaves the index as it was.
            if row.delete, let previous = rows.last, !previous.delete {
                rows.removeLast()
            } else {
                rows.append(row)
            }
            waiting[key] = rows
            return false
        }
        last[row.table] = row.rowid
        return true
    }

    /// The rows that waited, table by table in rowid order, each rowid's in the order they came.
    mutating func drain() -> [FullTextRow] {
        let keys = waiting.keys.sorted { ($0.table == .posts ? 0 : 1, $0.rowid) < ($1.table == .posts ? 0 : 1, $1.rowid) }
        defer { waiting = [:] }
        return keys.flatMap { waiting[$0] ?? [] }
    }
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
        weft_sqlite_disable_memstatus() == 0
    }()

    static func prepare() { _ = prepared }
}
