import GRDB
import WeftCore

/// A board with the counts the full-screen UI can show at once: unlike
/// ``BoardSummary`` it has no unread count, which needs a pass over every
/// post (see ``Index/unreadCounts(viewer:)``).
public struct BoardActivity: Hashable, Sendable {
    public var board: Board
    public var threads: Int
    public var lastActivity: Timestamp?

    public init(board: Board, threads: Int, lastActivity: Timestamp?) {
        self.board = board
        self.threads = threads
        self.lastActivity = lastActivity
    }
}

/// Where a thread sits in its board's list: the sort key of
/// ``Index/threads(board:viewer:options:from:direction:skip:limit:)`` — pinned
/// first, then the options' sort key, then the id, all descending.
public struct ThreadAnchor: Hashable, Sendable {
    public var pinned: Bool
    public var key: String
    public var id: EventID

    public init(pinned: Bool, key: String, id: EventID) {
        self.pinned = pinned
        self.key = key
        self.id = id
    }

    public init(_ summary: ThreadSummary) {
        self.init(pinned: summary.pinned, key: summary.sortKey, id: summary.id)
    }
}

/// Which way to look from an anchor in a board's list.
public enum ListDirection: Sendable {
    /// Down the list: older activity.
    case down
    /// Up the list: newer activity.
    case up
}

/// Queries for moving around a board without loading all of it: every one
/// walks the `threads_board_activity` index from a position, so its cost does
/// not grow with the board (except ``Index/unreadCounts(viewer:)``, which is
/// one pass over the posts and meant to run once per refresh).
extension Index {
    /// Every board with its thread count and last activity, by slug. Reads only
    /// the boards table and the threads index: cheap at any size.
    public func boardActivity() throws(StoreError) -> [BoardActivity] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.*, (SELECT count(*) FROM threads t WHERE t.board = b.slug) AS nthreads,
                    (SELECT max(last_activity) FROM threads t WHERE t.board = b.slug) AS last
                FROM boards b ORDER BY b.slug
                """)
            return rows.compactMap { row in
                guard let board = Self.board(row) else { return nil }
                return BoardActivity(board: board, threads: row["nthreads"],
                                     lastActivity: (row["last"] as String?).flatMap(Timestamp.init(iso8601:)))
            }
        }
    }

    /// Unread posts per board for `viewer` (posts by others, not redacted, not
    /// marked read), in one pass over the posts. Boards with nothing unread are
    /// absent.
    public func unreadCounts(viewer: Handle) throws(StoreError) -> [BoardSlug: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT board, count(*) AS unread FROM posts p
                WHERE p.author != :me AND p.redacted = 0 AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)
                GROUP BY board
                """, arguments: ["me": viewer.rawValue])
            var counts: [BoardSlug: Int] = [:]
            for row in rows {
                guard let slug = try? BoardSlug(row["board"] as String) else { continue }
                counts[slug] = row["unread"]
            }
            return counts
        }
    }

    /// `limit` threads of `board` in list order (see ``ThreadListOptions``),
    /// found by walking from `anchor` (excluded) `direction`, or from the top
    /// (`.down`) or the bottom (`.up`) of the list when nil, after skipping
    /// `skip`. Walking from a loaded row or from the nearer end keeps the cost
    /// of a page independent of where it is in a long board, unlike an offset
    /// counted from the top.
    public func threads(board: BoardSlug, viewer: Handle, options: ThreadListOptions = .default, from anchor: ThreadAnchor?,
                        direction: ListDirection, skip: Int = 0, limit: Int = 50) throws(StoreError) -> [ThreadSummary] {
        var arguments: StatementArguments = ["me": viewer.rawValue, "board": board.rawValue,
                                             "limit": limit, "skip": max(0, skip)]
        var condition = ""
        if let anchor {
            condition = "AND (t.pinned, \(options.keySQL), t.id) \(direction == .down ? "<" : ">") (:pinned, :key, :id)"
            arguments += ["pinned": anchor.pinned, "key": anchor.key, "id": anchor.id.rawValue]
        }
        let order = direction == .down ? "DESC" : "ASC"
        let rows: [ThreadSummary] = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.*, \(ThreadListOptions.unreadCountSQL) AS unread, \(options.keySQL) AS sortkey
                FROM threads t WHERE t.board = :board \(options.whereSQL) \(condition)
                ORDER BY t.pinned \(order), sortkey \(order), t.id \(order) LIMIT :limit OFFSET :skip
                """, arguments: arguments).compactMap(Self.threadSummary)
        }
        return direction == .down ? rows : rows.reversed()
    }

    /// How many threads of `board` the list shows with `options`.
    public func threadCount(board: BoardSlug, viewer: Handle, options: ThreadListOptions) throws(StoreError) -> Int {
        if options.filters.isEmpty { return try threadCount(board: board) }
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM threads t WHERE t.board = :board AND :me = :me \(options.whereSQL)",
                             arguments: ["board": board.rawValue, "me": viewer.rawValue]) ?? 0
        }
    }

    /// The row of thread `id` in `board`'s list (0 is the top), or nil when the
    /// list has no such thread.
    public func threadPosition(_ id: EventID, board: BoardSlug, viewer: Handle,
                               options: ThreadListOptions = .default) throws(StoreError) -> Int? {
        try read { db in
            let arguments: StatementArguments = ["id": id.rawValue, "board": board.rawValue, "me": viewer.rawValue]
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.pinned, \(options.keySQL) AS sortkey FROM threads t
                WHERE t.id = :id AND t.board = :board \(options.whereSQL)
                """, arguments: arguments)
            else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM threads t WHERE t.board = :board \(options.whereSQL)
                    AND (t.pinned, \(options.keySQL), t.id) > (:pinned, :key, :id)
                """, arguments: arguments + ["pinned": row["pinned"] as Bool, "key": row["sortkey"] as String]) ?? 0
        }
    }

    /// The nearest thread of `board` with posts `viewer` has not read, looking
    /// `direction` from `anchor` (from the top of the list when nil), and its
    /// row in the list. `including` also considers the anchor's own thread.
    public func unreadThread(board: BoardSlug, viewer: Handle, options: ThreadListOptions = .default, from anchor: ThreadAnchor?,
                             direction: ListDirection, including: Bool = false) throws(StoreError) -> (thread: ThreadSummary, position: Int)? {
        var arguments: StatementArguments = ["me": viewer.rawValue, "board": board.rawValue]
        var condition = ""
        if let anchor {
            let comparison: String
            switch direction {
            case .down: comparison = including ? "<=" : "<"
            case .up: comparison = including ? ">=" : ">"
            }
            condition = "AND (t.pinned, \(options.keySQL), t.id) \(comparison) (:pinned, :key, :id)"
            arguments += ["pinned": anchor.pinned, "key": anchor.key, "id": anchor.id.rawValue]
        } else if direction == .up {
            return nil
        }
        let order = direction == .down ? "DESC" : "ASC"
        let found: ThreadSummary? = try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT t.*, \(ThreadListOptions.unreadCountSQL) AS unread, \(options.keySQL) AS sortkey
                FROM threads t
                WHERE t.board = :board \(options.whereSQL) \(condition) AND EXISTS (SELECT 1 \(ThreadListOptions.unreadPostsSQL))
                ORDER BY t.pinned \(order), sortkey \(order), t.id \(order) LIMIT 1
                """, arguments: arguments)
            return row.flatMap(Self.threadSummary)
        }
        guard let found, let position = try threadPosition(found.id, board: board, viewer: viewer, options: options)
        else { return nil }
        return (found, position)
    }
}

/// How far the index has read the journals. It changes whenever anyone's
/// catch-up applies new lines — this process's or another one's sharing the
/// index — so comparing two versions tells whether what is shown may be stale.
public struct IndexVersion: Hashable, Sendable {
    public var journals: Int
    public var bytes: Int64

    public init(journals: Int, bytes: Int64) {
        self.journals = journals
        self.bytes = bytes
    }
}

extension Index {
    /// The current ``IndexVersion``: one small aggregate over the journals table.
    public func version() throws(StoreError) -> IndexVersion {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, total(offset) AS bytes FROM journals")
            return IndexVersion(journals: row?["n"] ?? 0, bytes: Int64((row?["bytes"] as Double?) ?? 0))
        }
    }
}
