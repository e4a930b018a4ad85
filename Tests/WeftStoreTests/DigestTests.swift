import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Each section of the weekly digest, on a hand-made space.
final class DigestTests: XCTestCase {
    var space: HandMadeSpace!
    var store: Store!
    let w47 = ISOWeek(parsing: "2026-W47")!

    override func setUpWithError() throws {
        space = try HandMadeSpace.week47()
        store = try space.store(now: "2026-11-20T12:00:00.000Z")
        try store.index.markRead([space["readmention"]])
    }

    func digest(_ who: String = "ann", canRead: (Board, Handle) -> Bool = BoardAccess.standard.canRead) throws -> Digest {
        let s = try space.store(as: who, now: "2026-11-20T12:00:00.000Z")
        let zone = TimeZone(identifier: try s.index.member(s.me)?.timeZone ?? "UTC")!
        return try s.index.digest(viewer: s.me, week: w47, zone: zone, now: s.now, canRead: canRead)
    }

    func titles(_ d: Digest, _ kind: DigestSection.Kind) -> [String] {
        d.section(kind)?.groups.flatMap { g in g.items.map { ($0.highlight ? "!" : "") + (g.heading.map { "\($0): " } ?? "") + $0.title } } ?? []
    }

    func testHeaderCountsTheWeekInTheViewersZone() throws {
        let d = try digest()
        XCTAssertEqual(d.week, w47)
        XCTAssertEqual(d.timeZone, "Europe/Berlin")
        XCTAssertEqual(d.interval.lowerBound.iso8601, "2026-11-15T23:00:00.000Z")
        // db, lunch, deploy; not "hidden" (carol's private board, which ann's index
        // does not hold), "late" (Monday in Berlin) nor "old".
        XCTAssertEqual(d.counts, Digest.Counts(threads: 3, comments: 4, statusUpdates: 4, decisions: 1, activePeople: 3))
        // For bob (New York) Sunday evening's thread is in the week.
        XCTAssertEqual(try digest("bob").counts.threads, 4)
    }

    func testDecisions() throws {
        let d = try digest()
        let items = d.section(.decisions)!.groups.flatMap(\.items)
        XCTAssertEqual(items.map(\.title), ["Pick a DB"])
        XCTAssertEqual(items.first?.text, "Postgres it is")
        XCTAssertEqual(items.first?.board?.rawValue, "general")
        XCTAssertEqual(items.first?.author.rawValue, "ann")
        XCTAssertEqual(items.first?.thread, space["db"])
    }

    func testStatusUpdatesByPersonLatestFirstWithBlockedHighlighted() throws {
        XCTAssertEqual(titles(try digest(), .statusUpdates),
                       ["bob: Back on track", "!bob: Waiting on infra", "carol: Out Friday"])
    }

    func testCheckinAnswersByQuestion() throws {
        let d = try digest()
        XCTAssertEqual(titles(d, .checkinAnswers), ["What did you ship?: The digest"])
        XCTAssertEqual(d.section(.checkinAnswers)?.groups.first?.items.first?.note, "2026-11-20, done")
    }

    func testNewThreadsByBoard() throws {
        XCTAssertEqual(titles(try digest(), .newThreads),
                       ["eng: Deploy plan", "general: Lunch Friday", "general: Pick a DB"])
    }

    func testMostActiveThreads() throws {
        let d = try digest()
        XCTAssertEqual(titles(d, .mostActive), ["Pick a DB", "Lunch Friday"])
        XCTAssertEqual(d.section(.mostActive)?.groups.first?.items.first?.note, "3 comments this week")
    }

    func testThreadsWaitingForAFirstReply() throws {
        XCTAssertEqual(titles(try digest(), .waitingForReply), ["Old question", "Deploy plan"])
    }

    /// A thread first answered after the week still waited during it.
    func testAReplyAfterTheWeekDoesNotCountForIt() throws {
        space.add(.commentCreated(CommentCreated(thread: space["deploy"], body: "Looks good.")), by: "bob", board: "eng",
                  at: "2026-11-24T10:00:00.000Z")
        XCTAssertEqual(titles(try digest(), .waitingForReply), ["Old question", "Deploy plan"])
        let s = try space.store(now: "2026-11-25T12:00:00.000Z")
        let next = try s.index.digest(viewer: s.me, week: w47.next, zone: TimeZone(identifier: "Europe/Berlin")!, now: s.now)
        XCTAssertEqual(titles(next, .waitingForReply), ["Old question", "Sunday night idea"])
    }

    func testFollowUpsForMe() throws {
        XCTAssertEqual(titles(try digest(), .followUpsForMe),
                       ["!Overdue: Pick a DB", "Due this week: Pick a DB", "Due next week: Lunch Friday"])
        let item = try digest().section(.followUpsForMe)!.groups[1].items[0]
        XCTAssertEqual(item.author.rawValue, "carol")
        XCTAssertEqual(item.text, "reply pls")
    }

    func testFollowUpsIAsked() throws {
        let d = try digest()
        XCTAssertEqual(titles(d, .followUpsIAsked), ["Deploy plan"])
        XCTAssertEqual(d.section(.followUpsIAsked)?.groups.first?.items.first?.author.rawValue, "bob")
    }

    func testUnreadMentions() throws {
        let d = try digest()
        XCTAssertEqual(titles(d, .unreadMentions), ["Pick a DB"])
        XCTAssertEqual(d.section(.unreadMentions)?.groups.first?.items.first?.author.rawValue, "carol")
        try store.index.markRead([space["c2"]])
        XCTAssertTrue(try digest().section(.unreadMentions)!.isEmpty)
    }

    func testBoardsTheViewerCannotReadAreLeftOut() throws {
        // carol's private board is in her digest, never in ann's.
        let mine = try digest("carol")
        XCTAssertTrue(titles(mine, .newThreads).contains { $0.contains("Secret") })
        XCTAssertTrue(titles(mine, .waitingForReply).contains("Secret plan"))
        let d = try digest()
        XCTAssertFalse(titles(d, .newThreads).contains { $0.contains("Secret") })
        XCTAssertFalse(titles(d, .waitingForReply).contains("Secret plan"))
        // The rule can also be narrowed by the caller (here: no engineering either).
        let narrowed = try digest(canRead: { board, _ in board.slug.rawValue != "eng" })
        XCTAssertEqual(narrowed.counts.threads, 2)
    }

    func testEveryItemNamesItsAuthorAndTime() throws {
        let d = try digest()
        for s in d.sections {
            for item in s.groups.flatMap(\.items) {
                XCTAssertTrue(item.kind == .status || item.board != nil, "\(s.kind): \(item.title)")
                XCTAssertGreaterThan(item.at.milliseconds, 0)
            }
        }
        let text = DigestText.render(d)
        XCTAssertTrue(text.contains("[general] Pick a DB — Postgres it is · ann · Thu Nov 19 09:00"), text)
    }

    func testAQuietWeek() throws {
        let s = try space.store(now: "2026-11-20T12:00:00.000Z")
        let d = try s.index.digest(viewer: s.me, week: ISOWeek(parsing: "2026-W40")!, zone: TimeZone(identifier: "Europe/Berlin")!, now: s.now)
        XCTAssertEqual(d.counts, Digest.Counts())
        XCTAssertTrue(d.section(.decisions)!.isEmpty)
        XCTAssertTrue(DigestText.render(d).contains("No decisions this week."))
    }
}
