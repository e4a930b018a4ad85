import XCTest
@testable import WeftCore

final class PinTests: XCTestCase {
    func testOnlyTheBoardAdminPinsAndTheLatestChangeWins() {
        let thread = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let events = [
            F.ev(.boardCreated(BoardCreated(title: "General")), by: "ann", at: "2026-11-20T08:00:00.000Z"),
            F.ev(.threadCreated(ThreadCreated(title: "T", blocks: Blocks.split("b"))), by: "bob", at: "2026-11-20T09:00:00.000Z", id: thread),
            F.ev(.threadPinned(ThreadPin(thread: thread)), by: "bob", at: "2026-11-20T09:30:00.000Z"),
        ]
        XCTAssertNil(Forum(events: events).pins[thread], "bob is not the board's admin")
        let pinned = events + [F.ev(.threadPinned(ThreadPin(thread: thread)), by: "ann", at: "2026-11-20T10:00:00.000Z")]
        XCTAssertEqual(Forum(events: pinned).pins[thread]?.by, F.h("ann"))
        let unpinned = pinned + [F.ev(.threadUnpinned(ThreadPin(thread: thread)), by: "ann", at: "2026-11-20T11:00:00.000Z")]
        XCTAssertNil(Forum(events: unpinned).pins[thread])
        let unpinnedByOther = pinned + [F.ev(.threadUnpinned(ThreadPin(thread: thread)), by: "bob", at: "2026-11-20T11:00:00.000Z")]
        XCTAssertNotNil(Forum(events: unpinnedByOther).pins[thread], "bob cannot unpin either")
        var rng = SeededShuffle(seed: 3)
        for _ in 0..<10 {
            XCTAssertNil(Forum(events: unpinned.shuffled(using: &rng)).pins[thread], "arrival order does not matter")
        }
    }

    func testPinEventsRoundTripThroughTheCodec() throws {
        let thread = F.id(F.t("2026-11-20T09:00:00.000Z"))
        for payload in [Payload.threadPinned(ThreadPin(thread: thread)), .threadUnpinned(ThreadPin(thread: thread))] {
            let event = Event(id: F.id(F.t("2026-11-20T10:00:00.000Z")), at: F.t("2026-11-20T10:00:00.000Z"),
                              author: F.h("ann"), payload: payload)
            let line = EventCodec.encode(event)
            XCTAssertTrue(line.contains("\"type\":\"\(payload.type)\""), line)
            XCTAssertEqual(try EventCodec.decode(Array(line.utf8)), event)
        }
    }
}
