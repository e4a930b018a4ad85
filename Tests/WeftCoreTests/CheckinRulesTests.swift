import XCTest
@testable import WeftCore

/// Check-in events: their lines, and the rules of the fold.
final class CheckinRulesTests: XCTestCase {
    func testCheckinPayloadsAndLinkedAnswersRoundTrip() throws {
        let at = F.t("2026-11-22T10:00:00.000Z")
        let target = F.id(at)
        let payloads: [Payload] = [
            .checkinScheduled(CheckinScheduled(question: "What did you ship?", every: "fri 16:00", audience: [F.h("bob")])),
            .checkinScheduled(CheckinScheduled(question: "Q", every: "daily 09:00")),
            .checkinPaused(CheckinChange(checkin: target)),
            .checkinResumed(CheckinChange(checkin: target)),
            .checkinDeleted(CheckinChange(checkin: target)),
            .statusPosted(StatusPosted(kind: .done, text: "shipped", checkin: target, occurrence: "2026-11-20")),
            .memberProfile(MemberProfile(email: "ann@example.com")),
        ]
        for p in payloads {
            let e = Event(id: F.id(at), at: at, author: F.h("ann"), payload: p)
            XCTAssertEqual(try EventCodec.decode(Array(EventCodec.encode(e).utf8)), e, p.type)
        }
        // A plain status update's line has no check-in fields.
        let plain = EventCodec.encode(Event(id: target, at: at, author: nil, payload: .statusPosted(StatusPosted(kind: .note, text: "x"))))
        XCTAssertFalse(plain.contains("checkin"))
        XCTAssertThrowsError(try EventCodec.decode(Array(#"{"v":1,"id":"\#(target)","at":"2026-11-22T10:00:00.000Z","type":"checkin.paused"}"#.utf8)))
    }

    func testOnlyTheAuthorChangesACheckinAndDeletedStaysDeleted() {
        let cid = F.id(F.t("2026-11-16T09:00:00.000Z"))
        var events = [
            F.ev(.checkinScheduled(CheckinScheduled(question: "Ship?", every: "fri 16:00")), by: "ann", at: "2026-11-16T09:00:00.000Z", id: cid),
            F.ev(.checkinPaused(CheckinChange(checkin: cid)), by: "bob", at: "2026-11-17T09:00:00.000Z"),
        ]
        XCTAssertEqual(Forum(events: events).checkins[cid]?.state, .active, "bob cannot pause ann's check-in")
        events.append(F.ev(.checkinPaused(CheckinChange(checkin: cid)), by: "ann", at: "2026-11-18T09:00:00.000Z"))
        XCTAssertEqual(Forum(events: events).checkins[cid]?.state, .paused)
        events.append(F.ev(.checkinResumed(CheckinChange(checkin: cid)), by: "ann", at: "2026-11-19T09:00:00.000Z"))
        let resumed = Forum(events: events).checkins[cid]
        XCTAssertEqual(resumed?.state, .active)
        XCTAssertEqual(resumed?.changedAt, F.t("2026-11-19T09:00:00.000Z"))
        events.append(F.ev(.checkinDeleted(CheckinChange(checkin: cid)), by: "ann", at: "2026-11-20T09:00:00.000Z"))
        events.append(F.ev(.checkinResumed(CheckinChange(checkin: cid)), by: "ann", at: "2026-11-21T09:00:00.000Z"))
        XCTAssertEqual(Forum(events: events).checkins[cid]?.state, .deleted)
        // Whatever order the lines arrive in.
        XCTAssertEqual(Forum(events: events.reversed()).checkins[cid]?.state, .deleted)
        // An unreadable schedule makes no check-in; a space-level one neither.
        let bad = F.ev(.checkinScheduled(CheckinScheduled(question: "?", every: "sometimes")), by: "ann", at: "2026-11-16T09:00:00.000Z")
        let spaceLevel = F.ev(.checkinScheduled(CheckinScheduled(question: "?", every: "fri 16:00")), by: "ann", board: nil, at: "2026-11-16T09:00:00.000Z")
        XCTAssertTrue(Forum(events: [bad, spaceLevel]).checkins.isEmpty)
    }

    func testEmailAddresses() throws {
        XCTAssertEqual(try Validate.email(" ann@example.com "), "ann@example.com")
        for bad in ["ann", "ann@", "@example.com", "ann@example", "a b@example.com", "ann@exa\u{1b}mple.com", "Ann <ann@example.com>",
                    "änn@example.com", "a@b@c.com"] {
            XCTAssertThrowsError(try Validate.email(bad), bad)
        }
    }
}
