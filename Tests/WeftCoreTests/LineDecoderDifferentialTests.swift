import XCTest
@testable import WeftCore

/// The byte-level decoder against the one it replaced (``LegacyLineDecoder``):
/// the same event or the same error for every line, valid or broken.
final class LineDecoderDifferentialTests: XCTestCase {
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The errors seen, to check that the broken lines reach many of them.
    private var errors: Set<String> = []

    private func assertSame(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let new: Result<Event, EventCodec.LineError>
        do { new = .success(try EventCodec.decode(bytes)) } catch { new = .failure(error); errors.insert(error.description) }
        let old: Result<Event, EventCodec.LineError>
        do { old = .success(try LegacyLineDecoder.decode(bytes)) } catch { old = .failure(error) }
        if new != old {
            XCTFail("\(String(decoding: bytes, as: UTF8.self)) (\(bytes.count) bytes): new \(new), old \(old)", file: file, line: line)
        }
    }

    private func lines(_ rng: inout SplitMix) -> [String] {
        let at = Timestamp(milliseconds: 1_790_000_000_000 + Int64(rng.next() % 1_000_000_000))
        let target = EventID.make(at: at, random: &rng)
        let texts = ["plain", "café déjà vu", "日本語のテキスト", "emoji 🚀✅ and \u{1B}[2J", "quote \" back \\ slash / tab \t nl \n",
                     "\u{7F}\u{80}\u{FFFF}\u{10FFFF} x", "a much longer text that needs more than sixteen bytes, twice over ok"]
        func text() -> String { texts[Int(rng.next() % UInt64(texts.count))] }
        let payloads: [Payload] = [
            .boardCreated(BoardCreated(title: text(), purpose: text(), visibility: .private)),
            .boardCreated(BoardCreated(title: text())),
            .boardUpdated(BoardUpdated(title: text())),
            .threadCreated(ThreadCreated(title: text(), blocks: Blocks.split(text() + "\n\n" + text()), mentions: [F.h("bob"), F.h("a.b-c_d")])),
            .commentCreated(CommentCreated(thread: target, parent: target, anchor: "b2", body: text())),
            .commentCreated(CommentCreated(thread: target, body: text(), mentions: [])),
            .postEdited(PostEdited(target: target, title: text(), blocks: Blocks.split(text()))),
            .postEdited(PostEdited(target: target, body: text())),
            .postRedacted(PostRedacted(target: target, reason: text())),
            .reactionAdded(ReactionChange(target: target, emoji: "👍")),
            .reactionRemoved(ReactionChange(target: target, emoji: "🎉")),
            .statusPosted(StatusPosted(kind: .atRisk, text: text())),
            .statusPosted(StatusPosted(kind: .note, text: text(), checkin: target, occurrence: "2026-11-20")),
            .followupRequested(FollowupRequested(target: target, assignee: F.h("bob"), due: at, note: text())),
            .followupResolved(FollowupResolved(followup: target, state: .declined, reason: text())),
            .threadDecided(ThreadDecided(thread: target, comment: target, summary: text())),
            .threadReopened(ThreadReopened(thread: target)),
            .memberProfile(MemberProfile(name: text(), tz: "Europe/Berlin", hours: "09:00-17:00", email: "a@b.c")),
            .access(.role(MemberRole(handle: F.h("ann"), role: .admin))),
            .access(.members(BoardMembers(added: [F.h("ann")], removed: [F.h("bob")]))),
            .access(.visibility(BoardVisibilityChange(visibility: .private))),
            .threadPinned(ThreadPin(thread: target)),
            .threadUnpinned(ThreadPin(thread: target)),
            .checkinScheduled(CheckinScheduled(question: text(), every: "weekday 09:00", audience: [F.h("ann")])),
            .checkinPaused(CheckinChange(checkin: target)),
            .checkinResumed(CheckinChange(checkin: target)),
            .checkinDeleted(CheckinChange(checkin: target)),
            .followupRescheduled(FollowupRescheduled(followup: target, due: at)),
        ]
        return payloads.map { p in
            EventCodec.encode(Event(id: EventID.make(at: at, random: &rng), at: at, author: rng.next() % 3 == 0 ? nil : F.h("ann"), payload: p))
        }
    }

    func testEncodedLinesDecodeAlike() {
        var rng = SplitMix(state: 1)
        for _ in 0..<20 {
            for l in lines(&rng) { assertSame(Array(l.utf8)) }
        }
    }

    func testHandWrittenLinesDecodeAlike() {
        let id = "01a201ab-fe0d-7e4d-b6c8-9442a2b3b81a"
        let env = #""v":1,"id":"\#(id)","at":"2026-11-22T10:00:00.000Z""#
        let cases = [
            "", " ", "{", "}", "{}", "[]", "[1,2]", "\"x\"", "12", "true", "null", "nul", "{\"v\"}", "{\"v\":}", "{\"v\":1,}",
            "{\"v\":1 \"id\":2}", "{\"v\":1}x", "{\"v\":1} ", " {\"v\":1}", "\t{\"v\":1}\r",
            #"{"v":1.0}"#, #"{"v":1e0}"#, #"{"v":-0}"#, #"{"v":0001}"#, #"{"v":2}"#, #"{"v":1.5}"#, #"{"v":12345678901234567890}"#,
            #"{"v":123456789012345}"#, #"{"v":1234567890123456}"#, #"{"v":+1}"#, #"{"v":1-}"#, #"{"v":"1"}"#, #"{"v":null}"#, #"{"v":true}"#,
            #"{"v":[1]}"#, #"{"v":{}}"#, #"{"v":x}"#,
            #"{\#(env),"type":"thread.pinned","thread":"\#(id)"}"#,
            #"{\#(env),"type":"thread.pinned","thread":"\#(id)","thread":"bad"}"#,
            #"{\#(env),"type":"thread.pinned","thread":"bad","thread":"\#(id)"}"#,
            #"{\#(env),"type":"thread.pinned","thread":"\#(id)","extra":[1,{"a":"é"}],"more":"x"}"#,
            #"{\#(env),"\u0074ype":"thread\u002epinned","thr\u0065ad":"\#(id.replacingOccurrences(of: "a", with: "\\u0061"))"}"#,
            #"{\#(env),"type":"thread.pinned","thread":"\#(id.uppercased())"}"#,
            #"{\#(env),"type":"thread.pinned","thread":null}"#,
            #"{\#(env),"type":"thread.pinned","thread":5}"#,
            #"{\#(env),"type":"thread.pinned"}"#,
            #"{\#(env),"type":"Thread.pinned","thread":"\#(id)"}"#,
            #"{\#(env),"type":5}"#, #"{\#(env)}"#, #"{\#(env),"type":null}"#,
            #"{\#(env),"author":null,"type":"thread.pinned","thread":"\#(id)"}"#,
            #"{\#(env),"author":"Bad","type":"thread.pinned","thread":"\#(id)"}"#,
            #"{\#(env),"author":"b\u0061d","type":"thread.pinned","thread":"\#(id)"}"#,
            #"{\#(env),"author":7,"type":"thread.pinned","thread":"\#(id)"}"#,
            #"{"v":1,"id":"\#(id)","at":"2026-11-22T10:00:00Z","type":"thread.pinned","thread":"\#(id)"}"#,
            #"{"v":1,"id":"\#(id)","at":"2026-13-22T10:00:00Z","type":"thread.pinned","thread":"\#(id)"}"#,
            #"{"v":1,"id":"\#(id)","at":"2026-11-22T10:00:00.000\u005a","type":"thread.pinned","thread":"\#(id)"}"#,
            #"{"v":1,"id":"\#(id)","at":"a very long invalid time that is longer than forty characters, é","type":"x"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"x","mentions":["ann",5]}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"x","mentions":"ann"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"x","mentions":null,"parent":null,"anchor":null}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\ud83d\ude80 \u00e9 \u0000 \/"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\ud83d"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\ud83d\u0041"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\udc00"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\x"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\u12"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"\u12g4"}"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"abc"#,
            #"{\#(env),"type":"comment.created","thread":"\#(id)","body":"abc\"#,
            #"{\#(env),"type":"thread.created","title":"t","blocks":[{"id":"b1","text":"x","id":"b2"}]}"#,
            #"{\#(env),"type":"thread.created","title":"t","blocks":[{"id":"b1"}]}"#,
            #"{\#(env),"type":"thread.created","title":"t","blocks":{}}"#,
            #"{\#(env),"type":"thread.created","title":"t"}"#,
            #"{\#(env),"type":"status.posted","kind":"nope","text":"t"}"#,
            #"{\#(env),"type":"board.created","title":"t","visibility":null}"#,
            #"{\#(env),"type":"board.created","title":"t","visibility":"hidden"}"#,
            #"{\#(env),"type":"member.role","handle":"ann","role":"admin"}"#,
            #"{"v":1,"type":"x"}"#, #"{"id":"\#(id)"}"#,
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
            "{\"v\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
        ]
        for c in cases { assertSame(Array(c.utf8)) }
        let valid = Array(#"{\#(env),"type":"comment.created","thread":"\#(id)","body":"é"}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC3], [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x01]] {
            for at in [1, 20, valid.count - 4, valid.count - 3, valid.count - 1, valid.count] {
                var b = valid
                b.insert(contentsOf: bad, at: at)
                assertSame(b)
            }
        }
        assertSame([0x7B, 0xFF, 0xFE, 0x7D])
    }

    func testMutatedLinesDecodeAlike() {
        var rng = SplitMix(state: 42)
        let interesting: [UInt8] = Array(#""\{}[],: u0123456789eE.-+tfnlx/"#.utf8) + [0, 9, 10, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE6, 0xED, 0xF0, 0xFF]
        for _ in 0..<60 {
            for l in lines(&rng) {
                var b = Array(l.utf8)
                for _ in 0..<(1 + Int(rng.next() % 3)) {
                    let i = Int(rng.next() % UInt64(b.count + 1))
                    let c = interesting[Int(rng.next() % UInt64(interesting.count))]
                    switch rng.next() % 4 {
                    case 0: if i < b.count { b.remove(at: i) }
                    case 1: b.insert(c, at: i)
                    case 2: if i < b.count { b[i] = c }
                    default: b = Array(b.prefix(i))
                    }
                }
                assertSame(b)
            }
        }
        XCTAssertGreaterThan(errors.count, 100, "the mutations reach many different errors")
    }

    func testUTF8CheckAgreesWithTheStandardLibrary() {
        var rng = SplitMix(state: 7)
        let pool: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                             0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<200_000 {
            let n = Int(rng.next() % 20)
            let b = (0..<n).map { _ in rng.next() % 3 == 0 ? UInt8(rng.next() % 128) : pool[Int(rng.next() % UInt64(pool.count))] }
            let mine = b.withUnsafeBufferPointer(UTF8Bytes.isValid)
            XCTAssertEqual(mine, String(validating: b, as: UTF8.self) != nil, "\(b)")
        }
    }

    func testKeyAndTypeNamesMatchTheirCases() {
        XCTAssertEqual(LineKey.names, LineKey.allCases.map { "\($0)" })
        XCTAssertLessThanOrEqual(LineKey.allCases.count, LineKey.capacity)
        for k in LineKey.allCases {
            XCTAssertEqual(Array(k.name.utf8).withUnsafeBufferPointer(LineKey.table.find), k.rawValue)
        }
        XCTAssertEqual(LineType.allCases.count, LineType.names.count)
        for t in LineType.allCases {
            XCTAssertEqual(Array(LineType.names[t.rawValue].utf8).withUnsafeBufferPointer(LineType.find), t)
        }
        XCTAssertNil(Array("typ".utf8).withUnsafeBufferPointer(LineKey.table.find))
        XCTAssertNil(Array("types".utf8).withUnsafeBufferPointer(LineKey.table.find))
    }
}
