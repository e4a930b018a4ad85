import Foundation
import WeftCore
import WeftTestSupport
import XCTest

@testable import WeftStore

/// Reading at speed in the store: pins, list filters and sorts, paging with
/// them, catch-up, unread again, stars and saved list options.
final class ThreadListTests: XCTestCase {
    private var box: Sandbox!
    private var ann: Store!
    private var bob: Store!
    private let board = try! BoardSlug("general")
    private var threads: [EventID] = []

    /// ann creates `general` (she is its admin); bob and ann write five threads:
    /// t0 (ann, bob commented), t1 (bob), t2 (bob, decided), t3 (bob, open
    /// follow-up on a comment), t4 (bob).
    override func setUpWithError() throws {
        box = Sandbox(handle: "ann")
        _ = try Fixture.space(box)
        ann = try Fixture.store(box, handle: "ann")
        bob = try Fixture.store(box, handle: "bob", device: "desk")
        _ = try ann.createBoard(board, title: "General", purpose: nil)
        try bob.index.catchUp()
        func thread(_ store: Store, _ title: String) throws -> EventID {
            try store.append(.threadCreated(ThreadCreated(title: title, blocks: Blocks.split("body of \(title)"))), board: board).id
        }
        threads.append(try thread(ann, "t0"))
        try bob.index.catchUp()
        _ = try bob.append(.commentCreated(CommentCreated(thread: threads[0], body: "bob on t0")), board: board)
        for i in 1...4 { threads.append(try thread(bob, "t\(i)")) }
        _ = try bob.append(.threadDecided(ThreadDecided(thread: threads[2], summary: "done")), board: board)
        let c = try bob.append(.commentCreated(CommentCreated(thread: threads[3], body: "please")), board: board)
        _ = try bob.append(.followupRequested(FollowupRequested(target: c.id, assignee: try Handle("ann"),
                                                                 due: Timestamp(milliseconds: 1_900_000_000_000))), board: board)
        try ann.index.catchUp()
        try ann.index.markThreadRead(threads[1])
    }

    override func tearDown() {
        ann = nil
        bob = nil
        box = nil
    }

    private func titles(_ options: ThreadListOptions, viewer: Store? = nil) throws -> [String] {
        let store = viewer ?? ann!
        return try store.index.threads(board: board, viewer: store.me, options: options).map(\.title)
    }

    func testPinsByTheAdminLeadTheListAndOthersAreIgnored() throws {
        _ = try bob.append(.threadPinned(ThreadPin(thread: threads[4])), board: board)  // not the admin: ignored
        _ = try ann.append(.threadPinned(ThreadPin(thread: threads[1])), board: board)
        try ann.index.catchUp()
        XCTAssertEqual(try titles(.default), ["t1", "t3", "t4", "t2", "t0"])
        XCTAssertTrue(try ann.index.isPinned(threads[1]))
        XCTAssertFalse(try ann.index.isPinned(threads[4]))
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.pinned])), ["t1"])
        _ = try ann.append(.threadUnpinned(ThreadPin(thread: threads[1])), board: board)
        try ann.index.catchUp()
        XCTAssertEqual(try titles(.default), ["t3", "t4", "t2", "t1", "t0"])
    }

    func testFiltersSelectTheRightThreads() throws {
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.unread])), ["t3", "t4", "t2", "t0"], "t1 was read; t3 has a later comment")
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.decided])), ["t2"])
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.undecided])), ["t3", "t4", "t1", "t0"])
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.followups])), ["t3"])
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.mine])), ["t0"], "ann started t0")
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.mine]), viewer: bob), ["t3", "t4", "t2", "t1", "t0"],
                       "bob started t1-t4 and commented on t0")
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.unread, .undecided])), ["t3", "t4", "t0"])
        for filters: Set<ThreadFilter> in [[.unread], [.decided], [.mine], [.followups], [.unread, .undecided]] {
            let options = ThreadListOptions(filters: filters)
            XCTAssertEqual(try ann.index.threadCount(board: board, viewer: ann.me, options: options),
                           try titles(options).count, "\(filters)")
        }
    }

    func testSortsByCreationAndUnreadCount() throws {
        // A new comment on t0 makes it the most recently active, not the newest.
        _ = try bob.append(.commentCreated(CommentCreated(thread: threads[0], body: "again")), board: board)
        try ann.index.catchUp()
        XCTAssertEqual(try titles(.default), ["t0", "t3", "t4", "t2", "t1"])
        XCTAssertEqual(try titles(ThreadListOptions(sort: .created)), ["t4", "t3", "t2", "t1", "t0"])
        // t0: thread by ann (hers) + 2 comments by bob = 2 unread; t3: thread + comment = 2; others 1 or 0.
        let byUnread = try ann.index.threads(board: board, viewer: ann.me, options: ThreadListOptions(sort: .unread))
        XCTAssertEqual(byUnread.map(\.unread), byUnread.map(\.unread).sorted(by: >))
        XCTAssertEqual(byUnread.last?.title, "t1")
    }

    func testPagingFromAnchorsMatchesTheWholeListForEveryOption() throws {
        _ = try ann.append(.threadPinned(ThreadPin(thread: threads[2])), board: board)
        try ann.index.catchUp()
        for options in [ThreadListOptions.default, ThreadListOptions(sort: .created), ThreadListOptions(sort: .unread),
                        ThreadListOptions(filters: [.undecided]), ThreadListOptions(filters: [.unread], sort: .created)] {
            let all = try ann.index.threads(board: board, viewer: ann.me, options: options, limit: 100)
            var walked: [ThreadSummary] = []
            var anchor: ThreadAnchor?
            while true {
                let page = try ann.index.threads(board: board, viewer: ann.me, options: options, from: anchor,
                                                 direction: .down, limit: 2)
                if page.isEmpty { break }
                walked += page
                anchor = page.last.map(ThreadAnchor.init)
            }
            XCTAssertEqual(walked.map(\.id), all.map(\.id), "\(options)")
            let up = try ann.index.threads(board: board, viewer: ann.me, options: options, from: nil, direction: .up, limit: 2)
            XCTAssertEqual(up.map(\.id), all.suffix(2).map(\.id), "\(options) from the bottom")
            for (row, thread) in all.enumerated() {
                XCTAssertEqual(try ann.index.threadPosition(thread.id, board: board, viewer: ann.me, options: options), row)
            }
        }
    }

    func testCatchUpMarksEverythingOrOnlyTheFilteredThreads() throws {
        let decided = ThreadListOptions(filters: [.decided])
        XCTAssertEqual(try ann.index.unreadThreadCount(board: board, viewer: ann.me, options: decided), 1)
        let first = try ann.index.catchUp(board: board, viewer: ann.me, options: decided)
        XCTAssertEqual(first.threads, 1)
        XCTAssertEqual(first.posts, 1)
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.unread])), ["t3", "t4", "t0"])
        let rest = try ann.index.catchUp(board: board, viewer: ann.me)
        XCTAssertEqual(rest.threads, 3)
        XCTAssertEqual(rest.posts, 4, "t4, t3 + its comment, bob's comment on t0")
        XCTAssertEqual(try titles(ThreadListOptions(filters: [.unread])), [])
        XCTAssertEqual(try ann.index.unreadCounts(viewer: ann.me)[board], nil)
        XCTAssertEqual(try ann.index.catchUp(board: board, viewer: ann.me).threads, 0)
    }

    func testMarkThreadUnreadAgain() throws {
        try ann.index.catchUp(board: board, viewer: ann.me)
        try ann.index.markThreadUnread(threads[3])
        let rows = try ann.index.threads(board: board, viewer: ann.me, options: ThreadListOptions(filters: [.unread]))
        XCTAssertEqual(rows.map(\.title), ["t3"])
        XCTAssertEqual(rows.first?.unread, 2)
    }

    func testStarsAndListOptionsAreKeptInPrivateState() throws {
        let options = ThreadListOptions(filters: [.unread, .mine], sort: .created)
        try ann.index.setStar(board, true)
        try ann.index.setListOptions(options, board: board)
        let reopened = try Fixture.store(box, handle: "ann")
        XCTAssertEqual(try reopened.index.starredBoards(), [board])
        XCTAssertEqual(try reopened.index.listOptions(board: board), options)
        XCTAssertEqual(try bob.index.starredBoards(), [], "stars are private")
        try reopened.index.setStar(board, false)
        try reopened.index.setListOptions(.default, board: board)
        XCTAssertEqual(try reopened.index.starredBoards(), [])
        XCTAssertEqual(try reopened.index.listOptions(board: board), .default)
    }

    func testOptionsEncodingRoundTripsAndToleratesJunk() {
        let options = ThreadListOptions(filters: [.followups, .decided], sort: .unread)
        XCTAssertEqual(ThreadListOptions(encoded: options.encoded), options)
        XCTAssertEqual(ThreadListOptions(encoded: "sort=nope;filters=unread,bogus;x"), ThreadListOptions(filters: [.unread]))
        var toggled = ThreadListOptions(filters: [.decided])
        toggled.toggle(.undecided)
        XCTAssertEqual(toggled.filters, [.undecided], "decided and undecided exclude each other")
        XCTAssertEqual(ThreadListOptions(filters: [.unread, .mine], sort: .created).summary, "unread · mine · by creation")
    }

    func testPinsRebuildToTheSameIndex() throws {
        _ = try ann.append(.threadPinned(ThreadPin(thread: threads[1])), board: board)
        _ = try bob.append(.threadPinned(ThreadPin(thread: threads[3])), board: board)
        try ann.index.catchUp()
        let incremental = try ann.index.snapshot()
        _ = try ann.index.rebuild()
        XCTAssertEqual(try ann.index.snapshot(), incremental)
        let pins = incremental.components(separatedBy: "## pins\n").last?.components(separatedBy: "\n## ").first ?? ""
        XCTAssertTrue(pins.hasPrefix("\"\(threads[1].rawValue)\"|\"general\"|\"ann\"|"), pins)
        XCTAssertFalse(pins.contains(threads[3].rawValue), "bob is not the admin")
    }
}
