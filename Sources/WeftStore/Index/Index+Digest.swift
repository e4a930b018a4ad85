import Foundation
import GRDB
import WeftCore

/// Building a person's weekly digest from the index (never from the journals).
extension Index {
    /// How far back "still waiting for a first reply" and "mentions I have not
    /// read" look from the end of the week.
    public static let digestLookback: Int64 = 28 * 86400
    /// How many threads "most active" lists.
    public static let digestMostActive = 5

    /// The digest of `week` in `zone` for `viewer`, limited to the boards they can
    /// read. Follow-ups count as overdue from `now` (or from the end of a past week).
    /// `profile`, when given, hears how long each part took (for `weft dev bench-digest`).
    public func digest(viewer: Handle, week: ISOWeek, zone: TimeZone, now: Timestamp,
                       canRead: (Board, Handle) -> Bool = BoardAccess.standard.canRead,
                       profile: ((String, Double) -> Void)? = nil) throws(StoreError) -> Digest {
        func timed<T, E: Error>(_ part: String, _ body: () throws(E) -> T) throws(E) -> T {
            guard let profile else { return try body() }
            let start = DispatchTime.now().uptimeNanoseconds
            defer { profile(part, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) }
            return try body()
        }
        let cal = WeekCalendar(zone)
        let range = cal.interval(of: week)
        let nextEnd = cal.interval(of: week.next).upperBound
        let readable = try readableBoards(viewer: viewer, canRead: canRead)
        let everyBoard = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM boards") ?? 0 } == readable.count
        let decisions = try timed("decisions") { () throws(StoreError) -> [DecisionEntry] in
            try self.decisions(viewer: viewer, since: range.lowerBound, until: range.upperBound, history: true, limit: 500)
                .filter { !$0.decision.isReopening }
        }
        let me = try member(viewer)
        let lookback = range.upperBound.adding(seconds: -Self.digestLookback).iso8601
        return try read { db in
            let q = DigestQuery(db: db, viewer: viewer, start: range.lowerBound.iso8601, end: range.upperBound.iso8601,
                                boards: readable.map(\.rawValue).sorted(), everyBoard: everyBoard)
            var counts = try timed("counts") { try q.counts() }
            counts.decisions = decisions.count
            let reference = min(now, range.upperBound)
            let sections = [
                DigestSection(kind: .decisions, groups: [DigestGroup(items: decisions.map(Self.item))]),
                DigestSection(kind: .statusUpdates, groups: try timed("statuses") { try q.statusesByPerson() }),
                DigestSection(kind: .checkinAnswers, groups: try timed("check-ins") { try q.checkinAnswers() }),
                DigestSection(kind: .newThreads, groups: try timed("new threads") { try q.newThreadsByBoard() }),
                DigestSection(kind: .mostActive, groups: [DigestGroup(items: try timed("most active") {
                    try q.mostActive(limit: Self.digestMostActive) })]),
                DigestSection(kind: .waitingForReply, groups: [DigestGroup(items: try timed("waiting") {
                    try q.waitingForReply(since: lookback) })]),
                DigestSection(kind: .followUpsForMe, groups: try timed("follow-ups") {
                    try q.followUpsForMe(reference: reference.iso8601, nextEnd: nextEnd.iso8601) }),
                DigestSection(kind: .followUpsIAsked, groups: [DigestGroup(items: try timed("asked") { try q.followUpsIAsked() })]),
                DigestSection(kind: .unreadMentions, groups: [DigestGroup(items: try timed("mentions") {
                    try q.unreadMentions(since: lookback) })]),
            ]
            return Digest(viewer: viewer, viewerName: me?.name, week: week, timeZone: zone.identifier, interval: range,
                          generatedAt: now, counts: counts, sections: sections)
        }
    }

    static func item(_ d: DecisionEntry) -> DigestItem {
        DigestItem(kind: .decision, id: d.decision.id, thread: d.decision.thread, board: d.board, author: d.decision.author,
                   at: d.decision.at, title: d.threadTitle, text: d.text, note: d.isCurrent ? nil : "reopened or replaced since")
    }
}

/// The SQL of each digest section, over one week [start, end) and the readable boards.
private struct DigestQuery {
    let db: Database
    let viewer: Handle
    let start: String
    let end: String
    let boards: [String]
    /// When every board is readable the board filter is left out (it costs a
    /// lookup per row of a busy week).
    let everyBoard: Bool

    /// `board IN (…)` with the readable boards as arguments, or nothing to check.
    func inBoards(_ column: String) -> String {
        if everyBoard { return "1" }
        return boards.isEmpty ? "0" : "\(column) IN (\(Array(repeating: "?", count: boards.count).joined(separator: ",")))"
    }

    var boardArguments: [(any DatabaseValueConvertible)?] { everyBoard ? [] : boards.map { $0 } }

    /// Runs `sql` with `args`, then the readable boards, then `then`.
    func rows(_ sql: String, _ args: [(any DatabaseValueConvertible)?], then: [(any DatabaseValueConvertible)?] = []) throws -> [Row] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args + boardArguments + then))
    }

    func counts() throws -> Digest.Counts {
        var c = Digest.Counts()
        c.threads = try rows("SELECT count(*) FROM threads INDEXED BY threads_created WHERE created_at >= ? AND created_at < ? AND redacted = 0 AND \(inBoards("board"))",
                             [start, end]).first?[0] ?? 0
        // One pass over the week's posts (the covering index) for comments and writers.
        var people = Set<String>()
        for row in try rows("""
            SELECT author, sum(kind = 1 AND redacted = 0) AS comments FROM posts INDEXED BY posts_created
            WHERE created_at >= ? AND created_at < ? AND \(inBoards("board")) GROUP BY author
            """, [start, end]) {
            people.insert(row["author"])
            c.comments += row["comments"] as Int
        }
        for row in try rows("""
            SELECT author, count(*) AS n FROM statuses WHERE at >= ? AND at < ? AND (board IS NULL OR \(inBoards("board"))) GROUP BY author
            """, [start, end]) {
            people.insert(row["author"])
            c.statusUpdates += row["n"] as Int
        }
        c.activePeople = people.count
        return c
    }

    static func ids(_ row: Row) -> (EventID, Handle, Timestamp)? {
        guard let id = EventID(row["id"]), let who = try? Handle(row["author"] as String),
              let at = Timestamp(iso8601: row["at"]) else { return nil }
        return (id, who, at)
    }

    static func board(_ row: Row) -> BoardSlug? { (row["board"] as String?).flatMap { try? BoardSlug($0) } }

    func statusesByPerson() throws -> [DigestGroup] {
        let list = try rows("""
            SELECT id, author, at, board, kind, text FROM statuses WHERE at >= ? AND at < ? AND checkin IS NULL
                AND (board IS NULL OR \(inBoards("board"))) ORDER BY at DESC, id DESC
            """, [start, end])
        var groups: [DigestGroup] = []
        var index: [String: Int] = [:]
        for row in list {
            guard let (id, who, at) = Self.ids(row), let kind = StatusKind(rawValue: row["kind"]) else { continue }
            let item = DigestItem(kind: .status, id: id, board: Self.board(row), author: who, at: at, title: row["text"],
                                  note: kind.label, highlight: kind == .blocked || kind == .atRisk)
            if let i = index[who.rawValue] { groups[i].items.append(item) } else {
                index[who.rawValue] = groups.count
                groups.append(DigestGroup(heading: who.rawValue, items: [item]))
            }
        }
        return groups
    }

    func checkinAnswers() throws -> [DigestGroup] {
        let list = try rows("""
            SELECT s.id, s.author, s.at, s.board, s.kind, s.text, s.occurrence, c.question, c.id AS cid, c.board AS cboard
            FROM statuses s JOIN checkins c ON c.id = s.checkin
            WHERE s.at >= ? AND s.at < ? AND \(inBoards("c.board")) ORDER BY c.created_at, c.id, s.occurrence DESC, s.at DESC
            """, [start, end])
        var groups: [DigestGroup] = []
        var last: String?
        for row in list {
            guard let (id, who, at) = Self.ids(row), let kind = StatusKind(rawValue: row["kind"]) else { continue }
            let cid: String = row["cid"]
            let item = DigestItem(kind: .status, id: id, board: (row["cboard"] as String?).flatMap { try? BoardSlug($0) }, author: who, at: at,
                                  title: row["text"], note: "\(row["occurrence"] as String? ?? "?")\(kind == .note ? "" : ", " + kind.label)",
                                  highlight: kind == .blocked || kind == .atRisk)
            if last == cid { groups[groups.count - 1].items.append(item) } else {
                last = cid
                groups.append(DigestGroup(heading: row["question"], items: [item]))
            }
        }
        return groups
    }

    func newThreadsByBoard() throws -> [DigestGroup] {
        let list = try rows("""
            SELECT id, author, created_at AS at, board, title, replies FROM threads INDEXED BY threads_created
            WHERE created_at >= ? AND created_at < ? AND redacted = 0 AND \(inBoards("board")) ORDER BY board, created_at DESC, id DESC
            """, [start, end])
        var groups: [DigestGroup] = []
        for row in list {
            guard let (id, who, at) = Self.ids(row), let board = Self.board(row) else { continue }
            let n: Int = row["replies"]
            let item = DigestItem(kind: .thread, id: id, thread: id, board: board, author: who, at: at, title: row["title"],
                                  note: "\(n) \(n == 1 ? "reply" : "replies")")
            if groups.last?.heading == board.rawValue { groups[groups.count - 1].items.append(item) } else {
                groups.append(DigestGroup(heading: board.rawValue, items: [item]))
            }
        }
        return groups
    }

    func mostActive(limit: Int) throws -> [DigestItem] {
        let list = try rows("""
            SELECT t.id, t.author, t.board, t.title, a.n, a.last AS at FROM
                (SELECT thread, board, count(*) AS n, max(created_at) AS last FROM posts INDEXED BY posts_created
                 WHERE created_at >= ? AND created_at < ? AND kind = 1 AND \(inBoards("board")) GROUP BY thread, board) a
            JOIN threads t ON t.id = a.thread AND t.board = a.board WHERE t.redacted = 0
            ORDER BY a.n DESC, a.last DESC, t.id LIMIT \(limit)
            """, [start, end])
        return list.compactMap { row in
            guard let (id, who, at) = Self.ids(row) else { return nil }
            let n: Int = row["n"]
            return DigestItem(kind: .thread, id: id, thread: id, board: Self.board(row), author: who, at: at, title: row["title"],
                              note: "\(n) comment\(n == 1 ? "" : "s") this week")
        }
    }

    /// A thread without replies now is waiting; one whose replies all came before
    /// the end is not; only the others (a past week's threads answered later) need
    /// a look at when their first reply came.
    func waitingForReply(since: String) throws -> [DigestItem] {
        let list = try rows("""
            SELECT t.id, t.author, t.created_at AS at, t.board, t.title FROM threads t INDEXED BY threads_created
            WHERE t.created_at >= ? AND t.created_at < ? AND t.redacted = 0 AND \(inBoards("t.board"))
              AND (t.replies = 0 OR (t.last_activity >= ? AND NOT EXISTS (SELECT 1 FROM posts p INDEXED BY posts_thread
                   WHERE p.thread = t.id AND p.board = t.board AND p.kind = 1 AND p.created_at < ?)))
            ORDER BY t.created_at, t.id
            """, [since, end], then: [end, end])
        return list.compactMap { row in
            guard let (id, who, at) = Self.ids(row) else { return nil }
            return DigestItem(kind: .thread, id: id, thread: id, board: Self.board(row), author: who, at: at, title: row["title"])
        }
    }

    static let followUpSelect = """
        SELECT f.id, f.board, f.requester, f.assignee, f.due, f.note, t.id AS tid, t.title AS ttitle
        FROM followups f JOIN posts p ON p.id = f.target JOIN threads t ON t.id = p.thread AND t.board = p.board
        """

    func followUpItem(_ row: Row, person: String, note: String, highlight: Bool = false) -> DigestItem? {
        guard let id = EventID(row["id"]), let who = try? Handle(row[person] as String),
              let due = Timestamp(iso8601: row["due"]) else { return nil }
        return DigestItem(kind: .followUp, id: id, thread: EventID(row["tid"]), board: Self.board(row), author: who, at: due,
                          title: row["ttitle"], text: row["note"], note: note, highlight: highlight)
    }

    func followUpsForMe(reference: String, nextEnd: String) throws -> [DigestGroup] {
        let list = try rows(Self.followUpSelect + """
             WHERE f.assignee = ? AND f.state = 'open' AND f.due < ? AND \(inBoards("f.board")) ORDER BY f.due, f.id
            """, [viewer.rawValue, nextEnd])
        var overdue: [DigestItem] = [], thisWeek: [DigestItem] = [], nextWeek: [DigestItem] = []
        for row in list {
            let due: String = row["due"]
            if due < reference {
                if let i = followUpItem(row, person: "requester", note: "overdue, was due", highlight: true) { overdue.append(i) }
            } else if due < end {
                if let i = followUpItem(row, person: "requester", note: "due") { thisWeek.append(i) }
            } else if let i = followUpItem(row, person: "requester", note: "due") {
                nextWeek.append(i)
            }
        }
        return [DigestGroup(heading: "Overdue", items: overdue), DigestGroup(heading: "Due this week", items: thisWeek),
                DigestGroup(heading: "Due next week", items: nextWeek)]
    }

    func followUpsIAsked() throws -> [DigestItem] {
        try rows(Self.followUpSelect + """
             WHERE f.requester = ? AND f.assignee != f.requester AND f.state = 'open' AND \(inBoards("f.board")) ORDER BY f.due, f.id
            """, [viewer.rawValue]).compactMap { followUpItem($0, person: "assignee", note: "asked of them, due") }
    }

    func unreadMentions(since: String) throws -> [DigestItem] {
        let list = try rows("""
            SELECT p.id, p.author, p.created_at AS at, p.board, p.kind, \(Index.postBody("p")) AS body, t.title AS ttitle, t.id AS tid
            FROM mentions m JOIN posts p ON p.id = m.post JOIN threads t ON t.id = p.thread AND t.board = p.board
            WHERE m.handle = ? AND m.created_at >= ? AND m.created_at < ? AND p.redacted = 0 AND p.author != ?
              AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id) AND \(inBoards("p.board"))
            ORDER BY p.created_at DESC, p.id DESC
            """, [viewer.rawValue, since, end, viewer.rawValue])
        return list.compactMap { row in
            guard let (id, who, at) = Self.ids(row) else { return nil }
            let isThread = (row["kind"] as Int) == 0
            return DigestItem(kind: isThread ? .thread : .comment, id: id, thread: EventID(row["tid"]), board: Self.board(row),
                              author: who, at: at, title: row["ttitle"], text: isThread ? nil : row["body"])
        }
    }
}
