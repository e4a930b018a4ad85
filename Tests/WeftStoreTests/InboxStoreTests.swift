import Foundation
import WeftCore
import WeftTestSupport
@testable import WeftStore

import XCTest

/// The inbox computed by the store: candidates from the index and private
/// state, delivered through the policy, with a pinned clock.
final class InboxStoreTests: XCTestCase {
    let box = Sandbox()
    let t0 = Timestamp(iso8601: "2026-11-23T09:00:00.000Z")!

    func store(_ who: String, at t: Timestamp) throws -> Store {
        try Fixture.store(box, handle: who, clock: FixedClock(t))
    }

    func testDecisionOnAFollowedThreadAndReopenedFollowUpDue() throws {
        _ = try Fixture.space(box)
        let ann = try store("ann", at: t0)
        try ann.createBoard(try BoardSlug("general"), title: "General", purpose: nil)
        let thread = try ann.append(.threadCreated(ThreadCreated(title: "Pick a date", blocks: Blocks.split("Options?"))),
                                    board: try BoardSlug("general"))
        let bob = try store("bob", at: t0.adding(seconds: 60))
        try bob.append(.commentCreated(CommentCreated(thread: thread.id, body: "Tuesday")), board: try BoardSlug("general"))
        let ann2 = try store("ann", at: t0.adding(seconds: 120))
        try ann2.append(.threadDecided(ThreadDecided(thread: thread.id, summary: "Tuesday it is")), board: try BoardSlug("general"))

        let inbox = try store("bob", at: t0.adding(seconds: 180)).inbox()
        XCTAssertEqual(inbox.items.map(\.kind), [.decision], "bob follows the thread he commented on")
        XCTAssertEqual(inbox.items.first?.summary, "Tuesday it is")
        XCTAssertEqual(inbox.groups.count, 1)
        XCTAssertEqual(inbox.groups.first?.title, "Pick a date")
        XCTAssertEqual(try store("carol", at: t0.adding(seconds: 180)).inbox().items, [], "carol does not follow it")
        XCTAssertEqual(try ann2.inbox().items.map(\.kind), [.commentOnYourThread])
    }

    func testNextChangeAndRescheduledDueComesBack() throws {
        _ = try Fixture.space(box)
        let ann = try store("ann", at: t0)
        let general = try BoardSlug("general")
        try ann.createBoard(general, title: "General", purpose: nil)
        let thread = try ann.append(.threadCreated(ThreadCreated(title: "Budget", blocks: Blocks.split("Numbers"))), board: general)
        let bob = try store("bob", at: t0)
        try bob.append(.memberProfile(MemberProfile(tz: "UTC")), board: nil)
        let due = t0.adding(seconds: 2 * 86400)
        let fu = try ann.append(.followupRequested(FollowupRequested(target: thread.id, assignee: try Handle("bob"), due: due)),
                                board: general)
        let later = try store("bob", at: t0.adding(seconds: 3600))
        var inbox = try later.inbox()
        XCTAssertEqual(inbox.items.map(\.kind), [.followupAsked])
        XCTAssertEqual(inbox.nextChange, due.adding(seconds: -86400), "the due reminder arrives 24 h before")
        try later.markInboxDone(inbox.items)
        inbox = try store("bob", at: due.adding(seconds: -3600)).inbox()
        XCTAssertEqual(inbox.items.map(\.kind), [.followupDue])
        try later.markInboxDone(inbox.items)
        // Moving the due date brings the "due" item back when the new date nears.
        let newDue = due.adding(seconds: 7 * 86400)
        try store("ann", at: t0.adding(seconds: 7200)).append(.followupRescheduled(FollowupRescheduled(followup: fu.id, due: newDue)), board: general)
        XCTAssertEqual(try store("bob", at: due).inbox().items, [])
        XCTAssertEqual(try store("bob", at: newDue.adding(seconds: -60)).inbox().items.map(\.kind), [.followupDue])
    }
}
