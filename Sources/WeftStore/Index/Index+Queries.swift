import Foundation
import GRDB
import WeftCore

extension Index {
    /// Boards with counts; unread counts what `viewer` has not read and did not write.
    public func boards(viewer: Handle) throws(StoreError) -> [BoardSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.*, (SELECT count(*) FROM threads t WHERE t.board = b.slug) AS nthreads,
                    (SELECT count(*) FROM posts p WHERE p.board = b.slug) AS nposts,
                    (SELECT max(last_activity) FROM threads t WHERE t.board = b.slug) AS last,
                    (SELECT count(*) FROM posts p WHERE p.board = b.slug AND p.author != :me AND p.redacted = 0
                        AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)) AS unread
                FROM boards b ORDER BY b.slug
                """, arguments: ["me": viewer.rawValue])
            return rows.compactMap { row in
                guard let board = Self.board(row) else { return nil }
                return BoardSummary(board: board, threads: row["nthreads"], posts: row["nposts"], unread: row["unread"],
                                    lastActivity: (row["last"] as String?).flatMap(Timestamp.init(iso8601:)))
            }
        }
    }

    public func board(_ slug: BoardSlug) throws(StoreError) -> Board? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM boards WHERE slug = ?", arguments: [slug.rawValue]).flatMap(Self.board)
        }
    }

    static func board(_ row: Row) -> Board? {
        guard let slug = try? BoardSlug(row["slug"] as String), let by = try? Handle(row["created_by"] as String),
              let at = Timestamp(iso8601: row["created_at"]) else { return nil }
        return Board(slug: slug, title: row["title"], purpose: row["purpose"],
                     visibility: Visibility(rawValue: row["visibility"]) ?? .public, createdAt: at, createdBy: by)
    }

    public func threadCount(board: BoardSlug) throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM threads WHERE board = ?", arguments: [board.rawValue]) ?? 0 }
    }

    /// One page of a board's threads in list order: pinned first, then by
    /// `options.sort` (most recent activity first by default).
    public func threads(board: BoardSlug, viewer: Handle, options: ThreadListOptions = .default, limit: Int = 50,
                        offset: Int = 0) throws(StoreError) -> [ThreadSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.*, \(ThreadListOptions.unreadCountSQL) AS unread, \(options.keySQL) AS sortkey
                FROM threads t WHERE t.board = :board \(options.whereSQL)
                ORDER BY t.pinned DESC, sortkey DESC, t.id DESC LIMIT :limit OFFSET :offset
                """, arguments: ["me": viewer.rawValue, "board": board.rawValue, "limit": limit, "offset": offset])
            return rows.compactMap(Self.threadSummary)
        }
    }

    static func threadSummary(_ row: Row) -> ThreadSummary? {
        guard let id = EventID(row["id"]), let board = try? BoardSlug(row["board"] as String),
              let author = try? Handle(row["author"] as String), let created = Timestamp(iso8601: row["created_at"]),
              let last = Timestamp(iso8601: row["last_activity"]) else { return nil }
        return ThreadSummary(id: id, board: board, title: row["title"], author: author, createdAt: created,
                             lastActivity: last, replies: row["replies"], unread: row["unread"],
                             decided: row["decided"], redacted: row["redacted"], pinned: row["pinned"],
                             sortKey: (row["sortkey"] as String?) ?? last.iso8601)
    }

    /// A thread with its comments, reactions and decision; nil when unknown.
    public func thread(_ id: EventID, viewer: Handle) throws(StoreError) -> ThreadDetail? {
        try read { db in
            let postSQL = """
                SELECT p.*, coalesce(x.body, '') AS body, x.blocks,
                    (p.author != :me AND p.redacted = 0 AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)) AS unread
                FROM posts p LEFT JOIN post_text x ON x.rowid = p.rowid
                """
            guard let head = try Row.fetchOne(db.cachedStatement(sql: postSQL + " WHERE p.id = :id AND p.kind = 0"),
                                              arguments: ["me": viewer.rawValue, "id": id.rawValue]),
                  let threadPost = Self.post(head),
                  let board = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM boards WHERE slug = ?"),
                                               arguments: [threadPost.board.rawValue]).flatMap(Self.board)
            else { return nil }
            let comments = postSQL + " WHERE p.thread = :id AND p.kind = 1 AND p.board = :board ORDER BY p.created_at, p.id"
            let commentRows = try Row.fetchAll(db.cachedStatement(sql: comments),
                                               arguments: ["me": viewer.rawValue, "id": id.rawValue, "board": board.slug.rawValue])
            var posts = [threadPost] + commentRows.compactMap(Self.post)
            let reactions = try Self.reactions(db, targets: posts.map(\.id.rawValue))
            for i in posts.indices { posts[i].reactions = reactions[posts[i].id.rawValue] ?? [] }
            let decisionRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM decisions WHERE thread = ?"), arguments: [id.rawValue])
            let decision = decisionRow.flatMap { row -> Decision? in
                guard let did = EventID(row["id"]), let who = try? Handle(row["author"] as String),
                      let at = Timestamp(iso8601: row["at"]) else { return nil }
                return Decision(id: did, thread: id, comment: (row["comment"] as String?).flatMap(EventID.init), summary: row["summary"],
                                author: who, at: at, isReopening: false)
            }
            return ThreadDetail(board: board, thread: posts[0], comments: Array(posts.dropFirst()), decision: decision)
        }
    }

    /// One post (thread or comment) by id.
    public func post(_ id: EventID, viewer: Handle) throws(StoreError) -> PostView? {
        try read { db in
            // A cached statement: preparing this one cost more than running it
            // (the follow-ups screen looks up a post for each follow-up).
            guard var post = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT p.*, coalesce(x.body, '') AS body, x.blocks,
                    (p.author != :me AND p.redacted = 0 AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)) AS unread
                FROM posts p LEFT JOIN post_text x ON x.rowid = p.rowid WHERE p.id = :id
                """), arguments: ["me": viewer.rawValue, "id": id.rawValue]).flatMap(Self.post) else { return nil }
            post.reactions = try Self.reactions(db, targets: [id.rawValue])[id.rawValue] ?? []
            return post
        }
    }

    /// SQL for the body of the post aliased `alias` (empty if it has none): post
    /// text lives in `post_text` (in the full-text file), by the post's rowid.
    static func postBody(_ alias: String) -> String {
        "coalesce((SELECT body FROM post_text WHERE post_text.rowid = \(alias).rowid), '')"
    }

    static func post(_ row: Row) -> PostView? {
        guard let id = EventID(row["id"]), let kind = PostView.Kind(rawValue: row["kind"]),
              let board = try? BoardSlug(row["board"] as String), let thread = EventID(row["thread"]),
              let author = try? Handle(row["author"] as String), let created = Timestamp(iso8601: row["created_at"])
        else { return nil }
        let body: String = row["body"]
        let blocks = (row["blocks"] as String?).flatMap { BlockLayout.decode($0, body: body) } ?? []
        let mentions = ((row["mentions"] as String?) ?? "").split(separator: " ").compactMap { try? Handle(String($0)) }
        return PostView(id: id, kind: kind, board: board, thread: thread, parent: (row["parent"] as String?).flatMap(EventID.init),
                        anchor: row["anchor"], author: author, createdAt: created, title: row["title"], body: body,
                        blocks: blocks, mentions: mentions, editedAt: (row["edited_at"] as String?).flatMap(Timestamp.init(iso8601:)),
                        redacted: row["redacted"], reactions: [], unread: (row["unread"] as Bool?) ?? false)
    }

    static func reactions(_ db: Database, targets: [String]) throws -> [String: [Reaction]] {
        guard !targets.isEmpty else { return [:] }
        var out: [String: [Reaction]] = [:]
        let rows: [Row]
        if targets.count == 1 {
            // One post's reactions (a single post looked up): the same statement each time.
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT target, emoji, author FROM reactions WHERE target = ? ORDER BY position"),
                                    arguments: [targets[0]])
        } else {
            let marks = Array(repeating: "?", count: targets.count).joined(separator: ",")
            rows = try Row.fetchAll(db, sql: "SELECT target, emoji, author FROM reactions WHERE target IN (\(marks)) ORDER BY target, position",
                                    arguments: StatementArguments(targets))
        }
        for row in rows {
            let target: String = row["target"], emoji: String = row["emoji"]
            guard let who = try? Handle(row["author"] as String) else { continue }
            var list = out[target, default: []]
            if let i = list.firstIndex(where: { $0.emoji == emoji }) {
                list[i].authors.append(who)
            } else {
                list.append(Reaction(emoji: emoji, authors: [who]))
            }
            out[target] = list
        }
        return out
    }

    /// Status updates, newest first.
    public func statuses(since: Timestamp? = nil, author: Handle? = nil, board: BoardSlug? = nil,
                         limit: Int = 100) throws(StoreError) -> [StatusUpdate] {
        try read { db in
            var sql = "SELECT * FROM statuses WHERE 1"
            var args: [(any DatabaseValueConvertible)?] = []
            if let since { sql += " AND at >= ?"; args.append(since.iso8601) }
            if let author { sql += " AND author = ?"; args.append(author.rawValue) }
            if let board { sql += " AND board = ?"; args.append(board.rawValue) }
            sql += " ORDER BY at DESC, id DESC LIMIT ?"
            args.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap(Self.status)
        }
    }

    /// One status update by id.
    public func status(_ id: EventID) throws(StoreError) -> StatusUpdate? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM statuses WHERE id = ?", arguments: [id.rawValue]).flatMap(Self.status)
        }
    }

    static func status(_ row: Row) -> StatusUpdate? {
        guard let id = EventID(row["id"]), let who = try? Handle(row["author"] as String),
              let at = Timestamp(iso8601: row["at"]), let kind = StatusKind(rawValue: row["kind"]) else { return nil }
        return StatusUpdate(id: id, board: (row["board"] as String?).flatMap { try? BoardSlug($0) }, author: who,
                            at: at, kind: kind, text: row["text"], checkin: (row["checkin"] as String?).flatMap(EventID.init),
                            occurrence: row["occurrence"])
    }

    public func members() throws(StoreError) -> [Member] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM members ORDER BY handle").compactMap(Self.member)
        }
    }

    public func member(_ handle: Handle) throws(StoreError) -> Member? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM members WHERE handle = ?", arguments: [handle.rawValue]).flatMap(Self.member)
        }
    }

    /// Whether `handle` has written a profile (their first write makes one).
    public func hasProfile(_ handle: Handle) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM events WHERE key = ?", arguments: ["member:\(handle.rawValue)"]) ?? false
        }
    }

    static func member(_ row: Row) -> Member? {
        guard let h = try? Handle(row["handle"] as String), let first = Timestamp(iso8601: row["first_seen"]) else { return nil }
        return Member(handle: h, name: row["name"], timeZone: row["tz"],
                      hours: (row["hours"] as String?).flatMap { try? WorkingHours(parsing: $0) }, firstSeen: first,
                      email: row["email"])
    }

    /// Follow-ups, soonest due first.
    public func followUps(state: FollowUpState? = nil) throws(StoreError) -> [FollowUp] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM followups WHERE ?1 IS NULL OR state = ?1 ORDER BY due, id",
                                        arguments: [state?.rawValue])
            return rows.compactMap { row in
                guard let id = EventID(row["id"]), let board = try? BoardSlug(row["board"] as String),
                      let target = EventID(row["target"]), let req = try? Handle(row["requester"] as String),
                      let asg = try? Handle(row["assignee"] as String), let due = Timestamp(iso8601: row["due"]),
                      let st = FollowUpState(rawValue: row["state"]), let created = Timestamp(iso8601: row["created_at"])
                else { return nil }
                return FollowUp(id: id, board: board, target: target, requester: req, assignee: asg, due: due,
                                note: row["note"], state: st, reason: row["reason"], createdAt: created)
            }
        }
    }

    /// Lines that could not be used, with file and line.
    public func problems() throws(StoreError) -> [JournalProblem] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM problems ORDER BY journal, line").map {
                JournalProblem(journal: $0["journal"], line: $0["line"], reason: $0["reason"])
            }
        }
    }

    /// Resolves a unique id prefix (with or without dashes) among threads,
    /// comments, status updates and follow-ups.
    public func resolve(_ prefix: String) throws(StoreError) -> ResolvedID {
        let p = prefix.lowercased()
        guard p.count(where: { $0 != "-" }) >= 4 else { throw .idTooShort(prefix) }  // dashes are not digits
        guard p.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw .unknownID(prefix) }
        let canonical = Self.canonicalPrefix(p)
        let matches: [ResolvedID] = try read { db in
            var out: [ResolvedID] = []
            let like = canonical + "%"
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, board FROM posts WHERE id LIKE ? LIMIT 10", arguments: [like]) {
                if let id = EventID(row["id"]) {
                    out.append(ResolvedID(id: id, kind: (row["kind"] as Int) == 0 ? .thread : .comment,
                                          board: try? BoardSlug(row["board"] as String)))
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, board FROM statuses WHERE id LIKE ? LIMIT 10", arguments: [like]) {
                if let id = EventID(row["id"]) {
                    out.append(ResolvedID(id: id, kind: .status, board: (row["board"] as String?).flatMap { try? BoardSlug($0) }))
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, board FROM followups WHERE id LIKE ? LIMIT 10", arguments: [like]) {
                if let id = EventID(row["id"]) {
                    out.append(ResolvedID(id: id, kind: .followup, board: try? BoardSlug(row["board"] as String)))
                }
            }
            return out
        }
        if matches.isEmpty { throw .unknownID(prefix) }
        if matches.count > 1 { throw .ambiguousID(prefix, matches.map { "\($0.kind.rawValue) \($0.id.rawValue.prefix(18))" }) }
        return matches[0]
    }

    /// Puts dashes where a UUID has them, so `0196f3a27c41` matches `0196f3a2-7c41…`.
    static func canonicalPrefix(_ p: String) -> String {
        let hex = p.filter { $0 != "-" }
        var out = ""
        for (i, c) in hex.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append("-") }
            out.append(c)
        }
        return out
    }

    // MARK: Read markers (private state)

    public func markRead(_ ids: [EventID]) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try write { db in
            let st = try db.cachedStatement(sql: "INSERT OR IGNORE INTO st.read(post) VALUES(?)")
            for id in ids { try st.execute(arguments: [id.rawValue]) }
        }
    }

    public func markUnread(_ ids: [EventID]) throws(StoreError) {
        try write { db in
            for id in ids { try db.execute(sql: "DELETE FROM st.read WHERE post = ?", arguments: [id.rawValue]) }
        }
    }

    /// Marks a thread and all its comments read.
    public func markThreadRead(_ thread: EventID) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO st.read(post) SELECT id FROM posts WHERE thread = ?", arguments: [thread.rawValue])
        }
    }
}

extension Index {
    /// The thread a post belongs to and that thread's title ("[deleted]" for a
    /// deleted thread, "" for a comment on one); nil for an unknown post. Lighter
    /// than ``post(_:viewer:)`` for screens listing many posts by their thread.
    public func threadOf(post id: EventID) throws(StoreError) -> (thread: EventID, title: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT p.thread, CASE WHEN p.kind = 0 THEN (CASE WHEN p.redacted THEN '[deleted]' ELSE coalesce(p.title, '') END)
                    ELSE coalesce(t.title, '') END AS title
                FROM posts p LEFT JOIN posts t ON t.id = p.thread WHERE p.id = ?
                """), arguments: [id.rawValue]), let thread = EventID(row[0]) else { return nil }
            return (thread, row[1])
        }
    }
}
