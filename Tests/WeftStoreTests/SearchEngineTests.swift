import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// A clock tests move by hand, so each post gets its own time.
final class StepClock: WeftCore.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var t: Timestamp

    init(_ iso: String) { t = Timestamp(iso8601: iso)! }

    func now() -> Timestamp { lock.withLock { t } }

    func set(_ iso: String) { lock.withLock { t = Timestamp(iso8601: iso)! } }
}

/// The search engine on a small hand-made space.
final class SearchEngineTests: XCTestCase {
    var box: Sandbox!
    var clock: StepClock!
    var ana: Store!
    var bo: Store!
    let now = Timestamp(iso8601: "2026-11-22T12:00:00.000Z")!
    let utc = TimeZone(identifier: "UTC")!

    override func setUpWithError() throws {
        box = Sandbox()
        _ = try Fixture.space(box)
        clock = StepClock("2026-11-01T09:00:00.000Z")
        ana = try Fixture.store(box, handle: "ana", clock: clock)
        try ana.createBoard(try BoardSlug("general"), title: "General", purpose: nil)
        try ana.createBoard(try BoardSlug("ops"), title: "Ops", purpose: nil)
        bo = try Fixture.store(box, handle: "bo", clock: clock)
    }

    @discardableResult
    func thread(_ store: Store, _ board: String, _ title: String, _ body: String, at: String,
                mentions: [String] = []) throws -> EventID {
        clock.set(at)
        return try store.append(.threadCreated(ThreadCreated(title: title, blocks: Blocks.split(body),
                                                             mentions: mentions.isEmpty ? nil : mentions.map { try! Handle($0) })),
                                board: try BoardSlug(board)).id
    }

    @discardableResult
    func comment(_ store: Store, _ board: String, on thread: EventID, _ body: String, at: String,
                 mentions: [String] = []) throws -> EventID {
        clock.set(at)
        return try store.append(.commentCreated(CommentCreated(thread: thread, body: body,
                                                               mentions: mentions.isEmpty ? nil : mentions.map { try! Handle($0) })),
                                board: try BoardSlug(board)).id
    }

    func search(_ text: String, as store: Store? = nil, access: BoardAccess = .standard) throws -> [SearchResult] {
        let who = store ?? ana!
        try who.index.catchUp()
        let q = try SearchQuery.parse(text, viewer: who.me, timeZone: utc, now: now)
        return try who.index.search(q, viewer: who.me, now: now, access: access)
    }

    func ids(_ text: String, as store: Store? = nil) throws -> Set<EventID> {
        Set(try search(text, as: store).map(\.id))
    }

    func testRankingPrefersTitlesAndThenRecentPosts() throws {
        let inBody = try thread(ana, "general", "Quarterly numbers", "The budget is tight this quarter, we are reviewing it", at: "2026-11-10T09:00:00.000Z")
        let inTitle = try thread(ana, "general", "Budget review", "Numbers for the quarter are in, we are reviewing them", at: "2026-11-10T09:00:00.000Z")
        XCTAssertEqual(try search("budget").map(\.id), [inTitle, inBody])

        let old = try thread(bo, "ops", "Rollout", "freeze the rollout", at: "2025-01-10T09:00:00.000Z")
        let recent = try thread(bo, "ops", "Rollout", "freeze the rollout", at: "2026-11-20T09:00:00.000Z")
        XCTAssertEqual(try search("freeze").map(\.id), [recent, old], "equal text: the newer first")
    }

    func testPhrasePrefixExclusionAndOr() throws {
        let a = try thread(ana, "general", "Plans", "The launch plan is ready", at: "2026-11-02T09:00:00.000Z")
        let b = try thread(ana, "general", "Other", "plan the launch later, draft", at: "2026-11-03T09:00:00.000Z")
        let c = try thread(ana, "general", "Deploys", "deployment went fine", at: "2026-11-04T09:00:00.000Z")
        XCTAssertEqual(try ids("\"launch plan\""), [a])
        XCTAssertEqual(try ids("launch plan"), [a, b])
        XCTAssertEqual(try ids("deploy*"), [c])
        XCTAssertEqual(try ids("deploy"), [], "a word is not a prefix")
        XCTAssertEqual(try ids("launch -draft"), [a])
        XCTAssertEqual(try ids("deployment OR \"launch plan\""), [a, c])
        XCTAssertEqual(try ids("-draft -deployment in:thread"), [a], "only exclusions list everything else")
    }

    func testDiacriticsAndCase() throws {
        let a = try thread(ana, "general", "Coffee", "Meet at the Café Noir", at: "2026-11-02T09:00:00.000Z")
        let b = try thread(ana, "general", "Cafe", "the cafe is closed", at: "2026-11-03T09:00:00.000Z")
        XCTAssertEqual(try ids("cafe"), [a, b])
        XCTAssertEqual(try ids("CAFÉ"), [a, b])
        let hit = try search("noir").first
        XCTAssertEqual(hit?.snippet.filter(\.isMatch).map(\.text), ["Noir"])
        XCTAssertEqual(try search("cafe").first { $0.id == a }?.snippet.filter(\.isMatch).map(\.text), ["Café"])
    }

    func testSubstringsInScriptsWithoutSpaces() throws {
        let ja = try thread(ana, "general", "予定", "明日の会議について話しましょう", at: "2026-11-02T09:00:00.000Z")
        let zh = try thread(ana, "general", "计划", "我们下周开会讨论预算", at: "2026-11-03T09:00:00.000Z")
        let other = try thread(ana, "general", "会議室", "room booking", at: "2026-11-04T09:00:00.000Z")
        XCTAssertEqual(try ids("会議"), [ja, other])
        XCTAssertEqual(try ids("会議について"), [ja])
        XCTAssertEqual(try ids("预算"), [zh])
        XCTAssertEqual(try ids("会"), [ja, other, zh], "one character is a substring too (开会)")
        XCTAssertEqual(try ids("会議 booking"), [other], "mixed with words")
        XCTAssertEqual(try search("会議について").first?.snippet.filter(\.isMatch).map(\.text), ["会議について"])
    }

    func testEditedPostsAreFoundByTheirLatestTextOnly() throws {
        let t = try thread(ana, "general", "Menu", "we serve pancakes", at: "2026-11-02T09:00:00.000Z")
        let c = try comment(bo, "general", on: t, "bring waffles", at: "2026-11-02T10:00:00.000Z")
        clock.set("2026-11-03T09:00:00.000Z")
        try ana.append(.postEdited(PostEdited(target: t, blocks: Blocks.split("we serve crêpes"))), board: try BoardSlug("general"))
        try bo.append(.postEdited(PostEdited(target: c, body: "bring muffins")), board: try BoardSlug("general"))
        XCTAssertEqual(try ids("pancakes"), [])
        XCTAssertEqual(try ids("waffles"), [])
        XCTAssertEqual(try ids("crepes"), [t])
        XCTAssertEqual(try ids("muffins"), [c])
    }

    func testRedactedPostsAreNeverFound() throws {
        let t = try thread(ana, "general", "Secret plan", "the password is hunter2", at: "2026-11-02T09:00:00.000Z")
        let c = try comment(ana, "general", on: t, "hunter2 again", at: "2026-11-02T10:00:00.000Z")
        XCTAssertEqual(try ids("hunter2"), [t, c])
        clock.set("2026-11-03T09:00:00.000Z")
        try ana.append(.postRedacted(PostRedacted(target: c)), board: try BoardSlug("general"))
        try ana.append(.postRedacted(PostRedacted(target: t)), board: try BoardSlug("general"))
        XCTAssertEqual(try ids("hunter2"), [])
        XCTAssertEqual(try ids("secret"), [])
        XCTAssertEqual(try ids("from:ana in:comment"), [])
    }

    func testFilters() throws {
        let t1 = try thread(ana, "general", "Hiring", "we need a designer", at: "2026-11-02T09:00:00.000Z", mentions: ["bo"])
        let t2 = try thread(bo, "ops", "Hiring ops", "we need an sre", at: "2026-11-05T09:00:00.000Z", mentions: ["ana"])
        let c1 = try comment(bo, "general", on: t1, "hiring: I know a designer", at: "2026-11-06T09:00:00.000Z")
        clock.set("2026-11-07T09:00:00.000Z")
        let status = try bo.append(.statusPosted(StatusPosted(kind: .atRisk, text: "hiring is slow")), board: try BoardSlug("ops")).id
        let decision = try bo.append(.threadDecided(ThreadDecided(thread: t2, summary: "hire a contractor for hiring")), board: try BoardSlug("ops")).id
        try ana.append(.followupRequested(FollowupRequested(target: c1, assignee: try Handle("bo"), due: now)), board: try BoardSlug("general"))
        let done = try ana.append(.followupRequested(FollowupRequested(target: t1, assignee: try Handle("bo"), due: now)), board: try BoardSlug("general")).id
        clock.set("2026-11-07T10:00:00.000Z")
        try bo.append(.followupResolved(FollowupResolved(followup: done, state: .done)), board: try BoardSlug("general"))

        XCTAssertEqual(try ids("hiring"), [t1, t2, c1, status, decision])
        XCTAssertEqual(try ids("hiring board:general"), [t1, c1])
        XCTAssertEqual(try ids("hiring board:ops"), [t2, status, decision])
        XCTAssertEqual(try ids("hiring from:bo"), [t2, c1, status, decision])
        XCTAssertEqual(try ids("hiring in:thread"), [t1, t2])
        XCTAssertEqual(try ids("hiring in:comment"), [c1])
        XCTAssertEqual(try ids("hiring in:status"), [status])
        XCTAssertEqual(try ids("hiring in:decision"), [decision])
        XCTAssertEqual(try ids("in:decision"), [decision], "filters alone list")
        XCTAssertEqual(try ids("hiring is:unread"), [t2, c1], "ana wrote t1; statuses and decisions are not posts")
        try ana.index.markThreadRead(t2)
        XCTAssertEqual(try ids("hiring is:unread"), [c1])
        XCTAssertEqual(try ids("hiring is:decided"), [t2, decision])
        XCTAssertEqual(try ids("is:open"), [c1])
        XCTAssertEqual(try ids("has:followup"), [t1, c1])
        XCTAssertEqual(try ids("mentions:me"), [t2])
        XCTAssertEqual(try ids("mentions:me", as: bo), [t1])
        XCTAssertEqual(try ids("hiring before:2026-11-05"), [t1])
        XCTAssertEqual(try ids("hiring on:2026-11-05"), [t2])
        XCTAssertEqual(try ids("hiring after:2026-11-05"), [c1, status, decision])
        let first = try search("designer").first { $0.id == c1 }
        XCTAssertEqual(first?.threadTitle, "Hiring")
        XCTAssertEqual(first?.board?.rawValue, "general")
        XCTAssertEqual(first?.thread, t1)
    }

    func testPrivateBoardsGoThroughTheAccessRule() throws {
        clock.set("2026-11-02T08:00:00.000Z")
        try bo.createBoard(try BoardSlug("hush"), title: "Hush", purpose: nil, visibility: .private)
        let hidden = try thread(bo, "hush", "Surprise party", "cake for everyone", at: "2026-11-02T09:00:00.000Z")
        let open = try thread(ana, "general", "Cake", "cake recipe", at: "2026-11-02T10:00:00.000Z")
        XCTAssertEqual(try ids("cake"), [open], "ana may not read bo's private board")
        XCTAssertEqual(try ids("cake", as: bo), [hidden, open], "its creator may")
        XCTAssertEqual(try ids("board:hush"), [])
        let nothingButGeneral = BoardAccess { board, _ in board.slug.rawValue == "general" }
        XCTAssertEqual(Set(try search("cake", as: bo, access: nothingButGeneral).map(\.id)), [open], "the one hook decides")
    }

    func testARebuiltIndexFindsTheSame() throws {
        try thread(ana, "general", "会議", "明日の会議", at: "2026-11-02T09:00:00.000Z")
        let t = try thread(ana, "general", "Decide", "café or tea", at: "2026-11-02T10:00:00.000Z")
        // Edited after the build below has indexed it: its old grams (made while the
        // journals were decoded) must come out exactly as they went in.
        let plan = try thread(ana, "general", "計画", "来週の予定", at: "2026-11-02T11:00:00.000Z")
        clock.set("2026-11-03T09:00:00.000Z")
        try ana.append(.statusPosted(StatusPosted(kind: .onTrack, text: "tea ordered")), board: nil)
        try ana.append(.threadDecided(ThreadDecided(thread: t, summary: "tea it is")), board: try BoardSlug("general"))
        try ana.append(.postEdited(PostEdited(target: t, blocks: Blocks.split("coffee or tea"))), board: try BoardSlug("general"))
        let queries = ["会議", "tea", "cafe", "coffee", "in:status", "is:decided", "予定", "来月", "画"]
        let before = try queries.map { try search($0).map(\.id) }
        _ = try Index.replace(space: ana.space, path: ana.index.path, statePath: ana.privateState.databasePath)
        let reopened = try Fixture.store(box, handle: "ana", clock: clock)
        let after = try queries.map { try search($0, as: reopened).map(\.id) }
        XCTAssertEqual(before, after)
        XCTAssertEqual(after[2], [], "the edit removed café")
        XCTAssertEqual(after[1].count, 3)
        XCTAssertEqual(after[6], [plan])
        try reopened.append(.postEdited(PostEdited(target: plan, blocks: Blocks.split("来月の会議"))),
                            board: try BoardSlug("general"))
        try reopened.index.catchUp()
        XCTAssertEqual(try search("予定", as: reopened).map(\.id), [], "the old text is gone")
        XCTAssertEqual(try search("来月", as: reopened).map(\.id), [plan])
        XCTAssertEqual(Set(try search("会議", as: reopened).map(\.id)).count, 2)
    }

    func testRecentSearchesAreRememberedNewestFirst() throws {
        try ana.index.rememberSearch("budget", at: Timestamp(iso8601: "2026-11-02T09:00:00.000Z")!)
        try ana.index.rememberSearch("board:ops", at: Timestamp(iso8601: "2026-11-02T09:01:00.000Z")!)
        try ana.index.rememberSearch("budget", at: Timestamp(iso8601: "2026-11-02T09:02:00.000Z")!)
        XCTAssertEqual(try ana.index.recentSearches(), ["budget", "board:ops"])
        XCTAssertEqual(try bo.index.recentSearches(), [], "private to each person")
    }
}
