import Foundation
import GRDB
import WeftCore

extension IndexSchema {
    /// Every access event read (board creations, roles, board membership and
    /// visibility), whether or not the viewer may read its board, with its line:
    /// they decide which boards the index holds.
    static let accessStatements = [
        """
        CREATE TABLE access_events(id TEXT PRIMARY KEY, author TEXT NOT NULL, board TEXT, journal TEXT NOT NULL,
            line INTEGER NOT NULL, text TEXT NOT NULL) WITHOUT ROWID
        """,
    ]
    static let accessTables = ["access_events"]
}

extension Index {
    /// Roles, boards' visibility and members, as the access events say (see ``SpaceAccess``).
    public func access() throws(StoreError) -> SpaceAccess {
        try read { db in try Self.access(db, space: space).access }
    }

    /// THE rule for the viewer of this index: may they read `board`? The index
    /// holds nothing of boards they may not, so queries need no filter; this is
    /// for commands that must say why (and for helpers that want to ask).
    public func canRead(_ board: BoardSlug) throws(StoreError) -> Bool {
        guard let viewer else { return true }
        return try access().canRead(board, viewer: viewer)
    }

    static func access(_ db: Database, space: Space) throws -> (access: SpaceAccess, lines: [String: (String, Int)]) {
        var events: [StoredEvent] = []
        var lines: [String: (String, Int)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM access_events") {
            guard let event = try? EventCodec.decode(Array((row["text"] as String).utf8)),
                  let author = try? Handle(row["author"] as String) else { continue }
            let board = (row["board"] as String?).flatMap { try? BoardSlug($0) }
            events.append(StoredEvent(event: event, author: author, board: board))
            lines[event.id.rawValue] = (row["journal"], row["line"])
        }
        return (SpaceAccess(creator: space.creator, events: events), lines)
    }

    /// The boards this index must not hold.
    func hiddenBoards(_ db: Database) throws -> Set<BoardSlug> {
        guard let viewer else { return [] }
        return try Self.access(db, space: space).access.hiddenBoards(for: viewer)
    }

    static func recordAccessEvent(_ db: Database, _ stored: StoredEvent, journal: String, line: Int, text: String) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO access_events(id, author, board, journal, line, text) VALUES(?, ?, ?, ?, ?, ?)
            """).execute(arguments: [stored.event.id.rawValue, stored.author.rawValue, stored.board?.rawValue, journal, line, text])
    }

    /// Reports access events that broke a rule, and journals rejected for their owner.
    func recordAccessProblems(_ db: Database, rejected: [(path: String, reason: String)]) throws {
        let (access, lines) = try Self.access(db, space: space)
        let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO problems(journal, line, reason) VALUES(?, ?, ?)")
        for (id, reason) in access.ignored {
            guard let (journal, line) = lines[id.rawValue] else { continue }
            try insert.execute(arguments: [journal, line, reason])
        }
        for r in rejected { try insert.execute(arguments: [r.path, 0, r.reason]) }
        // A board's visibility is the latest accepted board.created / board.visibility.
        let update = try db.cachedStatement(sql: "UPDATE boards SET visibility = ? WHERE slug = ? AND visibility != ?")
        for (slug, b) in access.boards {
            try update.execute(arguments: [b.visibility.rawValue, slug.rawValue, b.visibility.rawValue])
        }
    }
}
