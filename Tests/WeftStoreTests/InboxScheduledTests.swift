import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Check-in questions and the weekly digest in the inbox the store computes
/// (hand-made space: ann in Berlin, bob in New York, carol in Tokyo; ann's
/// check-in "What did you ship?" asks everyone on Fridays at 16:00).
final class InboxScheduledTests: XCTestCase {
    func checkinItems(_ items: [InboxItem]) -> [String] {
        items.filter { $0.kind == .checkin }.map { "\($0.occurrence ?? "?") \($0.deliveredAt?.iso8601 ?? $0.heldUntil?.iso8601 ?? "")" }
    }

    func testADueOccurrenceReachesEachMemberInTheirZoneAndLeavesWhenAnswered() throws {
        let s = try HandMadeSpace.week47()
        // Friday 2026-11-20 08:00 UTC: 17:00 in Tokyo, 09:00 in Berlin, 03:00 in New York.
        let carol = try s.store(as: "carol", now: "2026-11-20T08:00:00.000Z")
        let inbox = try carol.inbox()
        XCTAssertEqual(checkinItems(inbox.items), ["2026-11-20 2026-11-20T07:00:00.000Z"], "Friday 16:00 in Tokyo")
        let item = try XCTUnwrap(inbox.items.first { $0.kind == .checkin })
        XCTAssertEqual(item.id, "checkin:\(s["checkin"].rawValue):2026-11-20")
        XCTAssertEqual(item.subject, s["checkin"])
        XCTAssertEqual(item.board, try BoardSlug("general"))
        XCTAssertEqual(item.actor, try Handle("ann"))
        XCTAssertEqual(item.summary, "What did you ship?")
        XCTAssertNil(item.thread)
        XCTAssertEqual(checkinItems(inbox.held), ["2026-11-27 2026-11-27T07:00:00.000Z"], "the next one is held until it comes")
        XCTAssertTrue(inbox.notifyLine?.contains("1 check-in") == true, inbox.notifyLine ?? "nil")

        // ann's Friday 16:00 is 15:00 UTC: not yet, held until then.
        let ann = try s.store(as: "ann", now: "2026-11-20T08:00:00.000Z").inbox()
        XCTAssertEqual(checkinItems(ann.items), [])
        XCTAssertEqual(checkinItems(ann.held).first, "2026-11-20 2026-11-20T15:00:00.000Z")
        // bob answered ahead (his Friday 16:00 is 21:00 UTC): nothing for that Friday.
        let bob = try s.store(as: "bob", now: "2026-11-20T22:00:00.000Z").inbox()
        XCTAssertEqual(checkinItems(bob.items), [])
        XCTAssertEqual(checkinItems(bob.held), ["2026-11-27 2026-11-27T21:00:00.000Z"])

        // carol answers (the store names the occurrence by her local day): the item leaves.
        let checkin = try XCTUnwrap(try carol.index.checkin(s["checkin"].rawValue))
        try carol.answer(checkin, text: "Shipped the inbox", kind: .done)
        XCTAssertEqual(checkinItems(try carol.inbox().items), [])
        let answers = try carol.index.checkinAnswers(s["checkin"])
        XCTAssertEqual(answers.first?.occurrence, "2026-11-20")
        XCTAssertTrue(answers.first?.answers.contains { $0.text == "Shipped the inbox" && $0.author.rawValue == "carol" } == true)
    }

    func testANewerOccurrenceReplacesAnUnansweredOlderOne() throws {
        let s = try HandMadeSpace.week47()
        // Saturday 2026-11-28: ann never answered; only the latest Friday is asked.
        let ann = try s.store(as: "ann", now: "2026-11-28T08:00:00.000Z").inbox()
        XCTAssertEqual(checkinItems(ann.items), ["2026-11-27 2026-11-27T15:00:00.000Z"])
        // Marked done, it stays done; the next Friday comes again.
        let store = try s.store(as: "ann", now: "2026-11-28T08:00:00.000Z")
        try store.markInboxDone(ann.items.filter { $0.kind == .checkin })
        XCTAssertEqual(checkinItems(try store.inbox().items), [])
        XCTAssertEqual(checkinItems(try s.store(as: "ann", now: "2026-12-04T15:00:00.000Z").inbox().items),
                       ["2026-12-04 2026-12-04T15:00:00.000Z"])
    }

    func testAPausedCheckinAsksNothing() throws {
        let s = try HandMadeSpace.week47()
        let ann = try s.store(as: "ann", now: "2026-11-19T08:00:00.000Z")
        try ann.change(try XCTUnwrap(try ann.index.checkin(s["checkin"].rawValue)), to: .paused)
        let inbox = try s.store(as: "carol", now: "2026-11-20T08:00:00.000Z").inbox()
        XCTAssertEqual(checkinItems(inbox.items + inbox.held), [])
    }

    func testAWeeklyCadenceBringsTheDigestOncePerWeek() throws {
        let s = try HandMadeSpace.week47()
        // ann (Berlin) chooses weekly on Monday 09:00: 08:00 UTC in November.
        let setup = try s.store(as: "ann", now: "2026-11-23T07:00:00.000Z")
        try setup.index.setCadence(.weekly(weekday: 2, minute: 9 * 60))
        var inbox = try setup.inbox()
        XCTAssertEqual(inbox.held.filter { $0.kind == .digest }.map(\.id), ["digest:2026-W47"])
        XCTAssertEqual(inbox.held.first { $0.kind == .digest }?.heldUntil?.iso8601, "2026-11-23T08:00:00.000Z")

        let monday = try s.store(as: "ann", now: "2026-11-23T08:00:00.000Z")
        inbox = try monday.inbox()
        let digest = try XCTUnwrap(inbox.items.first { $0.kind == .digest })
        XCTAssertEqual(digest.id, "digest:2026-W47")
        XCTAssertEqual(digest.week?.description, "2026-W47")
        XCTAssertEqual(digest.summary, "Weekly digest 2026-W47 is ready")
        XCTAssertEqual(digest.deliveredAt?.iso8601, "2026-11-23T08:00:00.000Z")
        XCTAssertNil(digest.subject)
        XCTAssertEqual(inbox.items.count { $0.kind == .digest }, 1, "once per week")
        XCTAssertTrue(inbox.notifyLine?.contains("digest ready") == true, inbox.notifyLine ?? "nil")
        // The week it names has a digest in the index.
        XCTAssertGreaterThan(try monday.index.digest(viewer: monday.me, week: try XCTUnwrap(digest.week),
                                                     zone: monday.viewerTimeZone(), now: monday.now).counts.threads, 0)
        try monday.markInboxDone([digest])
        XCTAssertEqual(try monday.inbox().items.filter { $0.kind == .digest }, [])
        // Next Monday brings W48's.
        let next = try s.store(as: "ann", now: "2026-11-30T08:00:00.000Z").inbox()
        XCTAssertEqual(next.items.filter { $0.kind == .digest }.map(\.id), ["digest:2026-W48"])

        // Any other cadence: no digest item.
        try monday.index.setCadence(.daily(minute: 9 * 60))
        let daily = try s.store(as: "ann", now: "2026-11-30T08:00:00.000Z").inbox()
        XCTAssertEqual((daily.items + daily.held).filter { $0.kind == .digest }, [])
    }
}
