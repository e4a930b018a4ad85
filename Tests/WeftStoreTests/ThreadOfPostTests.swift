import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Screens that list many posts by their thread (follow-ups, reminders) look up
/// only each post's thread and its title, with the same titles a full post
/// lookup gave them: "[deleted]" for a deleted thread itself, "" for a comment
/// on one.
final class ThreadOfPostTests: XCTestCase {
    func testThreadAndTitleOfThreadsAndComments() throws {
        let box = Sandbox()
        let clock = StepClock("2026-11-01T09:00:00.000Z")
        let (ana, general) = try Fixture.generalBoard(box, handle: "ana", clock: clock)
        var minute = 0
        // Each event a minute after the one before: events of the same millisecond
        // are applied in id order, which is random.
        func tick() {
            minute += 1
            clock.set("2026-11-01T09:\(String(format: "%02d", minute)):00.000Z")
        }
        func thread(_ title: String) throws -> EventID {
            tick()
            return try ana.append(.threadCreated(ThreadCreated(title: title, blocks: Blocks.split("body"), mentions: nil)), board: general).id
        }
        func comment(_ thread: EventID) throws -> EventID {
            tick()
            return try ana.append(.commentCreated(CommentCreated(thread: thread, body: "a comment")), board: general).id
        }
        let kept = try thread("Kept"), gone = try thread("Gone")
        let onKept = try comment(kept), onGone = try comment(gone)
        tick()
        _ = try ana.append(.postRedacted(PostRedacted(target: gone)), board: general)
        try ana.index.catchUp()
        let index = ana.index
        XCTAssertEqual(try index.threadOf(post: kept)?.thread, kept)
        XCTAssertEqual(try index.threadOf(post: kept)?.title, "Kept")
        XCTAssertEqual(try index.threadOf(post: onKept)?.thread, kept)
        XCTAssertEqual(try index.threadOf(post: onKept)?.title, "Kept")
        XCTAssertEqual(try index.threadOf(post: gone)?.title, "[deleted]")
        XCTAssertEqual(try index.threadOf(post: onGone)?.thread, gone)
        XCTAssertEqual(try index.threadOf(post: onGone)?.title, "")
        XCTAssertNil(try index.threadOf(post: EventID.make(at: Timestamp(milliseconds: 0), random: &rng)))
    }

    private var rng = SystemRandomNumberGenerator()
}

/// An edit written from a device whose clock is behind the post's still takes
/// effect: it is stamped just after the post.
final class SkewedClockEditTests: XCTestCase {
    func testAnEditFromAClockBehindThePostTakesEffect() throws {
        let box = Sandbox()
        let clock = StepClock("2026-11-01T10:00:00.000Z")
        let (ana, general) = try Fixture.generalBoard(box, handle: "ana", clock: clock)
        let post = try ana.append(.threadCreated(ThreadCreated(title: "Plan", blocks: Blocks.split("first"), mentions: nil)),
                                  board: general)
        clock.set("2026-11-01T09:58:00.000Z")  // the other device, two minutes behind
        let edit = try ana.append(.postEdited(PostEdited(target: post.id, title: "Plan, revised")), board: general)
        XCTAssertEqual(edit.at.milliseconds, post.at.milliseconds + 1)
        XCTAssertEqual(try ana.index.post(post.id, viewer: Handle("ana"))?.title, "Plan, revised")
        // A rebuild from the journals agrees.
        try ana.index.rebuild()
        XCTAssertEqual(try ana.index.post(post.id, viewer: Handle("ana"))?.title, "Plan, revised")
    }
}
