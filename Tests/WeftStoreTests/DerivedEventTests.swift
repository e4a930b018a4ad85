import Foundation
import XCTest
import WeftCore
@testable import WeftStore

/// A build from scratch derives a thread's body and blocks while it decodes the
/// journals. The full-text index is contentless: a post's row is removed (on an
/// edit) with the values the writer computes then, so what was derived must be
/// exactly what the writer would have computed, or the old words stay behind.
final class DerivedEventTests: XCTestCase {
    private func stored(_ payload: Payload) throws -> StoredEvent {
        let event = Event(id: EventID.make(at: Timestamp(milliseconds: 1_700_000_000_000), random: &rng), at: Timestamp(milliseconds: 1_700_000_000_000),
                          author: nil, payload: payload)
        return StoredEvent(event: event, author: try Handle("ana"), board: try BoardSlug("general"))
    }

    private var rng = SystemRandomNumberGenerator()

    func testAThreadsDerivedColumnsAreWhatTheWriterComputes() throws {
        let blocks = Blocks.split("来週の予定\n\nand a café")
        let event = try stored(.threadCreated(ThreadCreated(title: "計画 plan", blocks: blocks, mentions: nil)))
        let derived = EventApplier.Derived(event)
        XCTAssertEqual(derived.threadBody?.body, Blocks.join(blocks))
        XCTAssertEqual(derived.threadBody?.blocks, BlockLayout.encode(blocks))
        XCTAssertEqual(derived.key, "post:" + event.event.id.rawValue)
        XCTAssertTrue(derived.creates)
    }

    func testACommentHasNoThreadBody() throws {
        let thread = EventID.make(at: Timestamp(milliseconds: 1_600_000_000_000), random: &rng)
        let derived = EventApplier.Derived(try stored(.commentCreated(CommentCreated(thread: thread, body: "明日の会議 ok"))))
        XCTAssertNil(derived.threadBody)
        XCTAssertTrue(derived.creates)
    }
}
