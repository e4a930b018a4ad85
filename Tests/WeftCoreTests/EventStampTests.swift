import XCTest
@testable import WeftCore

/// An event that changes or answers another is never stamped before it, so a
/// device whose clock is behind cannot write an edit that readers (applying
/// events in time order) would apply before the post exists, and so ignore.
final class EventStampTests: XCTestCase {
    private var rng = SystemRandomNumberGenerator()

    func testAnIDCarriesTheTimeItWasMadeAt() {
        for ms: Int64 in [0, 1, 1_700_000_000_123, 281_474_976_710_655] {
            XCTAssertEqual(EventID.make(at: Timestamp(milliseconds: ms), random: &rng).time, Timestamp(milliseconds: ms))
        }
    }

    func testAnEventIsStampedAfterWhatItChangesWhenTheClockIsBehind() {
        let post = EventID.make(at: Timestamp(milliseconds: 1_700_000_060_000), random: &rng)
        let edit = Payload.postEdited(PostEdited(target: post, title: nil, blocks: nil, body: "new"))
        // A minute behind, and the very same millisecond: just after the post.
        XCTAssertEqual(Event.stamp(now: Timestamp(milliseconds: 1_700_000_000_000), after: edit).milliseconds, 1_700_000_060_001)
        XCTAssertEqual(Event.stamp(now: Timestamp(milliseconds: 1_700_000_060_000), after: edit).milliseconds, 1_700_000_060_001)
        // A clock that is right: now.
        XCTAssertEqual(Event.stamp(now: Timestamp(milliseconds: 1_700_000_070_000), after: edit).milliseconds, 1_700_000_070_000)
        // Nothing to follow: now, whatever it is.
        let thread = Payload.threadCreated(ThreadCreated(title: "t", blocks: [], mentions: nil))
        XCTAssertEqual(Event.stamp(now: Timestamp(milliseconds: 5), after: thread).milliseconds, 5)
        // A reply follows both its thread and the comment it answers.
        let comment = EventID.make(at: Timestamp(milliseconds: 1_700_000_090_000), random: &rng)
        let reply = Payload.commentCreated(CommentCreated(thread: post, parent: comment, body: "r"))
        XCTAssertEqual(Event.stamp(now: Timestamp(milliseconds: 1_700_000_080_000), after: reply).milliseconds, 1_700_000_090_001)
    }
}
