import GRDB
import WeftCore

/// Gathering what may concern a person, before the notification policy decides
/// when (or whether) each thing is delivered.
extension Index {
    /// Every candidate inbox item for `me` that is not done, with the thread it
    /// belongs to; `delivery` is left for the policy. One item per post, of the
    /// most personal kind (a mention beats a reply beats a comment on your thread).
    public func inboxCandidates(me: Handle, prefs: NotificationPrefs) throws(StoreError) -> [InboxItem] {
        try read { db in
            var gather = InboxGatherer(db: db, me: me.rawValue, prefs: prefs)
            try gather.posts()
            try gather.followUps()
            try gather.decisions()
            try gather.reminders()
            return gather.items
        }
    }
}

private struct InboxGatherer {
    let db: Database
    let me: String
    let prefs: NotificationPrefs
    var items: [InboxItem] = []
    /// Post id → index in `items`, to keep one item per post.
    var byPost: [String: Int] = [:]
    /// Threads followed, with since when.
    var followed: [String: String] = [:]

    init(db: Database, me: String, prefs: NotificationPrefs) {
        self.db = db
        self.me = me
        self.prefs = prefs
    }

    /// What an item needs of a post `p` in its thread `t`.
    static let columns = """
        SELECT p.id, p.kind, p.board, p.thread, p.author, p.created_at, substr(\(Index.postBody("p")), 1, 200) AS body, p.title, p.mentions,
            t.title AS ttitle
        """

    static let postColumns = columns + " FROM posts p JOIN threads t ON t.id = p.thread"

    /// Lower is more personal.
    static let rank: [InboxKind: Int] = [.mention: 0, .reply: 1, .commentOnYourThread: 2, .followedThread: 3,
                                         .newThread: 4, .boardActivity: 5]

    mutating func add(_ row: Row, _ kind: InboxKind) {
        let id: String = row["id"]
        if let i = byPost[id] {
            if (Self.rank[kind] ?? 9) < (Self.rank[items[i].kind] ?? 9) {
                items[i].kind = kind
                items[i].id = kind.rawValue + ":" + id
            }
            return
        }
        guard let eid = EventID(id), let thread = EventID(row["thread"]), let at = Timestamp(iso8601: row["created_at"]) else { return }
        let isThread = (row["kind"] as Int) == 0
        let text: String = isThread ? (row["title"] as String?) ?? "" : row["body"]
        byPost[id] = items.count
        items.append(InboxItem(id: kind.rawValue + ":" + id, kind: kind, board: board(row["board"]),
                               thread: thread, threadTitle: row["ttitle"], target: eid, subject: eid,
                               actor: handle(row["author"]), arrived: at, summary: InboxSummary.oneLine(text)))
    }

    /// Board slugs and handles repeat a lot: each text is checked once.
    var boards: [String: BoardSlug] = [:]
    var handles: [String: Handle] = [:]

    mutating func board(_ text: String) -> BoardSlug? {
        if let b = boards[text] { return b }
        let b = try? BoardSlug(text)
        boards[text] = b
        return b
    }

    mutating func handle(_ text: String) -> Handle? {
        if let h = handles[text] { return h }
        let h = try? Handle(text)
        handles[text] = h
        return h
    }

    mutating func posts() throws {
        let base = Self.postColumns
        // Mentions (the LIKE narrows, the split decides).
        for row in try Row.fetchAll(db, sql: base + """
             WHERE p.author != ? AND p.redacted = 0 AND p.mentions IS NOT NULL AND (' ' || p.mentions || ' ') LIKE ?
            """, arguments: [me, "% \(me) %"]) {
            let mentions = ((row["mentions"] as String?) ?? "").split(separator: " ").map(String.init)
            guard mentions.contains(me) else { continue }
            add(row, .mention)
            follow(row["thread"], since: row["created_at"])
        }
        // Replies to my comments: my posts' ids gathered once, then one pass over
        // the posts (looking each post's parent up in the index instead cost a
        // search per post).
        for row in try Row.fetchAll(db, sql: base + """
             WHERE p.parent IN (SELECT id FROM posts WHERE author = ?) AND p.kind = 1 AND p.author != ? AND p.redacted = 0
            """, arguments: [me, me]) {
            add(row, .reply)
        }
        // Comments on my threads: from my threads (few) to their posts, by thread.
        for row in try Row.fetchAll(db, sql: Self.columns + """
             FROM threads t CROSS JOIN posts p ON p.thread = t.id
            WHERE t.author = ? AND p.kind = 1 AND p.author != ? AND p.redacted = 0
            """, arguments: [me, me]) {
            add(row, .commentOnYourThread)
        }
        // Threads I follow: started, commented on, asked to follow up on, or chosen by hand.
        for row in try Row.fetchAll(db, sql: "SELECT thread, min(created_at) AS since FROM posts WHERE author = ? GROUP BY thread",
                                    arguments: [me]) {
            follow(row["thread"], since: row["since"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT p.thread, min(f.created_at) AS since FROM followups f JOIN posts p ON p.id = f.target
            WHERE f.assignee = ? GROUP BY p.thread
            """, arguments: [me]) {
            follow(row["thread"], since: row["since"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM st.follows") {
            let thread: String = row["thread"]
            if row["following"] as Bool {
                // A choice by hand wins: following again starts from now.
                followed[thread] = row["at"]
            } else {
                followed[thread] = nil
            }
        }
        let inThread = try db.cachedStatement(sql: base + """
             WHERE p.thread = ? AND p.kind = 1 AND p.author != ? AND p.redacted = 0 AND p.created_at > ?
            """)
        for (thread, since) in followed.sorted(by: { $0.key < $1.key }) {
            for row in try Row.fetchAll(inThread, arguments: [thread, me, since]) {
                add(row, .followedThread)
            }
        }
        // Boards watched or tracked, from when the level was set.
        for (board, level) in prefs.boardLevels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where level >= .tracking {
            let since = prefs.boardSince[board]?.iso8601 ?? ""
            for row in try Row.fetchAll(db, sql: base + """
                 WHERE p.board = ? AND p.kind = 0 AND p.author != ? AND p.redacted = 0 AND p.created_at >= ?
                """, arguments: [board.rawValue, me, since]) {
                add(row, .newThread)
            }
            guard level >= .watching else { continue }
            for row in try Row.fetchAll(db, sql: base + """
                 WHERE p.board = ? AND p.kind = 1 AND p.author != ? AND p.redacted = 0 AND p.created_at >= ?
                """, arguments: [board.rawValue, me, since]) {
                add(row, .boardActivity)
            }
        }
    }

    mutating func follow(_ thread: String, since: String) {
        if let old = followed[thread], old <= since { return }
        followed[thread] = since
    }

    mutating func followUps() throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.*, p.thread AS pthread, t.title AS ttitle,
                (SELECT max(e.stamp) FROM events e WHERE e.key = 'fu:' || f.id AND e.type = 'followup.resolved') AS resolved
            FROM followups f LEFT JOIN posts p ON p.id = f.target LEFT JOIN threads t ON t.id = p.thread
            WHERE f.assignee = ? OR f.requester = ?
            """, arguments: [me, me])
        for row in rows {
            guard let id = EventID(row["id"]), let target = EventID(row["target"]),
                  let due = Timestamp(iso8601: row["due"]), let created = Timestamp(iso8601: row["created_at"]),
                  let state = FollowUpState(rawValue: row["state"]) else { continue }
            let requester: String = row["requester"], assignee: String = row["assignee"]
            let note: String? = row["note"]
            var item = InboxItem(id: "", kind: .followupAsked, board: try? BoardSlug(row["board"] as String),
                                 thread: (row["pthread"] as String?).flatMap(EventID.init), threadTitle: row["ttitle"],
                                 target: target, subject: id, actor: try? Handle(requester), arrived: created,
                                 summary: InboxSummary.oneLine(note ?? ""), due: due)
            if assignee == me, state == .open {
                // A follow-up already due within a day when asked comes once, as "due".
                let dueSoon = due.adding(seconds: -86400)
                if requester != me, dueSoon > created {
                    item.id = "followup-asked:" + id.rawValue
                    items.append(item)
                }
                item.kind = .followupDue
                item.id = "followup-due:" + id.rawValue + ":" + due.iso8601
                item.arrived = max(dueSoon, created)
                items.append(item)
            } else if requester == me, assignee != me, state == .done || state == .declined,
                      let stamp = row["resolved"] as String?, let at = Timestamp(iso8601: String(stamp.prefix(24))) {
                item.kind = .followupResolved
                item.id = "followup-resolved:" + id.rawValue
                item.actor = try? Handle(assignee)
                item.arrived = at
                let reason: String? = row["reason"]
                item.summary = InboxSummary.oneLine(state.rawValue + (reason.map { ": " + $0 } ?? ""))
                items.append(item)
            }
        }
    }

    mutating func decisions() throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.*, t.title AS ttitle, t.board AS tboard FROM decisions d JOIN threads t ON t.id = d.thread WHERE d.author != ?
            """, arguments: [me])
        for row in rows {
            let thread: String = row["thread"]
            guard followed[thread] != nil, let id = EventID(row["id"]), let tid = EventID(thread),
                  let at = Timestamp(iso8601: row["at"]) else { continue }
            let summary: String? = row["summary"]
            items.append(InboxItem(id: "decision:" + id.rawValue, kind: .decision, board: try? BoardSlug(row["tboard"] as String),
                                   thread: tid, threadTitle: row["ttitle"], target: tid, subject: id,
                                   actor: try? Handle(row["author"] as String), arrived: at,
                                   summary: InboxSummary.oneLine(summary ?? "decided")))
        }
    }

    mutating func reminders() throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, t.title AS ttitle FROM st.reminders r LEFT JOIN threads t ON t.id = r.thread WHERE r.done = 0
            """)
        for row in rows {
            guard let id = EventID(row["id"]), let target = EventID(row["target"]), let at = Timestamp(iso8601: row["at"]) else { continue }
            let note: String? = row["note"]
            let title: String? = row["ttitle"]
            items.append(InboxItem(id: "reminder:" + id.rawValue, kind: .reminder,
                                   board: (row["board"] as String?).flatMap { try? BoardSlug($0) },
                                   thread: (row["thread"] as String?).flatMap(EventID.init), threadTitle: title,
                                   target: target, subject: id, actor: nil, arrived: at,
                                   summary: InboxSummary.oneLine(note ?? title ?? "reminder")))
        }
    }
}

extension Index {
    /// Whether `me` started, commented on, was mentioned in or was asked to follow up on `thread`.
    func takesPart(in thread: EventID, me: Handle) throws(StoreError) -> Bool {
        try read { db in
            let posts = try Row.fetchAll(db, sql: "SELECT author, mentions FROM posts INDEXED BY posts_thread WHERE thread = ?",
                                         arguments: [thread.rawValue])
            for row in posts {
                if (row["author"] as String) == me.rawValue { return true }
                if ((row["mentions"] as String?) ?? "").split(separator: " ").contains(Substring(me.rawValue)) { return true }
            }
            return try Bool.fetchOne(db, sql: """
                SELECT 1 FROM followups f JOIN posts p ON p.id = f.target WHERE p.thread = ? AND f.assignee = ?
                """, arguments: [thread.rawValue, me.rawValue]) ?? false
        }
    }
}

/// The one-line summary an inbox item shows of a text.
enum InboxSummary {
    /// The text's first line (after any leading line breaks) among its first
    /// `limit + 1` characters, made inert, cut to `limit` with "…".
    static func oneLine(_ text: String, limit: Int = 120) -> String {
        // Only the start of the text matters: never split a whole long body. One pass
        // over its characters (the inbox of a busy member has thousands of items):
        // the first line of the first `limit + 1`, after any leading line breaks.
        var start = text.startIndex, end = text.startIndex
        var seen = 0, counted = 0
        var index = text.startIndex
        while index < text.endIndex, seen <= limit {
            let next = text.index(after: index)
            if text[index].isNewline {
                if counted > 0 { break }
                start = next
            } else {
                counted += 1
            }
            end = next
            seen += 1
            index = next
        }
        let first = String(text[start..<end])
        let line = Inert.line(first)
        // Inert leaves clean text as it is (the same bytes; a tab would become a
        // space of the same size), and then its length is already known.
        let unchanged = line.utf8.count == first.utf8.count && !first.utf8.contains(9)
        let count = unchanged ? counted : line.count
        return count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}
