import Foundation
import GRDB
import WeftCore

/// Applies events to the index inside a catch-up transaction.
///
/// The result never depends on the order events arrive in: creations insert
/// directly, and anything that changes an entity later (edits, redactions,
/// reactions, follow-up states, decisions, profiles, board updates) re-folds that
/// one entity from all its events with WeftCore's ``Forum``, the reference rules.
struct EventApplier {
    let db: Database
    let root: String
    /// When true (a build from scratch), the full-text index is filled once at the
    /// end with FTS5's 'rebuild', which is much faster than row by row.
    let deferFullText: Bool
    /// True when the index was empty when this catch-up began: then "has this key
    /// been seen?" is answered from memory instead of a query.
    let firstBuild: Bool
    var journalPaths: [Int64: String] = [:]
    var seenKeys: Set<String> = []
    /// Earliest write per author, flushed once by ``finish()``.
    var firstSeen: [String: String] = [:]
    /// Whether the event being applied is the only one of its entity.
    var alone = true
    /// Where the line being applied is.
    var location: (journal: Int64, offset: Int64, length: Int) = (0, 0, 0)
    let insertEvent: FastStatement
    let insertPost: FastStatement
    let insertFTS: FastStatement
    let bumpThread: FastStatement
    let insertStatus: FastStatement
    let countKey: FastStatement

    init(_ db: Database, root: String, deferFullText: Bool = false) throws {
        self.db = db
        self.root = root
        self.deferFullText = deferFullText
        firstBuild = deferFullText
        insertEvent = try FastStatement(db, """
            INSERT OR IGNORE INTO events(id, stamp, author, board, type, key, journal, line, offset, length)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPost = try FastStatement(db, """
            INSERT OR IGNORE INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title, body, blocks,
                mentions, journal, offset, length, grams, meta)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFTS = try FastStatement(db, "INSERT INTO posts_fts(rowid, title, body, grams, meta) VALUES(?, ?, ?, ?, ?)")
        bumpThread = try FastStatement(db, """
            UPDATE threads SET replies = replies + 1, last_activity = max(last_activity, ?) WHERE id = ? AND board = ?
            """)
        insertStatus = try FastStatement(db, """
            INSERT OR IGNORE INTO statuses(id, board, author, at, kind, text) VALUES(?, ?, ?, ?, ?, ?)
            """)
        countKey = try FastStatement(db, "SELECT count(*) FROM events WHERE key = ?")
        if firstBuild {
            for (name, _) in IndexSchema.bulkIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        }
    }

    /// Writes what was kept in memory during the catch-up, and after a first build
    /// the threads table and the full-text index in one pass each.
    mutating func finish() throws {
        if firstBuild {
            try refoldPins(board: nil)
            try db.execute(sql: """
                INSERT INTO threads(id, board, author, created_at, title, last_activity, replies, decided, redacted, pinned)
                SELECT t.id, t.board, t.author, t.created_at, coalesce(t.title, ''),
                    max(t.created_at, coalesce(c.last, t.created_at)), coalesce(c.n, 0),
                    EXISTS(SELECT 1 FROM decisions d WHERE d.thread = t.id), t.redacted,
                    EXISTS(SELECT 1 FROM pins n WHERE n.thread = t.id AND n.board = t.board)
                FROM posts t LEFT JOIN (SELECT thread, board, count(*) AS n, max(created_at) AS last FROM posts
                    WHERE kind = 1 GROUP BY thread, board) c ON c.thread = t.id AND c.board = t.board
                WHERE t.kind = 0
                """)
            // Redacted posts have an empty body, so indexing every row is right.
            try db.execute(sql: "INSERT INTO posts_fts(posts_fts) VALUES('rebuild')")
            try finishSearch()
            for (_, sql) in IndexSchema.bulkIndexes { try db.execute(sql: sql) }
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO members(handle, first_seen) VALUES(?, ?)
            ON CONFLICT(handle) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)
            """)
        for (handle, at) in firstSeen { try upsert.execute(arguments: [handle, at]) }
    }

    /// The entity an event belongs to, for re-folding.
    static func key(_ e: StoredEvent) -> String {
        switch e.event.payload {
        case .boardCreated, .boardUpdated: "board:\(e.board?.rawValue ?? "")"
        case .threadCreated, .commentCreated: "post:\(e.event.id)"
        case .postEdited(let p): "post:\(p.target)"
        case .postRedacted(let p): "post:\(p.target)"
        case .reactionAdded(let p), .reactionRemoved(let p): "react:\(p.target)"
        case .statusPosted: "status:\(e.event.id)"
        case .followupRequested: "fu:\(e.event.id)"
        case .followupResolved(let p): "fu:\(p.followup)"
        case .followupRescheduled(let p): "fu:\(p.followup)"
        case .threadDecided(let p): "decision:\(p.thread)"
        case .threadReopened(let p): "decision:\(p.thread)"
        case .memberProfile: "member:\(e.author)"
        case .access: "access:\(e.board?.rawValue ?? "")"
        case .threadPinned(let p), .threadUnpinned(let p): "pin:\(p.thread)"
        case .checkinScheduled: "checkin:\(e.event.id)"
        case .checkinPaused(let p), .checkinResumed(let p), .checkinDeleted(let p): "checkin:\(p.checkin)"
        }
    }

    /// Applies one event; false when its id was already applied.
    mutating func apply(_ stored: StoredEvent, journal: Int64, line: Int, offset: Int64, length: Int) throws -> Bool {
        let e = stored.event
        let key = Self.key(stored)
        let at = e.at.iso8601
        let id = e.id.rawValue
        let author = stored.author.rawValue
        location = (journal, offset, length)
        let creates: Bool
        switch e.payload {
        case .threadCreated, .commentCreated, .statusPosted: creates = true
        default: creates = false
        }
        if !creates {
            insertEvent.bind(1, id)
            insertEvent.bind(2, at + id)
            insertEvent.bind(3, author)
            insertEvent.bind(4, stored.board?.rawValue)
            insertEvent.bind(5, e.type)
            insertEvent.bind(6, key)
            insertEvent.bind(7, journal)
            insertEvent.bind(8, line)
            insertEvent.bind(9, offset)
            insertEvent.bind(10, length)
            try insertEvent.run()
            guard db.changesCount > 0 else { return false }
        }
        if firstBuild {
            alone = seenKeys.insert(key).inserted
        } else {
            countKey.bind(1, key)
            alone = try countKey.run() == (creates ? 0 : 1)
        }
        if creates && !alone, case .statusPosted = e.payload {
            alone = true
        }
        if creates && !alone, try postExists(id) { return false }
        let applied = try applyPayload(stored, key: key, at: at, id: id, author: author)
        if applied {
            if let seen = firstSeen[author] {
                if at < seen { firstSeen[author] = at }
            } else {
                firstSeen[author] = at
            }
        }
        return applied
    }

    func postExists(_ id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM posts WHERE id = ?"), arguments: [id]) ?? false
    }

    /// Applies the payload; false when a creation turned out to be a duplicate.
    private mutating func applyPayload(_ stored: StoredEvent, key: String, at: String, id: String, author: String) throws -> Bool {
        let e = stored.event
        switch e.payload {
        case .threadCreated(let p):
            guard let board = stored.board else { return true }
            if alone {
                let body = Blocks.join(p.blocks)
                guard try addPost(id: id, kind: 0, board: board.rawValue, thread: id, parent: nil, anchor: nil, author: author,
                            at: at, title: p.title, body: body, blocks: Self.json(p.blocks), mentions: Self.mentions(p.mentions))
                else { return false }
                try insertThreadRow(id: id, board: board.rawValue, author: author, createdAt: at, title: p.title, redacted: false)
            } else {
                try refoldPost(id, with: stored)
            }
        case .commentCreated(let p):
            guard let board = stored.board else { return true }
            if alone {
                guard try addPost(id: id, kind: 1, board: board.rawValue, thread: p.thread.rawValue, parent: p.parent?.rawValue,
                                  anchor: p.anchor, author: author, at: at, title: nil, body: p.body, blocks: nil,
                                  mentions: Self.mentions(p.mentions))
                else { return false }
            } else {
                try refoldPost(id, with: stored)
            }
            if !firstBuild {
                bumpThread.bind(1, at)
                bumpThread.bind(2, p.thread.rawValue)
                bumpThread.bind(3, board.rawValue)
                try bumpThread.run()
            }
        case .statusPosted(let p):
            insertStatus.bind(1, id)
            insertStatus.bind(2, stored.board?.rawValue)
            insertStatus.bind(3, author)
            insertStatus.bind(4, at)
            insertStatus.bind(5, p.kind.rawValue)
            insertStatus.bind(6, p.text)
            try insertStatus.run()
            if db.changesCount == 0 { return false }
            if p.checkin != nil { try linkAnswer(id, checkin: p.checkin, occurrence: p.occurrence) }
            try addStatusNote(id: id, board: stored.board?.rawValue, author: author, at: at, text: p.text)
        case .postEdited(let p):
            try refoldPost(p.target.rawValue, with: stored)
        case .postRedacted(let p):
            try refoldPost(p.target.rawValue, with: stored)
        case .reactionAdded(let p), .reactionRemoved(let p):
            try refoldReactions(p.target.rawValue, with: stored)
        case .followupRequested:
            try refoldFollowUp(e.id.rawValue, with: stored)
        case .followupResolved(let p):
            try refoldFollowUp(p.followup.rawValue, with: stored)
        case .followupRescheduled(let p):
            try refoldFollowUp(p.followup.rawValue, with: stored)
        case .threadDecided(let p):
            try logDecision(stored, thread: p.thread, comment: p.comment, summary: p.summary, reopening: false)
            try refoldDecision(p.thread.rawValue, with: stored)
        case .threadReopened(let p):
            try logDecision(stored, thread: p.thread, comment: nil, summary: p.reason, reopening: true)
            try refoldDecision(p.thread.rawValue, with: stored)
        case .checkinScheduled:
            try refoldCheckin(e.id.rawValue, with: stored)
        case .checkinPaused(let p), .checkinResumed(let p), .checkinDeleted(let p):
            try refoldCheckin(p.checkin.rawValue, with: stored)
        case .boardCreated, .boardUpdated:
            if let board = stored.board { try refoldBoard(board.rawValue, with: stored) }
        case .memberProfile:
            try refoldMember(stored.author.rawValue, with: stored)
        case .access:
            break  // recorded in access_events by the catch-up (Index+Access.swift)
        case .threadPinned(let p), .threadUnpinned(let p):
            if let board = stored.board { try refoldPin(p.thread.rawValue, board: board.rawValue, with: stored) }
        }
        return true
    }

    /// Inserts a new post; false when it already exists (a duplicate line).
    func addPost(id: String, kind: Int, board: String, thread: String, parent: String?, anchor: String?,
                         author: String, at: String, title: String?, body: String, blocks: String?, mentions: String?) throws -> Bool {
        for (i, v) in [id, nil, board, thread, parent, anchor, author, at, title, body, blocks, mentions].enumerated() where i != 1 {
            insertPost.bind(Int32(i + 1), v)
        }
        insertPost.bind(2, kind)
        insertPost.bind(13, location.journal)
        insertPost.bind(14, location.offset)
        insertPost.bind(15, location.length)
        let grams = Self.grams(title: title, body: body)
        insertPost.bind(16, grams)
        let meta = SearchMatch.meta(kind: kind, board: board, author: author)
        insertPost.bind(17, meta)
        try insertPost.run()
        if db.changesCount == 0 { return false }
        let rowid = db.lastInsertedRowID
        try addMentions(mentions, post: id, board: board, at: at)
        if !deferFullText {
            try insertFullText(rowid: rowid, title: title, body: body, grams: grams, meta: meta)
        }
        return true
    }

    /// Adds a post's row to the full-text index (`posts_fts`).
    func insertFullText(rowid: Int64, title: String?, body: String, grams: String?, meta: String) throws {
        insertFTS.bind(1, rowid)
        insertFTS.bind(2, title)
        insertFTS.bind(3, body)
        insertFTS.bind(4, grams)
        insertFTS.bind(5, meta)
        try insertFTS.run()
    }

    static func json(_ blocks: [Block]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // deterministic: index check compares text
        return (try? e.encode(blocks)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func mentions(_ handles: [Handle]?) -> String? {
        guard let h = handles, !h.isEmpty else { return nil }
        return h.map(\.rawValue).joined(separator: " ")
    }
}
