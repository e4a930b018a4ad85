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
    private let insertEvent: Statement
    private let touchMember: Statement
    private let insertPost: Statement
    private let insertFTS: Statement
    private let bumpThread: Statement
    private let insertStatus: Statement
    private let hasLaterEvents: Statement

    init(_ db: Database) throws {
        self.db = db
        insertEvent = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO events(id, stamp, author, board, type, key, journal, line, text)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        touchMember = try db.cachedStatement(sql: """
            INSERT INTO members(handle, first_seen) VALUES(?, ?)
            ON CONFLICT(handle) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)
            """)
        insertPost = try db.cachedStatement(sql: """
            INSERT INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title, body, blocks, mentions)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFTS = try db.cachedStatement(sql: "INSERT INTO posts_fts(rowid, title, body) VALUES(?, ?, ?)")
        bumpThread = try db.cachedStatement(sql: """
            UPDATE threads SET replies = replies + 1, last_activity = max(last_activity, ?) WHERE id = ? AND board = ?
            """)
        insertStatus = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO statuses(id, board, author, at, kind, text) VALUES(?, ?, ?, ?, ?, ?)
            """)
        hasLaterEvents = try db.cachedStatement(sql: "SELECT count(*) FROM events WHERE key = ?")
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
        case .threadDecided(let p): "decision:\(p.thread)"
        case .threadReopened(let p): "decision:\(p.thread)"
        case .memberProfile: "member:\(e.author)"
        }
    }

    /// Applies one event; false when its id was already applied.
    mutating func apply(_ stored: StoredEvent, text: String, journal: String, line: Int) throws -> Bool {
        let e = stored.event
        let key = Self.key(stored)
        let at = e.at.iso8601
        try insertEvent.execute(arguments: [e.id.rawValue, at + e.id.rawValue, stored.author.rawValue,
                                            stored.board?.rawValue, e.type, key, journal, line, text])
        guard db.changesCount > 0 else { return false }
        try touchMember.execute(arguments: [stored.author.rawValue, at])
        switch e.payload {
        case .threadCreated(let p):
            guard let board = stored.board else { return true }
            if try isOnlyEvent(key) {
                let body = Blocks.join(p.blocks)
                try insertPost.execute(arguments: [e.id.rawValue, 0, board.rawValue, e.id.rawValue, nil, nil,
                                                   stored.author.rawValue, at, p.title, body, Self.json(p.blocks),
                                                   Self.mentions(p.mentions)])
                try insertFTS.execute(arguments: [db.lastInsertedRowID, p.title, body])
                try insertThreadRow(id: e.id.rawValue, board: board.rawValue, author: stored.author.rawValue,
                                    createdAt: at, title: p.title, redacted: false)
            } else {
                try refoldPost(e.id.rawValue)
            }
        case .commentCreated(let p):
            guard let board = stored.board else { return true }
            if try isOnlyEvent(key) {
                try insertPost.execute(arguments: [e.id.rawValue, 1, board.rawValue, p.thread.rawValue, p.parent?.rawValue,
                                                   p.anchor, stored.author.rawValue, at, nil, p.body, nil,
                                                   Self.mentions(p.mentions)])
                try insertFTS.execute(arguments: [db.lastInsertedRowID, nil, p.body])
            } else {
                try refoldPost(e.id.rawValue)
            }
            try bumpThread.execute(arguments: [at, p.thread.rawValue, board.rawValue])
        case .postEdited(let p):
            try refoldPost(p.target.rawValue)
        case .postRedacted(let p):
            try refoldPost(p.target.rawValue)
        case .reactionAdded(let p), .reactionRemoved(let p):
            try refoldReactions(p.target.rawValue)
        case .statusPosted(let p):
            try insertStatus.execute(arguments: [e.id.rawValue, stored.board?.rawValue, stored.author.rawValue, at,
                                                 p.kind.rawValue, p.text])
        case .followupRequested:
            try refoldFollowUp(e.id.rawValue)
        case .followupResolved(let p):
            try refoldFollowUp(p.followup.rawValue)
        case .threadDecided(let p):
            try refoldDecision(p.thread.rawValue)
        case .threadReopened(let p):
            try refoldDecision(p.thread.rawValue)
        case .boardCreated, .boardUpdated:
            if let board = stored.board { try refoldBoard(board.rawValue) }
        case .memberProfile:
            try refoldMember(stored.author.rawValue)
        }
        return true
    }

    private func isOnlyEvent(_ key: String) throws -> Bool {
        try Int.fetchOne(hasLaterEvents, arguments: [key]) == 1
    }

    /// Every stored event of one entity, as a small forum.
    private func fold(_ keys: [String]) throws -> Forum {
        var events: [StoredEvent] = []
        for key in keys {
            let rows = try Row.fetchAll(db, sql: "SELECT text, author, board FROM events WHERE key = ?", arguments: [key])
            for row in rows {
                let text: String = row["text"]
                guard let event = try? EventCodec.decode(Array(text.utf8)),
                      let author = try? Handle(row["author"] as String) else { continue }
                let board = (row["board"] as String?).flatMap { try? BoardSlug($0) }
                events.append(StoredEvent(event: event, author: author, board: board))
            }
        }
        return Forum(events: events)
    }

    private func refoldPost(_ id: String) throws {
        guard let eid = EventID(id) else { return }
        let forum = try fold(["post:\(id)"])
        let old = try Row.fetchOne(db, sql: "SELECT rowid, title, body FROM posts WHERE id = ?", arguments: [id])
        if let old {
            try db.execute(sql: "INSERT INTO posts_fts(posts_fts, rowid, title, body) VALUES('delete', ?, ?, ?)",
                           arguments: [old["rowid"] as Int64, old["title"] as String?, old["body"] as String])
        }
        if let t = forum.threads[eid] {
            let body = t.redacted ? "" : Blocks.join(t.blocks)
            let title: String? = t.redacted ? nil : t.title
            try upsertPost(id: id, kind: 0, board: t.board.rawValue, thread: id, parent: nil, anchor: nil,
                           author: t.author.rawValue, createdAt: t.createdAt.iso8601, title: title, body: body,
                           blocks: t.redacted ? nil : Self.json(t.blocks), mentions: Self.mentions(t.mentions),
                           editedAt: t.editedAt?.iso8601, redacted: t.redacted)
            try insertThreadRow(id: id, board: t.board.rawValue, author: t.author.rawValue,
                                createdAt: t.createdAt.iso8601, title: t.title, redacted: t.redacted)
        } else if let c = forum.comments[eid] {
            try upsertPost(id: id, kind: 1, board: c.board.rawValue, thread: c.thread.rawValue, parent: c.parent?.rawValue,
                           anchor: c.anchor, author: c.author.rawValue, createdAt: c.createdAt.iso8601, title: nil,
                           body: c.redacted ? "" : c.body, blocks: nil, mentions: Self.mentions(c.mentions),
                           editedAt: c.editedAt?.iso8601, redacted: c.redacted)
        }
    }

    private func upsertPost(id: String, kind: Int, board: String, thread: String, parent: String?, anchor: String?,
                            author: String, createdAt: String, title: String?, body: String, blocks: String?,
                            mentions: String?, editedAt: String?, redacted: Bool) throws {
        try db.execute(sql: """
            INSERT INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title, body, blocks, mentions, edited_at, redacted)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, blocks = excluded.blocks,
                edited_at = excluded.edited_at, redacted = excluded.redacted
            """, arguments: [id, kind, board, thread, parent, anchor, author, createdAt, title, body, blocks, mentions,
                             editedAt, redacted])
        let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM posts WHERE id = ?", arguments: [id]) ?? 0
        if !redacted {
            try insertFTS.execute(arguments: [rowid, title, body])
        }
    }

    /// (Re)writes a thread's list row with aggregates computed from what is indexed.
    private func insertThreadRow(id: String, board: String, author: String, createdAt: String, title: String,
                                 redacted: Bool) throws {
        let agg = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, max(created_at) AS last FROM posts WHERE thread = ? AND board = ? AND kind = 1
            """, arguments: [id, board])
        let replies: Int = agg?["n"] ?? 0
        let last: String? = agg?["last"]
        let decided = try Bool.fetchOne(db, sql: "SELECT 1 FROM decisions WHERE thread = ?", arguments: [id]) ?? false
        try db.execute(sql: """
            INSERT INTO threads(id, board, author, created_at, title, last_activity, replies, decided, redacted)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, redacted = excluded.redacted
            """, arguments: [id, board, author, createdAt, title, max(createdAt, last ?? createdAt), replies, decided, redacted])
    }

    private func refoldReactions(_ target: String) throws {
        guard let eid = EventID(target) else { return }
        let forum = try fold(["react:\(target)"])
        try db.execute(sql: "DELETE FROM reactions WHERE target = ?", arguments: [target])
        var position = 0
        for (emoji, people) in forum.reactions[eid] ?? [:] {
            for who in people {
                try db.execute(sql: "INSERT INTO reactions(target, emoji, author, position) VALUES(?, ?, ?, ?)",
                               arguments: [target, emoji, who.rawValue, position])
                position += 1
            }
        }
    }

    private func refoldFollowUp(_ id: String) throws {
        guard let eid = EventID(id) else { return }
        let forum = try fold(["fu:\(id)"])
        guard let f = forum.followUps[eid] else { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO followups(id, board, target, requester, assignee, due, note, state, reason, created_at)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, f.board.rawValue, f.target.rawValue, f.requester.rawValue, f.assignee.rawValue,
                             f.due.iso8601, f.note, f.state.rawValue, f.reason, f.createdAt.iso8601])
    }

    private func refoldDecision(_ thread: String) throws {
        guard let eid = EventID(thread) else { return }
        let forum = try fold(["decision:\(thread)"])
        let latest = forum.decisionHistory[eid]?.last
        try db.execute(sql: "DELETE FROM decisions WHERE thread = ?", arguments: [thread])
        if let d = latest, !d.isReopening {
            try db.execute(sql: "INSERT INTO decisions(thread, id, comment, summary, author, at) VALUES(?, ?, ?, ?, ?, ?)",
                           arguments: [thread, d.id.rawValue, d.comment?.rawValue, d.summary, d.author.rawValue, d.at.iso8601])
        }
        try db.execute(sql: "UPDATE threads SET decided = ? WHERE id = ?", arguments: [latest.map { !$0.isReopening } ?? false, thread])
    }

    private func refoldBoard(_ slug: String) throws {
        guard let s = try? BoardSlug(slug) else { return }
        let forum = try fold(["board:\(slug)"])
        guard let b = forum.boards[s] else { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO boards(slug, title, purpose, visibility, created_at, created_by) VALUES(?, ?, ?, ?, ?, ?)
            """, arguments: [slug, b.title, b.purpose, b.visibility.rawValue, b.createdAt.iso8601, b.createdBy.rawValue])
    }

    private func refoldMember(_ handle: String) throws {
        guard let h = try? Handle(handle) else { return }
        let forum = try fold(["member:\(handle)"])
        guard let m = forum.members[h] else { return }
        try db.execute(sql: "UPDATE members SET name = ?, tz = ?, hours = ? WHERE handle = ?",
                       arguments: [m.name, m.timeZone, m.hours?.description, handle])
    }

    static func json(_ blocks: [Block]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return (try? e.encode(blocks)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func mentions(_ handles: [Handle]?) -> String? {
        guard let h = handles, !h.isEmpty else { return nil }
        return h.map(\.rawValue).joined(separator: " ")
    }
}
