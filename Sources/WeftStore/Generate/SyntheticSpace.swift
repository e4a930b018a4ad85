import Foundation
import WeftCore

/// Writes a deterministic synthetic space for benchmarks and UI tests: boards,
/// members in several time zones (names with accents, CJK and emoji), threads,
/// threaded comments, reactions, edits, status updates, follow-ups and decisions.
public struct SyntheticSpace {
    public var posts: Int
    public var seed: UInt64
    public var boards: Int
    public var members: Int
    public var start: Timestamp

    public init(posts: Int, seed: UInt64, boards: Int = 20, members: Int = 50,
                start: Timestamp = Timestamp(iso8601: "2026-01-05T08:00:00.000Z") ?? Timestamp(milliseconds: 0)) {
        self.posts = posts
        self.seed = seed
        self.boards = boards
        self.members = members
        self.start = start
    }

    public struct Summary: Sendable {
        public var events = 0
        public var threads = 0
        public var comments = 0
        public var boards = 0
        public var members = 0
        public var end = Timestamp(milliseconds: 0)
    }

    static let zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Europe/London",
                        "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "UTC", "Africa/Nairobi"]
    static let first = ["Ana", "José", "Zoë", "Björn", "Chloé", "Miyu", "Wei", "Ngozi", "Sven", "Léa", "Rahul", "Olu",
                        "Ines", "Tomás", "Yuki", "Amélie", "Kofi", "Saanvi", "Mateo", "Ève"]
    static let last = ["García", "Müller", "田中", "Søndergaard", "Nguyễn", "Okafor", "Kowalski", "Dubois", "李", "Smith"]
    static let boardNames = ["general", "engineering", "design", "product", "support", "ops", "sales", "marketing",
                             "hiring", "research", "mobile", "web", "infra", "security", "data", "finance", "legal",
                             "docs", "community", "random"]
    static let words = ["release", "deploy", "review", "café", "naïve", "schema", "latency", "budget", "roadmap",
                        "customer", "feedback", "日本語", "テキスト", "検索", "migration", "index", "quarter", "launch",
                        "incident", "🚀", "metrics", "design", "prototype", "résumé", "timeline", "backlog", "sync",
                        "async", "journal", "terminal", "weekly", "décision", "blocker", "estimate", "meeting", "notes"]
    static let emoji = ["👍", "🎉", "❤️", "👀", "✅", "😂", "🚀", "+1"]

    /// Writes the space's journals under `space` (which must be new and empty of journals).
    public func write(into space: Space) throws(StoreError) -> Summary {
        var rng = SeededRandom(seed: seed)
        var summary = Summary()
        var clock = start.milliseconds
        var writers: [String: [String]] = [:]
        var order: [String] = []
        func tick() -> Timestamp {
            clock += Int64.random(in: 1_000...60_000, using: &rng)
            return Timestamp(milliseconds: clock)
        }
        guard let device = try? DeviceID("gen") else { throw .config("invalid generator device id") }
        func emit(_ payload: Payload, by who: Handle, board: BoardSlug?) -> Event {
            let at = tick()
            let e = Event(id: EventID.make(at: at, random: &rng), at: at, author: who, payload: payload)
            let name = JournalName(handle: who, device: device)
            let path = space.journalPath(name, board: board)
            if writers[path] == nil { order.append(path) }
            writers[path, default: []].append(EventCodec.encode(e))
            summary.events += 1
            return e
        }
        func sentence(_ n: Int) -> String {
            (0..<n).map { _ in Self.words.randomElement(using: &rng) ?? "x" }.joined(separator: " ")
        }

        let people: [Handle] = (0..<members).compactMap { try? Handle("user\($0)") }
        for (i, who) in people.enumerated() {
            let name = "\(Self.first[i % Self.first.count]) \(Self.last[(i / 2) % Self.last.count])"
            let hours = ["09:00-17:00", "08:30-16:30", "10:00-18:30", "07:00-15:00"][i % 4]
            _ = emit(.memberProfile(MemberProfile(name: name, tz: Self.zones[i % Self.zones.count], hours: hours)), by: who, board: nil)
        }
        summary.members = people.count
        let slugs: [BoardSlug] = (0..<boards).compactMap { i in
            try? BoardSlug(i < Self.boardNames.count ? Self.boardNames[i] : "board-\(i)")
        }
        var admins: [BoardSlug: Handle] = [:]
        for (i, slug) in slugs.enumerated() {
            guard let who = people.randomElement(using: &rng) else { break }
            admins[slug] = who
            _ = emit(.boardCreated(BoardCreated(title: slug.rawValue.capitalized + " " + ["💬", "📐", "🛠", "日本"][i % 4],
                                                purpose: "All about \(slug.rawValue): \(sentence(4))")), by: who, board: slug)
        }
        summary.boards = slugs.count
        guard !slugs.isEmpty, !people.isEmpty else { return summary }

        let threadCount = max(1, posts / 10)
        var threads: [(id: EventID, board: BoardSlug, author: Handle, comments: [(EventID, Handle)])] = []
        threads.reserveCapacity(threadCount)
        var made = 0
        while made < posts {
            // Open a new thread while we have fewer than planned, else comment on a recent one.
            let newThread = threads.count < threadCount && (threads.isEmpty || Int.random(in: 0..<10, using: &rng) == 0)
            guard let who = people.randomElement(using: &rng) else { break }
            if newThread {
                let slug = slugs[Int.random(in: 0..<slugs.count, using: &rng)]
                let body = (0..<Int.random(in: 1...4, using: &rng)).map { _ in sentence(Int.random(in: 8...40, using: &rng)) }.joined(separator: "\n\n")
                let title = sentence(Int.random(in: 3...8, using: &rng)).capitalized
                let e = emit(.threadCreated(ThreadCreated(title: String(title.prefix(Limits.titleCharacters)), blocks: Blocks.split(body))),
                             by: who, board: slug)
                threads.append((e.id, slug, who, []))
                summary.threads += 1

            } else {
                // Favour recent threads, like real activity.
                let recent = max(0, threads.count - 200)
                let ti = Int.random(in: recent..<threads.count, using: &rng)
                let t = threads[ti]
                let parent = t.comments.isEmpty || Bool.random(using: &rng) ? nil : t.comments.randomElement(using: &rng)?.0
                let e = emit(.commentCreated(CommentCreated(thread: t.id, parent: parent, body: sentence(Int.random(in: 5...60, using: &rng)))),
                             by: who, board: t.board)
                threads[ti].comments.append((e.id, who))
                summary.comments += 1
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 15, let reactor = people.randomElement(using: &rng), let em = Self.emoji.randomElement(using: &rng) {
                    _ = emit(.reactionAdded(ReactionChange(target: e.id, emoji: em)), by: reactor, board: t.board)
                } else if roll < 17 {
                    _ = emit(.postEdited(PostEdited(target: e.id, body: sentence(12) + " (edited)")), by: who, board: t.board)
                } else if roll < 19 {
                    _ = emit(.statusPosted(StatusPosted(kind: StatusKind.allCases.randomElement(using: &rng) ?? .note, text: sentence(10))),
                             by: who, board: Bool.random(using: &rng) ? t.board : nil)
                } else if roll < 20, let assignee = people.randomElement(using: &rng) {
                    let due = Timestamp(milliseconds: clock + Int64.random(in: 1...14, using: &rng) * 86_400_000)
                    _ = emit(.followupRequested(FollowupRequested(target: e.id, assignee: assignee, due: due, note: sentence(6))),
                             by: who, board: t.board)
                } else if roll < 21 {
                    _ = emit(.threadDecided(ThreadDecided(thread: t.id, comment: e.id, summary: sentence(8))), by: t.author, board: t.board)
                }
            }
            made += 1
        }
        // Last (so the rest stays as it was): board admins pin a few threads, one
        // unpins again, and a non-admin's pin is ignored by the rules.
        for (i, t) in threads.enumerated() where i % 150 == 7 || i % 300 == 77 {
            guard let admin = admins[t.board] else { continue }
            let byAdmin = i % 150 == 7
            let who = byAdmin ? admin : people[(people.firstIndex(of: admin).map { $0 + 1 } ?? 0) % people.count]
            _ = emit(.threadPinned(ThreadPin(thread: t.id)), by: who, board: t.board)
            if byAdmin, i % 600 == 7 { _ = emit(.threadUnpinned(ThreadPin(thread: t.id)), by: admin, board: t.board) }
        }
        summary.end = Timestamp(milliseconds: clock)
        let fm = FileManager.default
        for path in order {
            guard let lines = writers[path] else { continue }
            let dir = (path as NSString).deletingLastPathComponent
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch { throw .notWritable(dir) }
            var data = Data()
            for l in lines { data.append(contentsOf: l.utf8); data.append(10) }
            guard fm.createFile(atPath: path, contents: data) else { throw .notWritable(path) }
        }
        return summary
    }
}
