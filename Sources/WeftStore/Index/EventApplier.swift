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
    /// Where full-text rows go: the attached `fts` schema, or a builder thread.
    let fullText: FullTextSink
    /// True when the index was empty when this catch-up began: then "has this key
    /// been seen?" is answered from memory instead of a query, and the threads
    /// table and the bulk indexes are made once at the end.
    let firstBuild: Bool
    var journalPaths: [Int64: String] = [:]
    /// First build only: the entities that some event changes after it is created
    /// (set by the caller, which has every event at hand), and the events applied
    /// to each so far, so re-folding one needs no query and no journal read.
    var changing: Set<String> = []
    var history: [String: [StoredEvent]] = [:]
    let build = FirstBuildState()
    /// Earliest write per author, flushed once by ``finish()``.
    var firstSeen: [String: String] = [:]
    /// First build only: the journals (by id) that an event was applied from.
    var journalsSeen: [Bool] = []
    /// Whether the event being applied is the only one of its entity.
    var alone = true
    /// First build only: whether a later event changes the entity of the event
    /// being applied (its key is in `changing`).
    var changesLater = false
    /// Where the line being applied is.
    var location: (journal: Int64, offset: Int64, length: Int) = (0, 0, 0)
    let insertEvent: FastStatement
    let insertPost: FastStatement
    /// First build only: new posts, written several to a statement.
    let posts: PostBatch?
    let bumpThread: FastStatement
    let insertStatus: FastStatement
    let countKey: FastStatement
    let insertMention: FastStatement
    let insertReaction: FastStatement
    // Re-folding a post (each edit, and each redaction).
    let selectPostID: FastStatement
    let selectIndexedPost: FastStatement
    let upsertPostRow: FastStatement

    init(_ db: Database, root: String, firstBuild: Bool, fullText: FullTextSink) throws {
        self.db = db
        self.root = root
        self.firstBuild = firstBuild
        self.fullText = fullText
        insertEvent = try FastStatement(db, """
            INSERT OR IGNORE INTO events(id, stamp, author, board, type, key, journal, line, offset, length)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPost = try FastStatement(db, """
            INSERT OR IGNORE INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title,
                mentions, journal, offset, length)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        bumpThread = try FastStatement(db, """
            UPDATE threads SET replies = replies + 1, last_activity = max(last_activity, ?) WHERE id = ? AND board = ?
            """)
        insertStatus = try FastStatement(db, """
            INSERT OR IGNORE INTO statuses(id, board, author, at, kind, text) VALUES(?, ?, ?, ?, ?, ?)
            """)
        countKey = try FastStatement(db, "SELECT count(*) FROM events WHERE key = ?")
        insertMention = try FastStatement(db, "INSERT OR IGNORE INTO mentions(handle, post, board, created_at) VALUES(?, ?, ?, ?)")
        insertReaction = try FastStatement(db, "INSERT INTO reactions(target, emoji, author, position) VALUES(?, ?, ?, ?)")
        selectPostID = try FastStatement(db, "SELECT rowid FROM posts WHERE id = ?")
        selectIndexedPost = try FastStatement(db, "SELECT rowid, kind, board, author, title FROM posts WHERE id = ? AND redacted = 0")
        upsertPostRow = try FastStatement(db, """
            INSERT INTO posts(id, kind, board, thread, parent, anchor, author, created_at, title, mentions,
                edited_at, redacted, journal, offset, length)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, edited_at = excluded.edited_at, redacted = excluded.redacted
            """)
        posts = firstBuild ? try PostBatch(db) : nil
        if firstBuild {
            for (name, _) in IndexSchema.bulkIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        }
    }

    /// Writes what was kept in memory during the catch-up, and after a first build
    /// the threads table in one pass and the bulk indexes.
    mutating func finish() throws {
        try posts?.flush()
        if firstBuild {
            // Pins are folded once the boards are known; a first build knows whether there are any.
            if changing.contains(where: { $0.hasPrefix("pin:") }) { try refoldPins(board: nil) }
            try writeFirstBuildReactions()
            try writeFirstBuildThreads()
            BuildPhases.mark("pins, reactions, threads")
            for (_, sql) in IndexSchema.bulkIndexes { try db.execute(sql: sql) }
            BuildPhases.mark("indexes")
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO members(handle, first_seen) VALUES(?, ?)
            ON CONFLICT(handle) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)
            """)
        for (handle, at) in firstSeen { try upsert.execute(arguments: [handle, at]) }
    }

    /// Whether the event creates a post or a status update: those are deduplicated
    /// by their own tables, not the events table.
    static func creates(_ payload: Payload) -> Bool {
        switch payload {
        case .threadCreated, .commentCreated, .statusPosted: true
        default: false
        }
    }

    /// The entity an event belongs to, for re-folding.
    static func key(_ e: StoredEvent) -> String {
        switch e.event.payload {
        // Concatenation, not interpolation: this runs for every event of a build.
        case .boardCreated, .boardUpdated: "board:" + (e.board?.rawValue ?? "")
        case .threadCreated, .commentCreated: "post:" + e.event.id.rawValue
        case .postEdited(let p): "post:" + p.target.rawValue
        case .postRedacted(let p): "post:" + p.target.rawValue
        case .reactionAdded(let p), .reactionRemoved(let p): "react:" + p.target.rawValue
        case .statusPosted: "status:" + e.event.id.rawValue
        case .followupRequested: "fu:" + e.event.id.rawValue
        case .followupResolved(let p): "fu:" + p.followup.rawValue
        case .followupRescheduled(let p): "fu:" + p.followup.rawValue
        case .threadDecided(let p): "decision:" + p.thread.rawValue
        case .threadReopened(let p): "decision:" + p.thread.rawValue
        case .memberProfile: "member:" + e.author.rawValue
        case .access: "access:" + (e.board?.rawValue ?? "")
        case .threadPinned(let p), .threadUnpinned(let p): "pin:" + p.thread.rawValue
        case .checkinScheduled: "checkin:" + e.event.id.rawValue
        case .checkinPaused(let p), .checkinResumed(let p), .checkinDeleted(let p): "checkin:" + p.checkin.rawValue
        }
    }

    /// What applying an event needs that depends on the event alone: a build
    /// from scratch makes these on the threads that decode the journals.
    struct Derived: Sendable {
        var key: String
        var at: String
        var creates: Bool
        /// A new thread's body and its blocks as the `blocks` column holds them (``BlockLayout``).
        var threadBody: (body: String, blocks: String)?

        init(_ stored: StoredEvent) {
            key = EventApplier.key(stored)
            at = stored.event.at.iso8601
            creates = EventApplier.creates(stored.event.payload)
            if case .threadCreated(let p) = stored.event.payload {
                threadBody = (Blocks.join(p.blocks), BlockLayout.encode(p.blocks))
            }
        }
    }

    /// Applies one event; false when its id was already applied.
    mutating func apply(_ stored: StoredEvent, journal: Int64, line: Int, offset: Int64, length: Int) throws -> Bool {
        try apply(stored, derived: Derived(stored), journal: journal, line: line, offset: offset, length: length)
    }

    /// Applies one event with what was derived from it beforehand (borrowed, not
    /// copied: this runs for every event of a build).
    mutating func apply(_ stored: borrowing StoredEvent, derived: borrowing Derived, journal: Int64, line: Int, offset: Int64,
                        length: Int) throws -> Bool {
        // No `let e = stored.event`: copying the event retains every string in it.
        let key = derived.key
        let at = derived.at
        let id = stored.event.id.rawValue
        let author = stored.author.rawValue
        location = (journal, offset, length)
        let creates = derived.creates
        if !creates {
            insertEvent.bind(1, id)
            insertEvent.bind(2, at + id)
            insertEvent.bind(3, author)
            insertEvent.bind(4, stored.board?.rawValue)
            insertEvent.bind(5, stored.event.type)
            insertEvent.bind(6, key)
            insertEvent.bind(7, journal)
            insertEvent.bind(8, line)
            insertEvent.bind(9, offset)
            insertEvent.bind(10, length)
            try insertEvent.run()
            guard insertEvent.changes > 0 else { return false }
        }
        let tracked = firstBuild && changing.contains(key)
        changesLater = tracked
        if firstBuild {
            alone = !tracked || history[key] == nil
        } else {
            countKey.bind(1, key)
            alone = try countKey.run() == (creates ? 0 : 1)
        }
        if creates && !alone, case .statusPosted = stored.event.payload {
            alone = true
        }
        // New posts wait in `posts` until an event that may touch the posts table.
        if let posts, !(creates && alone), !Self.leavesPostsAlone(stored.event.payload) { try posts.flush() }
        if creates && !alone, try postExists(id) { return false }
        let applied = try applyPayload(stored, key: key, at: at, id: id, author: author, derived: derived)
        if applied && tracked { history[key, default: []].append(copy stored) }
        if applied { noteWrite(by: author, at: at, journal: journal) }
        return applied
    }

    /// Keeps the earliest write of each author. In a first build events come in
    /// time order, so only a journal's first event can be its author's earliest:
    /// the others skip the lookup by name.
    private mutating func noteWrite(by author: String, at: String, journal: Int64) {
        if firstBuild, journal >= 0 {
            let j = Int(journal)
            if j < journalsSeen.count && journalsSeen[j] { return }
            if j >= journalsSeen.count { journalsSeen += repeatElement(false, count: j + 1 - journalsSeen.count) }
            journalsSeen[j] = true
        }
        if let seen = firstSeen[author] {
            if Self.earlier(at, than: seen) { firstSeen[author] = at }
        } else {
            firstSeen[author] = at
        }
    }

    func postExists(_ id: String) throws -> Bool {
        try postRowID(id) != nil
    }

    /// The post's rowid; nil when there is no such post.
    func postRowID(_ id: String) throws -> Int64? {
        selectPostID.bind(1, id)
        return try selectPostID.run()
    }

    /// Applies the payload; false when a creation turned out to be a duplicate.
    private mutating func applyPayload(_ stored: borrowing StoredEvent, key: String, at: String, id: String, author: String,
                                       derived: borrowing Derived) throws -> Bool {
        switch stored.event.payload {
        case .threadCreated(let p):
            guard let board = stored.board else { return true }
            if alone {
                let (body, blocks) = derived.threadBody ?? (Blocks.join(p.blocks), BlockLayout.encode(p.blocks))
                guard try addPost(id: id, kind: 0, board: board.rawValue, thread: id, parent: nil, anchor: nil, author: author,
                            at: at, title: p.title, body: body, blocks: blocks, mentions: Self.mentions(p.mentions))
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
            if insertStatus.changes == 0 { return false }
            if p.checkin != nil { try linkAnswer(id, checkin: p.checkin, occurrence: p.occurrence) }
            try addStatusNote(id: id, board: stored.board?.rawValue, author: author, at: at, text: p.text)
        case .postEdited(let p):
            try refoldPost(p.target.rawValue, with: stored)
        case .postRedacted(let p):
            try refoldPost(p.target.rawValue, with: stored)
        case .reactionAdded(let p), .reactionRemoved(let p):
            try refoldReactions(p.target.rawValue, key: key, with: stored)
        case .followupRequested:
            try refoldFollowUp(id, with: stored)
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
            try refoldCheckin(id, with: stored)
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

    /// `text` as a JSON string: quotes, backslashes and control characters
    /// escaped (those are all single bytes in UTF-8), everything else as it is,
    /// copied a run at a time.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { b in
            var run = 0
            for (i, u) in b.enumerated() where u < 0x20 || u == 0x22 || u == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                appendEscape(u, to: &out)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ u: UInt8, to out: inout [UInt8]) {
        switch u {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: "\\u00".utf8)
            hex.withUTF8Buffer { d in
                out.append(d[Int(u >> 4)])
                out.append(d[Int(u & 15)])
            }
        }
    }

    static func mentions(_ handles: [Handle]?) -> String? {
        guard let h = handles, !h.isEmpty else { return nil }
        return h.map(\.rawValue).joined(separator: " ")
    }
}
