import Foundation
import GRDB
import WeftCore

/// What a build from scratch keeps in memory instead of writing row by row: the
/// threads table's rows with their reply counts, and which posts' reactions to
/// write once at the end (nothing reads them while the build runs).
final class FirstBuildState {
    struct ThreadRow {
        var board: String
        var author: String
        var createdAt: String
        var title: String
        var redacted: Bool
    }

    struct ReplyKey: Hashable {
        var thread: String
        var board: String
    }

    /// Comments counted for one thread, per board they were posted to: only those
    /// in the thread's own board count, and nearly every thread has just that one.
    struct Replies {
        var board: String
        var count: Int
        var last: String
    }

    var threads: [String: ThreadRow] = [:]
    /// The threads in the order they were created: about id order (ids begin
    /// with their time), the order their table is written in, without sorting.
    var threadOrder: [String] = []
    /// Keyed by thread id alone: one hash of one string per comment.
    var replies: [String: [Replies]] = [:]
    var reactionTargets: Set<String> = []
    /// The same targets in the order first seen, each with its key in `history`
    /// (their reactions are written in this order, without sorting).
    var reactionOrder: [(target: String, key: String)] = []

    /// Everything kept, handed over (and emptied here) to be freed elsewhere.
    func takeAll() -> (threads: [String: ThreadRow], order: [String], replies: [String: [Replies]],
                       reactionTargets: Set<String>, reactionOrder: [(target: String, key: String)]) {
        defer {
            threads = [:]
            threadOrder = []
            replies = [:]
            reactionTargets = []
            reactionOrder = []
        }
        return (threads, threadOrder, replies, reactionTargets, reactionOrder)
    }
}

extension EventApplier {
    /// `a < b` for ISO 8601 times: their text is ASCII, so byte order is string
    /// order, found without Swift's Unicode comparison (this runs for every event).
    static func earlier(_ a: String, than b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
    }

    /// Makes room for what a first build of `threads` threads keeps in memory,
    /// and notes the keys of the entities that `changing` events change.
    /// Tables three times larger than their keys: Swift's sets and dictionaries
    /// compare the key in every full slot they probe (another string's bytes,
    /// from memory), and a miss probes fewer slots in an emptier table. Most
    /// lookups of a build miss (a post that is never edited), and growing step
    /// by step would hash every key again at each step.
    mutating func reserve(threads: Int, posts: Int, changing keys: [String]) {
        guard firstBuild else { return }
        self.posts?.reserve(2 * posts)
        changing.reserveCapacity(3 * keys.count)
        for key in keys { changing.insert(key) }
        history.reserveCapacity(changing.count)
        build.threads.reserveCapacity(3 * threads)
        build.threadOrder.reserveCapacity(threads)
        build.replies.reserveCapacity(3 * threads)
    }

    /// Frees on another thread what a first build kept in memory (a hundred
    /// thousand strings and more in a large space: about 30 ms of this thread's time).
    mutating func releaseMemory() {
        var kept = (history: [String: [StoredEvent]](), changing: Set<String>())
        swap(&kept.history, &history)
        swap(&kept.changing, &changing)
        releaseInBackground((kept, build.takeAll()))
    }

    /// A new post row was written (or a thread's row changed) during a first build.
    func noteFirstBuildPost(id: String, kind: Int, board: String, thread: String, author: String, at: String,
                            title: String?, redacted: Bool, isNew: Bool) {
        if kind == 0 {
            if var row = build.threads[id] {
                row.title = title ?? ""
                row.redacted = redacted
                build.threads[id] = row
            } else {
                build.threads[id] = .init(board: board, author: author, createdAt: at, title: title ?? "", redacted: redacted)
                build.threadOrder.append(id)
            }
        } else if isNew {
            build.replies[thread, default: []].count(board: board, at: at)
        }
    }

    /// Writes the threads table from memory, in creation order: a thread's
    /// replies are the comments in its board; decided and pinned come from their tables.
    func writeFirstBuildThreads() throws {
        let decided = Set(try String.fetchAll(db, sql: "SELECT thread FROM decisions"))
        var pinned: Set<FirstBuildState.ReplyKey> = []
        for row in try Row.fetchAll(db, sql: "SELECT thread, board FROM pins") {
            pinned.insert(.init(thread: row["thread"], board: row["board"]))
        }
        let threads = build.threadOrder.compactMap { id in build.threads[id].map { (id: id, row: $0) } }
        let insert = MultiRowInsert(db, """
            INSERT INTO threads(id, board, author, created_at, title, last_activity, replies, decided, redacted, pinned)
            """, columns: 10)
        try insert.run(count: threads.count) { s, index, c in
            let (id, t) = threads[index]
            let r = build.replies[id]?.first { $0.board == t.board }
            s.bind(c, id)
            s.bind(c + 1, t.board)
            s.bind(c + 2, t.author)
            s.bind(c + 3, t.createdAt)
            s.bind(c + 4, t.title)
            s.bind(c + 5, max(t.createdAt, r?.last ?? t.createdAt))
            s.bind(c + 6, r?.count ?? 0)
            s.bind(c + 7, decided.contains(id) ? 1 : 0)
            s.bind(c + 8, t.redacted ? 1 : 0)
            s.bind(c + 9, pinned.contains(FirstBuildState.ReplyKey(thread: id, board: t.board)) ? 1 : 0)
        }
    }

    /// Writes the reactions of every post that had any, each folded once.
    func writeFirstBuildReactions() throws {
        var rows: [ReactionRow] = []
        for (target, key) in build.reactionOrder {
            // The history is in application order with no duplicates: fold it directly.
            var reactions: [String: [Handle]] = [:]
            let events = history[key] ?? []
            for e in events { Forum.react(e.event.payload, by: e.author, to: &reactions) }
            rows += Self.reactionRows(target, reactions, firstUsed: Self.emojiByFirstUse(events))
        }
        let insert = MultiRowInsert(db, "INSERT INTO reactions(target, emoji, author, position)", columns: 4)
        try insert.run(count: rows.count) { s, index, c in
            s.bind(c, rows[index].target)
            s.bind(c + 1, rows[index].emoji)
            s.bind(c + 2, rows[index].author)
            s.bind(c + 3, rows[index].position)
        }
    }
}

extension [FirstBuildState.Replies] {
    /// One more comment posted to `board` at `at`.
    mutating func count(board: String, at: String) {
        if let i = firstIndex(where: { $0.board == board }) {
            self[i].count += 1
            if EventApplier.earlier(self[i].last, than: at) { self[i].last = at }
        } else {
            append(.init(board: board, count: 1, last: at))
        }
    }
}
