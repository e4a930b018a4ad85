import GRDB
import WeftCore

/// A decision (or a reopening) as the Decisions screen and `weft decision list` show it.
public struct DecisionEntry: Hashable, Sendable {
    public var decision: Decision
    public var board: BoardSlug
    public var threadTitle: String
    /// The decided comment's text, when the decision is a comment.
    public var commentText: String?
    public var commentAuthor: Handle?
    /// Whether this is the thread's standing decision (not reopened or replaced since).
    public var isCurrent: Bool

    /// What was decided, in words: the summary, else the decided comment.
    public var text: String { decision.summary ?? commentText ?? "" }
}

extension Index {
    /// Decisions across the boards `viewer` can read, newest first. By default only
    /// standing decisions; `history` adds replaced ones and reopenings.
    public func decisions(viewer: Handle, board: BoardSlug? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
                          history: Bool = false, limit: Int = 200) throws(StoreError) -> [DecisionEntry] {
        let readable = try readableBoards(viewer: viewer)
        return try read { db in
            var sql = """
                SELECT l.*, t.title AS ttitle, t.board AS tboard, c.rowid AS crowid, c.author AS cauthor, c.redacted AS credacted,
                    EXISTS(SELECT 1 FROM decisions d WHERE d.thread = l.thread AND d.id = l.id) AS current
                FROM decision_log l JOIN threads t ON t.id = l.thread AND t.board = l.board
                LEFT JOIN posts c ON c.id = l.comment AND c.thread = l.thread
                WHERE 1
                """
            var args: [(any DatabaseValueConvertible)?] = []
            if !history { sql += " AND l.reopening = 0 AND EXISTS(SELECT 1 FROM decisions d WHERE d.thread = l.thread AND d.id = l.id)" }
            if let board { sql += " AND l.board = ?"; args.append(board.rawValue) }
            if let since { sql += " AND l.at >= ?"; args.append(since.iso8601) }
            if let until { sql += " AND l.at < ?"; args.append(until.iso8601) }
            sql += " ORDER BY l.at DESC, l.id DESC LIMIT ?"
            args.append(limit)
            // The decided comment's text is looked up for the rows kept, not for every row sorted.
            sql = """
                SELECT q.*, \(Index.postBody("c")) AS cbody FROM (\(sql)) q LEFT JOIN posts c ON c.rowid = q.crowid
                ORDER BY q.at DESC, q.id DESC
                """
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap { row -> DecisionEntry? in
                guard let entry = Self.decisionEntry(row), readable.contains(entry.board) else { return nil }
                return entry
            }
        }
    }

    /// A thread's decisions and reopenings, oldest first.
    public func decisionHistory(thread: EventID) throws(StoreError) -> [Decision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decision_log WHERE thread = ? ORDER BY at, id", arguments: [thread.rawValue])
                .compactMap(Self.decision)
        }
    }

    static func decision(_ row: Row) -> Decision? {
        guard let id = EventID(row["id"]), let thread = EventID(row["thread"]), let who = try? Handle(row["author"] as String),
              let at = Timestamp(iso8601: row["at"]) else { return nil }
        return Decision(id: id, thread: thread, comment: (row["comment"] as String?).flatMap(EventID.init), summary: row["summary"],
                        author: who, at: at, isReopening: row["reopening"])
    }

    static func decisionEntry(_ row: Row) -> DecisionEntry? {
        guard let d = decision(row), let title = row["ttitle"] as String?,
              let board = try? BoardSlug(row["tboard"] as String) else { return nil }
        let redacted = (row["credacted"] as Bool?) ?? false
        return DecisionEntry(decision: d, board: board, threadTitle: title, commentText: redacted ? nil : row["cbody"],
                             commentAuthor: (row["cauthor"] as String?).flatMap { try? Handle($0) },
                             isCurrent: row["current"])
    }
}
