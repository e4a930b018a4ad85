import XCTest
@testable import WeftCore

final class EventCodecTests: XCTestCase {
    func testEveryPayloadRoundTrips() throws {
        let at = F.t("2026-11-22T10:00:00.000Z")
        let target = F.id(at)
        let payloads: [Payload] = [
            .boardCreated(BoardCreated(title: "General", purpose: "All", visibility: .public)),
            .boardUpdated(BoardUpdated(title: "New")),
            .threadCreated(ThreadCreated(title: "Hi 日本", blocks: Blocks.split("a\n\nb"), mentions: [F.h("bob")])),
            .commentCreated(CommentCreated(thread: target, parent: target, anchor: "b2", body: "x \u{1B}[2J y")),
            .postEdited(PostEdited(target: target, title: "T", blocks: Blocks.split("z"))),
            .postRedacted(PostRedacted(target: target, reason: "oops")),
            .reactionAdded(ReactionChange(target: target, emoji: "👍")),
            .reactionRemoved(ReactionChange(target: target, emoji: "👍")),
            .statusPosted(StatusPosted(kind: .atRisk, text: "late")),
            .followupRequested(FollowupRequested(target: target, assignee: F.h("bob"), due: at, note: "pls")),
            .followupResolved(FollowupResolved(followup: target, state: .declined, reason: "no")),
            .threadDecided(ThreadDecided(thread: target, comment: target, summary: "yes")),
            .threadReopened(ThreadReopened(thread: target)),
            .memberProfile(MemberProfile(name: "Ann", tz: "Europe/Berlin", hours: "09:00-17:00")),
            .followupRescheduled(FollowupRescheduled(followup: target, due: at)),
        ]
        for p in payloads {
            let e = Event(id: F.id(at), at: at, author: F.h("ann"), payload: p)
            let line = EventCodec.encode(e)
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.hasPrefix("{\"v\":1,\"id\":\"\(e.id)\",\"at\":\"2026-11-22T10:00:00.000Z\",\"author\":\"ann\",\"type\":\"\(p.type)\""), line)
            XCTAssertEqual(try EventCodec.decode(Array(line.utf8)), e, p.type)
        }
    }

    func testEscapeSequencesAreStoredVerbatimButEscapedInJSON() throws {
        let at = F.t("2026-11-22T10:00:00.000Z")
        let text = "\u{1B}]52;c;aGk=\u{07} and \u{1B}[2J"
        let e = Event(id: F.id(at), at: at, author: nil, payload: .statusPosted(StatusPosted(kind: .note, text: text)))
        let line = EventCodec.encode(e)
        XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 }, "no raw control characters in a journal line")
        guard case .statusPosted(let p) = try EventCodec.decode(Array(line.utf8)).payload else { return XCTFail() }
        XCTAssertEqual(p.text, text)
    }

    func testLineErrors() {
        func err(_ s: String) -> EventCodec.LineError? {
            do { _ = try EventCodec.decode(Array(s.utf8)); return nil } catch { return error }
        }
        XCTAssertEqual(err("{not json").map { if case .notJSON = $0 { true } else { false } }, true)
        XCTAssertEqual(err(#"{"v":2,"id":"x","at":"x","type":"x"}"#), .newerFormat(2))
        XCTAssertEqual(err(#"{"v":1,"id":"01a201ab-fe0d-7e4d-b6c8-9442a2b3b81a","at":"2026-11-22T10:00:00.000Z","type":"alien.landed"}"#),
                       .unknownType("alien.landed"))
        XCTAssertEqual(err(#"{"v":1,"id":"nope","at":"2026-11-22T10:00:00.000Z","type":"status.posted","kind":"note","text":"x"}"#).map { if case .badField = $0 { true } else { false } }, true)
        XCTAssertEqual(err(#"{"v":1,"id":"01a201ab-fe0d-7e4d-b6c8-9442a2b3b81a","at":"2026-11-22T10:00:00.000Z","type":"status.posted","kind":"note"}"#),
                       .badField("missing 'text'"))
        do {
            _ = try EventCodec.decode([0x7B, 0xFF, 0xFE, 0x7D])
            XCTFail("invalid UTF-8 accepted")
        } catch {
            XCTAssertEqual(error, .invalidUTF8)
        }
    }
}
