import Foundation
import GRDB
import WeftCore

/// Re-folding one entity from all its events: what the applier does when an event
/// changes something created earlier (or arrives before it).
extension EventApplier {
    /// Every stored event of one entity, as a small forum. `current` is the event
    /// being applied: it is used as is, and the others are re-read from the journals
    /// (only when there are others, which is rare: edits, reactions, follow-up changes).
    mutating func fold(_ keys: [String], with current: StoredEvent) throws -> Forum {
        Forum(events: try foldedEvents(keys, with: current))
    }

    /// The events ``fold(_:with:)`` folds, in no particular order.
    mutating func foldedEvents(_ keys: [String], with current: StoredEvent) throws -> [StoredEvent] {
        var events: [StoredEvent] = [current]
        if firstBuild {
            // Everything applied so far is in memory (see `history`).
            for key in keys {
                events += (history[key] ?? []).filter { $0.event.id != current.event.id }
            }
            return events
        }
        for key in keys {
            // A post's creation is not in the events table: read it from where the post says.
            if key.hasPrefix("post:"), let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, journal, offset, length, author, board FROM posts WHERE id = ?
                """), arguments: [String(key.dropFirst(5))]), (row["id"] as String) != current.event.id.rawValue,
                let bytes = try lineBytes(journal: row["journal"], offset: row["offset"], length: row["length"]),
                let event = try? EventCodec.decode(bytes), let author = try? Handle(row["author"] as String) {
                events.append(StoredEvent(event: event, author: author, board: try? BoardSlug(row["board"] as String)))
            }
            if alone { continue }
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, journal, offset, length, author, board FROM events WHERE key = ?"),
                                        arguments: [key])
            for row in rows where (row["id"] as String) != current.event.id.rawValue {
                guard let bytes = try lineBytes(journal: row["journal"], offset: row["offset"], length: row["length"]),
                      let event = try? EventCodec.decode(bytes),
                      let author = try? Handle(row["author"] as String) else { continue }
                let board = (row["board"] as String?).flatMap { try? BoardSlug($0) }
                events.append(StoredEvent(event: event, author: author, board: board))
            }
        }
        return events
    }

    /// The bytes of one journal line.
    mutating func lineBytes(journal: Int64, offset: Int64, length: Int) throws -> [UInt8]? {
        if journalPaths[journal] == nil {
            journalPaths[journal] = try String.fetchOne(db.cachedStatement(sql: "SELECT path FROM journals WHERE id = ?"), arguments: [journal])
        }
        guard let rel = journalPaths[journal] else { return nil }
        return try? JournalFile.read(root + "/" + rel, from: offset, length: length)
    }

    mutating func refoldPost(_ id: String, with current: StoredEvent) throws {
        guard let eid = EventID(id) else { return }
        let forum = try fold(["post:\(id)"], with: current)
        // The full-text index holds every post that is not redacted, with its current
        // text; the removal takes the text from where it is stored (`body` nil).
        selectIndexedPost.bind(1, id)
        if let old = try selectIndexedPost.first({ c in
            FullTextRow(table: .posts, delete: true, rowid: c.int64(0), kind: Int(c.int64(1)), board: c.text(2),
                        author: c.text(3) ?? "", title: c.text(4), body: nil)
        }) {
            try fullText.send(old)
        }
        if let t = forum.threads[eid] {
            let body = t.redacted ? "" : Blocks.join(t.blocks)
            let title: String? = t.redacted ? nil : t.title
            try upsertPost(id: id, kind: 0, board: t.board.rawValue, thread: id, parent: nil, anchor: nil,
                           author: t.author.rawValue, createdAt: t.createdAt.iso8601, title: title, body: body,
                           blocks: t.redacted ? nil : BlockLayout.encode(t.blocks), mentions: Self.mentions(t.mentions),
                           editedAt: t.editedAt?.iso8601, redacted: t.redacted)
            try insertThreadRow(id: id, board: t.board.rawValue, author: t.author.rawValue,
                                createdAt: t.createdAt.iso8601, title: t.redacted ? "" : t.title, redacted: t.redacted)
        } else if let c = forum.comments[eid] {
            try upsertPost(id: id, kind: 1, board: c.board.rawValue, thread: c.thread.rawValue, parent: c.parent?.rawValue,
                           anchor: c.anchor, author: c.author.rawValue, createdAt: c.createdAt.iso8601, title: nil,
                           body: c.redacted ? "" : c.body, blocks: nil, mentions: Self.mentions(c.mentions),
                           editedAt: c.editedAt?.iso8601, redacted: c.redacted)
        }
    }

    func upsertPost(id: String, kind: Int, board: String, thread: String, parent: String?, anchor: String?,
                            author: String, createdAt: String, title: String?, body: String, blocks: String?,
                            mentions: String?, editedAt: String?, redacted: Bool) throws {
        // A new row is only ever made while applying the post's creation, so the
        // current line's location is the creation's.
        if firstBuild {
            noteFirstBuildPost(id: id, kind: kind, board: board, thread: thread, author: author, at: createdAt, title: title,
                               redacted: redacted, isNew: kind == 1 ? try !postExists(id) : false)
        }
        upsertPostRow.bind(1, id)
        upsertPostRow.bind(2, kind)
        upsertPostRow.bind(3, board)
        upsertPostRow.bind(4, thread)
        upsertPostRow.bind(5, parent)
        upsertPostRow.bind(6, anchor)
        upsertPostRow.bind(7, author)
        upsertPostRow.bind(8, createdAt)
        upsertPostRow.bind(9, title)
        upsertPostRow.bind(10, mentions)
        upsertPostRow.bind(11, editedAt)
        upsertPostRow.bind(12, redacted ? 1 : 0)
        upsertPostRow.bind(13, location.journal)
        upsertPostRow.bind(14, location.offset)
        upsertPostRow.bind(15, location.length)
        try upsertPostRow.run()
        try addMentions(mentions, post: id, board: board, at: createdAt)
        let rowid = try postRowID(id) ?? 0
        // The text is stored even when redacted (empty), only not searchable.
        try fullText.send(FullTextRow(table: .posts, delete: false, rowid: rowid, kind: kind, board: board, author: author,
                                      title: title, body: body, blocks: blocks, searchable: !redacted))
    }

    /// (Re)writes a thread's list row with aggregates computed from what is indexed.
    func insertThreadRow(id: String, board: String, author: String, createdAt: String, title: String,
                                 redacted: Bool) throws {
        // A first build fills the threads table in one statement at the end.
        if firstBuild { return }
        let agg = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) AS n, max(created_at) AS last FROM posts WHERE thread = ? AND board = ? AND kind = 1
            """), arguments: [id, board])
        let replies: Int = agg?["n"] ?? 0
        let last: String? = agg?["last"]
        let decided = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM decisions WHERE thread = ?"), arguments: [id]) ?? false
        let pinned = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM pins WHERE thread = ? AND board = ?"),
                                       arguments: [id, board]) ?? false
        try db.cachedStatement(sql: """
            INSERT INTO threads(id, board, author, created_at, title, last_activity, replies, decided, redacted, pinned)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, redacted = excluded.redacted
            """).execute(arguments: [id, board, author, createdAt, title, max(createdAt, last ?? createdAt), replies, decided,
                                     redacted, pinned])
    }

    /// `key` is the reactions' key in `history` (`react:` and the target).
    mutating func refoldReactions(_ target: String, key: String, with current: StoredEvent) throws {
        if firstBuild {
            // Written once at the end (`writeFirstBuildReactions`).
            if build.reactionTargets.insert(target).inserted {
                build.reactionOrder.append((target, key))
            }
            return
        }
        guard let eid = EventID(target) else { return }
        let events = try foldedEvents(["react:\(target)"], with: current)
        try writeReactions(target, Forum(events: events).reactions[eid] ?? [:],
                           firstUsed: Self.emojiByFirstUse(events.sorted(by: StoredEvent.applicationOrder)))
    }

    /// The emoji reacted with in `events` (in application order), each once, in the
    /// order each was first used: reactions are shown in that order, the same
    /// after any re-fold and any rebuild.
    static func emojiByFirstUse(_ events: [StoredEvent]) -> [String] {
        var order: [String] = []  // a post has few emoji: a list is quicker than a set
        for e in events {
            if case .reactionAdded(let p) = e.event.payload, !order.contains(p.emoji) { order.append(p.emoji) }
        }
        return order
    }

    /// Writes the reactions to `target`, their emoji in `firstUsed` order (a
    /// dictionary's own order changes from one process to the next).
    func writeReactions(_ target: String, _ reactions: [String: [Handle]], firstUsed: [String]) throws {
        try db.cachedStatement(sql: "DELETE FROM reactions WHERE target = ?").execute(arguments: [target])
        for row in Self.reactionRows(target, reactions, firstUsed: firstUsed) {
            insertReaction.bind(1, row.target)
            insertReaction.bind(2, row.emoji)
            insertReaction.bind(3, row.author)
            insertReaction.bind(4, row.position)
            try insertReaction.run()
        }
    }

    typealias ReactionRow = (target: String, emoji: String, author: String, position: Int)

    /// The rows of `target`'s reactions, numbered in order: emoji in `firstUsed`
    /// order, then any others by name, each emoji's people in the order they reacted.
    static func reactionRows(_ target: String, _ reactions: [String: [Handle]], firstUsed: [String]) -> [ReactionRow] {
        var rows: [ReactionRow] = []
        let order = firstUsed + reactions.keys.filter { !firstUsed.contains($0) }.sorted()
        for emoji in order {
            for who in reactions[emoji] ?? [] { rows.append((target, emoji, who.rawValue, rows.count)) }
        }
        return rows
    }

    mutating func refoldFollowUp(_ id: String, with current: StoredEvent) throws {
        guard let eid = EventID(id) else { return }
        let forum = try fold(["fu:\(id)"], with: current)
        guard let f = forum.followUps[eid] else { return }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO followups(id, board, target, requester, assignee, due, note, state, reason, created_at)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, f.board.rawValue, f.target.rawValue, f.requester.rawValue, f.assignee.rawValue,
                             f.due.iso8601, f.note, f.state.rawValue, f.reason, f.createdAt.iso8601])
    }

    mutating func refoldDecision(_ thread: String, with current: StoredEvent) throws {
        guard let eid = EventID(thread) else { return }
        let forum = try fold(["decision:\(thread)"], with: current)
        let latest = forum.decisionHistory[eid]?.last
        try db.cachedStatement(sql: "DELETE FROM decisions WHERE thread = ?").execute(arguments: [thread])
        if let d = latest, !d.isReopening {
            try db.cachedStatement(sql: "INSERT INTO decisions(thread, id, comment, summary, author, at) VALUES(?, ?, ?, ?, ?, ?)").execute(arguments: [thread, d.id.rawValue, d.comment?.rawValue, d.summary, d.author.rawValue, d.at.iso8601])
        }
        try replaceDecisionNote(thread: thread, board: current.board?.rawValue, decision: latest)
        if !firstBuild {
            try db.cachedStatement(sql: "UPDATE threads SET decided = ? WHERE id = ?").execute(arguments: [latest.map { !$0.isReopening } ?? false, thread])
        }
    }

    mutating func refoldBoard(_ slug: String, with current: StoredEvent) throws {
        guard let s = try? BoardSlug(slug) else { return }
        let forum = try fold(["board:\(slug)"], with: current)
        guard let b = forum.boards[s] else { return }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO boards(slug, title, purpose, visibility, created_at, created_by) VALUES(?, ?, ?, ?, ?, ?)
            """).execute(arguments: [slug, b.title, b.purpose, b.visibility.rawValue, b.createdAt.iso8601, b.createdBy.rawValue])
        if !firstBuild { try refoldPins(board: slug) }
    }

    mutating func refoldMember(_ handle: String, with current: StoredEvent) throws {
        guard let h = try? Handle(handle) else { return }
        let forum = try fold(["member:\(handle)"], with: current)
        guard let m = forum.members[h] else { return }
        // The row may not exist yet: first-seen times are flushed at the end of a catch-up.
        try db.cachedStatement(sql: """
            INSERT INTO members(handle, name, tz, hours, first_seen, email) VALUES(?, ?, ?, ?, ?, ?)
            ON CONFLICT(handle) DO UPDATE SET name = excluded.name, tz = excluded.tz, hours = excluded.hours, email = excluded.email
            """).execute(arguments: [handle, m.name, m.timeZone, m.hours?.description, current.event.at.iso8601, m.email])
    }
}
