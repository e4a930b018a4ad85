import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// The index must give the same answers however it was built: from scratch,
/// incrementally as lines arrive in any interleaving, and as WeftCore's fold says.
final class IndexConsistencyTests: XCTestCase {
    /// Generates a space, then feeds its lines into a second space chunk by chunk,
    /// across journals in a scrambled order, catching up after each chunk.
    func testIncrementalEqualsRebuildEqualsFold() throws {
        let box = Sandbox()
        let source = try Space.create(at: box.root + "/source", name: "src", id: "0190f000-0000-7000-8000-0000000000aa",
                                      now: Timestamp(milliseconds: 0))
        _ = try SyntheticSpace(posts: 1500, seed: 42, boards: 4, members: 6).write(into: source)
        let target = try Space.create(at: box.space, name: "dst", id: "0190f000-0000-7000-8000-0000000000bb",
                                      now: Timestamp(milliseconds: 0))
        var pending: [(path: String, lines: [String])] = source.journals().found.map { j in
            let text = String(decoding: (try? JournalFile.read(j.absolutePath, from: 0)) ?? [], as: UTF8.self)
            return (target.root + "/" + j.relativePath, text.split(separator: "\n").map(String.init))
        }
        let env = Fixture.env(box)
        let incremental = try Index(space: target, path: box.root + "/inc/index.sqlite", statePath: box.root + "/inc/state.sqlite")
        var rng = SeededRandom(seed: 9)
        var rounds = 0
        // Newest journals first, so comments often arrive before their threads.
        pending.reverse()
        while !pending.isEmpty {
            let i = Int.random(in: 0..<pending.count, using: &rng)
            let n = min(pending[i].lines.count, Int.random(in: 1...120, using: &rng))
            let chunk = pending[i].lines.prefix(n)
            Fixture.append(chunk.joined(separator: "\n") + "\n", to: pending[i].path)
            pending[i].lines.removeFirst(n)
            if pending[i].lines.isEmpty { pending.remove(at: i) }
            try incremental.catchUp()
            rounds += 1
        }
        XCTAssertGreaterThan(rounds, 20)
        let rebuilt = try Index(space: target, path: box.root + "/re/index.sqlite", statePath: box.root + "/re/state.sqlite")
        try rebuilt.rebuild()
        let a = try incremental.snapshot(), b = try rebuilt.snapshot()
        XCTAssertEqual(a.count, b.count)
        // The snapshot compares the full-text index term by term, not only which rows it has.
        let terms = b.components(separatedBy: "## posts_fts terms\n").last?.split(separator: "\n") ?? []
        XCTAssertGreaterThan(terms.count, 50)
        if a != b {
            let la = a.split(separator: "\n"), lb = b.split(separator: "\n")
            let onlyA = Set(la).subtracting(lb).sorted().prefix(5), onlyB = Set(lb).subtracting(la).sorted().prefix(5)
            XCTFail("incremental and rebuilt indexes differ:\nincremental only: \(onlyA)\nrebuilt only: \(onlyB)")
        }
        _ = env

        // And both agree with the reference fold.
        var events: [StoredEvent] = []
        for j in target.journals().found {
            let batch = JournalReader.parse(try JournalFile.read(j.absolutePath, from: 0), path: j.relativePath,
                                            name: j.name, board: j.board, firstLine: 1)
            events += batch.events.map(\.event)
        }
        let forum = Forum(events: events)
        let me = try Handle("nobody")
        for summary in try rebuilt.boards(viewer: me) {
            let slug = summary.board.slug
            XCTAssertEqual(summary.threads, forum.threads.values.filter { $0.board == slug }.count)
            let page = try rebuilt.threads(board: slug, viewer: me, limit: 20)
            let expected = forum.threads.values.filter { $0.board == slug }
                .sorted { $0.lastActivity != $1.lastActivity ? $0.lastActivity > $1.lastActivity : $0.id > $1.id }
                .prefix(20)
            XCTAssertEqual(page.map(\.id), expected.map(\.id))
            for t in page {
                let detail = try XCTUnwrap(try rebuilt.thread(t.id, viewer: me))
                let comments = forum.comments(of: t.id)
                XCTAssertEqual(detail.comments.map(\.id), comments.map(\.id))
                XCTAssertEqual(detail.comments.map(\.body), comments.map { $0.redacted ? "" : $0.body })
                XCTAssertEqual(detail.thread.title, forum.threads[t.id]?.title)
                XCTAssertEqual(detail.decision?.id, forum.threads[t.id]?.decision?.id)
                for c in detail.comments {
                    let want = (forum.reactions[c.id] ?? [:]).mapValues { Set($0) }
                    let got = Dictionary(uniqueKeysWithValues: c.reactions.map { ($0.emoji, Set($0.authors)) })
                    XCTAssertEqual(got, want)
                }
            }
        }
        XCTAssertEqual(try rebuilt.members().count, forum.members.count)
        XCTAssertEqual(try rebuilt.statuses(limit: 100_000).count, forum.statuses.count)
        XCTAssertEqual(Set(try rebuilt.followUps().map(\.id)), Set(forum.followUps.keys))
    }

    /// Reactions are listed in the order their emoji were first used, after every
    /// re-fold and after a rebuild (they once came in a dictionary's order, which
    /// changes from one process to the next).
    func testReactionsKeepTheOrderTheirEmojiWereFirstUsedIn() throws {
        let box = Sandbox()
        let clock = StepClock("2026-11-01T09:00:00.000Z")
        let (ann, slug) = try Fixture.generalBoard(box, handle: "ann", clock: clock)
        let bob = try Fixture.store(box, handle: "bob", clock: clock)
        let t = try ann.append(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("body"))), board: slug).id
        let emoji = ["🎉", "👍", "❤️", "ship", "🚀", "👀", "a", "z"]
        for (i, e) in emoji.enumerated() {
            clock.set("2026-11-01T10:0\(i):00.000Z")
            try (i % 2 == 0 ? ann : bob).append(.reactionAdded(ReactionChange(target: t, emoji: e)), board: slug)
        }
        clock.set("2026-11-01T11:00:00.000Z")
        try bob.append(.reactionAdded(ReactionChange(target: t, emoji: "🎉")), board: slug)
        try bob.append(.reactionRemoved(ReactionChange(target: t, emoji: "👍")), board: slug)
        func order(_ store: Store) throws -> [String] {
            try store.index.catchUp()
            return try XCTUnwrap(try store.index.thread(t, viewer: store.me)).thread.reactions.map(\.emoji)
        }
        let expected = emoji.filter { $0 != "👍" }
        XCTAssertEqual(try order(ann), expected)
        XCTAssertEqual(try XCTUnwrap(try ann.index.thread(t, viewer: ann.me)).thread.reactions.first?.authors.map(\.rawValue),
                       ["ann", "bob"])
        _ = try Index.replace(space: ann.space, path: ann.index.path, statePath: ann.privateState.databasePath)
        XCTAssertEqual(try order(try Fixture.store(box, handle: "ann", clock: clock)), expected)
    }

    func testDeletingTheIndexLosesNothing() throws {
        let box = Sandbox()
        _ = try Fixture.space(box)
        let store = try Fixture.store(box)
        let slug = try BoardSlug("general")
        try store.createBoard(slug, title: "General", purpose: nil)
        let t = try store.append(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("body"))), board: slug)
        let c = try store.append(.commentCreated(CommentCreated(thread: t.id, body: "c")), board: slug)
        try store.append(.postEdited(PostEdited(target: c.id, body: "c2")), board: slug)
        try store.append(.reactionAdded(ReactionChange(target: t.id, emoji: "🎉")), board: slug)
        try store.index.markRead([t.id])
        let before = try store.index.snapshot()
        let unreadBefore = try store.index.boards(viewer: store.me)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.index.path + suffix) }
        let reopened = try Fixture.store(box)
        XCTAssertEqual(try reopened.index.snapshot(), before)
        XCTAssertEqual(try reopened.index.boards(viewer: reopened.me), unreadBefore, "read markers live in private state")
        XCTAssertEqual(try reopened.index.thread(t.id, viewer: reopened.me)?.comments.first?.body, "c2")
    }

    func testARewrittenJournalTriggersARebuild() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        let path = space.spaceJournalDirectory + "/ann@laptop.jsonl"
        Fixture.append(Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "one"))) + "\n"
                       + Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "two"))) + "\n", to: path)
        let store = try Fixture.store(box)
        XCTAssertEqual(try store.index.statuses().count, 2)
        // Someone rewrites history: the file shrinks.
        try Data((Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "other"))) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let report = try store.index.catchUp()
        XCTAssertTrue(report.rebuilt)
        XCTAssertEqual(try store.index.statuses().map(\.text), ["other"])
        XCTAssertTrue(try store.index.problems().contains { $0.reason.contains("shrank") })
    }

    func testIDPrefixResolution() throws {
        let box = Sandbox()
        _ = try Fixture.space(box)
        let store = try Fixture.store(box)
        let slug = try BoardSlug("general")
        try store.createBoard(slug, title: "General", purpose: nil)
        let t = try store.append(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("b"))), board: slug)
        XCTAssertEqual(try store.index.resolve(t.id.rawValue).id, t.id)
        XCTAssertEqual(try store.index.resolve(String(t.id.rawValue.filter { $0 != "-" }.prefix(14))).id, t.id)
        XCTAssertEqual(try store.index.resolve(t.id.rawValue.uppercased()).kind, .thread)
        XCTAssertThrowsError(try store.index.resolve("01a")) { XCTAssertEqual($0 as? StoreError, .idTooShort("01a")) }
        XCTAssertThrowsError(try store.index.resolve("ffff")) { XCTAssertEqual($0 as? StoreError, .unknownID("ffff")) }
        XCTAssertThrowsError(try store.index.resolve("zz/../x")) { XCTAssertEqual($0 as? StoreError, .unknownID("zz/../x")) }
        let c = try store.append(.commentCreated(CommentCreated(thread: t.id, body: "c")), board: slug)
        let shared = String(zip(t.id.rawValue, c.id.rawValue).prefix { $0 == $1 }.map(\.0))
        if shared.count >= 4 {
            XCTAssertThrowsError(try store.index.resolve(shared)) {
                guard case .ambiguousID = $0 as? StoreError else { return XCTFail("\($0)") }
            }
        }
    }
}
