import Foundation
import GRDB

/// A new post's row: the columns `INSERT INTO posts(id, kind, board, thread,
/// parent, anchor, author, created_at, title, mentions, journal, offset, length)` takes.
struct PostRow {
    var id: String
    var kind: Int
    var board: String
    var thread: String
    var parent: String?
    var anchor: String?
    var author: String
    var at: String
    var title: String?
    var mentions: String?
    var journal: Int64
    var offset: Int64
    var length: Int

    static let columns = 13

    /// Binds the row to parameters `first` … `first + 12` of `statement`.
    func bind(to statement: FastStatement, from first: Int32) {
        statement.bind(first, id)
        statement.bind(first + 1, kind)
        statement.bind(first + 2, board)
        statement.bind(first + 3, thread)
        statement.bind(first + 4, parent)
        statement.bind(first + 5, anchor)
        statement.bind(first + 6, author)
        statement.bind(first + 7, at)
        statement.bind(first + 8, title)
        statement.bind(first + 9, mentions)
        statement.bind(first + 10, journal)
        statement.bind(first + 11, offset)
        statement.bind(first + 12, length)
    }
}

/// New posts of a build from scratch, inserted up to 32 rows per statement
/// (``MultiRowInsert``): nine events in ten of a build are new posts, mostly one
/// after another. The posts wait here only while nothing else could read them:
/// the applier writes them out (``flush()``) before any event that may touch the
/// posts table.
///
/// Each post's rowid is chosen when it is added (the next one in the table, as
/// SQLite would choose), so its full-text row can be sent at once; duplicates
/// are found in memory, as `INSERT OR IGNORE` found them in the table.
final class PostBatch {
    private let insert: MultiRowInsert
    private let nextInTable: FastStatement
    private var pending: [PostRow] = []
    /// The rowid of the last post waiting.
    private var lastRowID: Int64 = 0
    /// The ids of the posts added through this batch (the only way a first build
    /// adds a post that no earlier event mentioned).
    private var ids: Set<String> = []
    /// The rowid the next post gets; nil once something else may have added a post.
    private var nextRowID: Int64?

    init(_ db: Database) throws {
        insert = MultiRowInsert(db, "INSERT INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title, "
                                    + "mentions, journal, offset, length)", columns: PostRow.columns)
        nextInTable = try FastStatement(db, "SELECT coalesce(max(rowid), 0) + 1 FROM posts")
        pending.reserveCapacity(MultiRowInsert.maxRows)
    }

    /// Makes room for `count` posts' ids (a set grown step by step hashes them all again).
    func reserve(_ count: Int) { ids.reserveCapacity(count) }

    /// The rowid the post gets, or nil if a post with its id was added before.
    func add(_ row: PostRow) throws -> Int64? {
        guard ids.insert(row.id).inserted else { return nil }
        let rowid = try nextRowID ?? nextInTable.run() ?? 1
        nextRowID = rowid + 1
        lastRowID = rowid
        pending.append(row)
        if pending.count == MultiRowInsert.maxRows { try write() }
        return rowid
    }

    /// Writes the waiting posts, before something that may read or write the posts
    /// table (and add posts of its own: the next rowid is looked up again).
    func flush() throws {
        if !pending.isEmpty { try write() }
        nextRowID = nil
    }

    private func write() throws {
        let n = pending.count
        let statement = try insert.statement(rows: n)
        // By index: each row is read in place, not copied out (a copy retains its strings).
        for i in 0..<n { pending[i].bind(to: statement, from: Int32(i * PostRow.columns + 1)) }
        // A plain INSERT: an id already taken is an error, never a silent skip. SQLite
        // numbers the rows as they were numbered here (the next free rowid, in order),
        // without looking each one up as it would a rowid given.
        try statement.run()
        guard statement.lastRowID == lastRowID else {
            throw StoreError.index("new posts were numbered up to \(statement.lastRowID), expected \(lastRowID)")
        }
        pending.removeAll(keepingCapacity: true)
    }
}
