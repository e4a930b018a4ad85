import XCTest
@testable import WeftCore

final class ForumTests: XCTestCase {
    func sample() -> (events: [StoredEvent], thread: EventID, comment: EventID) {
        let thread = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let comment = F.id(F.t("2026-11-20T10:00:00.000Z"))
        let events = [
            F.ev(.boardCreated(BoardCreated(title: "General")), by: "ann", at: "2026-11-20T08:00:00.000Z"),
            F.ev(.threadCreated(ThreadCreated(title: "Plan", blocks: Blocks.split("one\n\ntwo"))), by: "ann", at: "2026-11-20T09:00:00.000Z", id: thread),
            F.ev(.commentCreated(CommentCreated(thread: thread, body: "first")), by: "bob", at: "2026-11-20T10:00:00.000Z", id: comment),
            F.ev(.postEdited(PostEdited(target: comment, body: "first, edited")), by: "bob", at: "2026-11-20T11:00:00.000Z"),
            F.ev(.postEdited(PostEdited(target: comment, body: "forged edit")), by: "eve", at: "2026-11-20T12:00:00.000Z"),
            F.ev(.postEdited(PostEdited(target: comment, body: "first, final")), by: "bob", at: "2026-11-20T13:00:00.000Z"),
            F.ev(.reactionAdded(ReactionChange(target: thread, emoji: "👍")), by: "bob", at: "2026-11-20T10:05:00.000Z"),
            F.ev(.reactionAdded(ReactionChange(target: thread, emoji: "👍")), by: "cy", at: "2026-11-20T10:06:00.000Z"),
            F.ev(.reactionRemoved(ReactionChange(target: thread, emoji: "👍")), by: "bob", at: "2026-11-20T10:07:00.000Z"),
            F.ev(.threadDecided(ThreadDecided(thread: thread, comment: comment, summary: "Go")), by: "ann", at: "2026-11-20T14:00:00.000Z"),
            F.ev(.memberProfile(MemberProfile(name: "Ann", tz: "Europe/Berlin")), by: "ann", board: nil, at: "2026-11-20T07:00:00.000Z"),
            F.ev(.memberProfile(MemberProfile(tz: "Asia/Tokyo")), by: "ann", board: nil, at: "2026-11-20T15:00:00.000Z"),
        ]
        return (events, thread, comment)
    }

    func testFoldAppliesRules() throws {
        let (events, thread, comment) = sample()
        let forum = Forum(events: events)
        XCTAssertEqual(forum.boards[F.b("general")]?.title, "General")
        let c = try XCTUnwrap(forum.comments[comment])
        XCTAssertEqual(c.body, "first, final", "latest edit by the author wins; another person's edit is ignored")
        XCTAssertEqual(c.history.map(\.text), ["first", "first, edited"], "earlier versions are kept")
        XCTAssertEqual(c.editedAt, F.t("2026-11-20T13:00:00.000Z"))
        XCTAssertEqual(forum.reactions[thread]?["👍"], [F.h("cy")])
        XCTAssertEqual(forum.threads[thread]?.decision?.summary, "Go")
        XCTAssertEqual(forum.threads[thread]?.lastActivity, F.t("2026-11-20T10:00:00.000Z"))
        let ann = try XCTUnwrap(forum.members[F.h("ann")])
        XCTAssertEqual(ann.name, "Ann", "a later profile keeps fields it does not set")
        XCTAssertEqual(ann.timeZone, "Asia/Tokyo")
        XCTAssertEqual(forum.members.count, 4, "every author becomes a member")
    }

    func testOrderOfArrivalDoesNotMatterAndDuplicatesAreIgnored() {
        let (events, _, _) = sample()
        let reference = Forum(events: events)
        var rng = SeededShuffle(seed: 7)
        for _ in 0..<20 {
            let shuffled = (events + events.prefix(5)).shuffled(using: &rng)
            let f = Forum(events: shuffled)
            XCTAssertEqual(f.comments, reference.comments)
            XCTAssertEqual(f.threads, reference.threads)
            XCTAssertEqual(f.reactions, reference.reactions)
            XCTAssertEqual(f.members, reference.members)
        }
    }

    func testRedactionOnlyByAuthor() {
        let thread = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let base = [F.ev(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("b"))), by: "ann", at: "2026-11-20T09:00:00.000Z", id: thread)]
        let byOther = Forum(events: base + [F.ev(.postRedacted(PostRedacted(target: thread)), by: "eve", at: "2026-11-20T10:00:00.000Z")])
        XCTAssertEqual(byOther.threads[thread]?.redacted, false)
        let byAuthor = Forum(events: base + [F.ev(.postRedacted(PostRedacted(target: thread)), by: "ann", at: "2026-11-20T10:00:00.000Z")])
        XCTAssertEqual(byAuthor.threads[thread]?.redacted, true)
    }

    func testFollowUpStateRules() {
        let fu = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let req = F.ev(.followupRequested(FollowupRequested(target: fu, assignee: F.h("bob"), due: F.t("2026-11-27T17:00:00.000Z"))),
                       by: "ann", at: "2026-11-20T09:00:00.000Z", id: fu)
        func state(after who: String, _ s: FollowUpState) -> FollowUpState? {
            Forum(events: [req, F.ev(.followupResolved(FollowupResolved(followup: fu, state: s)), by: who, at: "2026-11-21T09:00:00.000Z")])
                .followUps[fu]?.state
        }
        XCTAssertEqual(state(after: "bob", .done), .done)
        XCTAssertEqual(state(after: "ann", .done), .open, "only the assignee marks done")
        XCTAssertEqual(state(after: "ann", .cancelled), .cancelled)
        XCTAssertEqual(state(after: "bob", .cancelled), .open, "only the requester cancels")
        XCTAssertEqual(state(after: "bob", .declined), .declined)
    }

    func testReopenClearsDecisionAndKeepsHistory() {
        let thread = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let f = Forum(events: [
            F.ev(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("b"))), by: "ann", at: "2026-11-20T09:00:00.000Z", id: thread),
            F.ev(.threadDecided(ThreadDecided(thread: thread, summary: "A")), by: "ann", at: "2026-11-20T10:00:00.000Z"),
            F.ev(.threadReopened(ThreadReopened(thread: thread)), by: "bob", at: "2026-11-20T11:00:00.000Z"),
        ])
        XCTAssertNil(f.threads[thread]?.decision)
        XCTAssertEqual(f.decisionHistory[thread]?.map(\.isReopening), [false, true])
    }
}

/// A deterministic generator for shuffles in tests.
struct SeededShuffle: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
