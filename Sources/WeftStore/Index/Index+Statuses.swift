import GRDB
import WeftCore

/// What the Status screen shows: updates filtered by person, board and kind.
public struct StatusFilter: Hashable, Sendable {
    public var author: Handle?
    public var board: BoardSlug?
    public var kind: StatusKind?

    public init(author: Handle? = nil, board: BoardSlug? = nil, kind: StatusKind? = nil) {
        self.author = author
        self.board = board
        self.kind = kind
    }

    public var isEmpty: Bool { author == nil && board == nil && kind == nil }
}

extension Index {
    /// Status updates matching `filter`, newest first.
    public func statuses(_ filter: StatusFilter, limit: Int = 200) throws(StoreError) -> [StatusUpdate] {
        try read { db in
            var sql = "SELECT * FROM statuses WHERE 1"
            var args: [(any DatabaseValueConvertible)?] = []
            if let author = filter.author { sql += " AND author = ?"; args.append(author.rawValue) }
            if let board = filter.board { sql += " AND board = ?"; args.append(board.rawValue) }
            if let kind = filter.kind { sql += " AND kind = ?"; args.append(kind.rawValue) }
            sql += " ORDER BY at DESC, id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap(Self.status)
        }
    }

    /// Each person's most recent status update.
    public func latestStatuses() throws(StoreError) -> [StatusUpdate] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM statuses s WHERE NOT EXISTS (
                    SELECT 1 FROM statuses n WHERE n.author = s.author AND (n.at > s.at OR (n.at = s.at AND n.id > s.id)))
                ORDER BY s.author
                """).compactMap(Self.status)
        }
    }
}
