import Foundation
import XCTest
import GRDB
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Where a post's text comes from (``PostText``): a post never edited is read
/// from the line that created it; an edited one's text is stored in the index;
/// a redacted one has none, and none is kept.
final class PostTextTests: XCTestCase {
    var box: Sandbox!
    var clock: StepClock!
    var ana: Store!
    let general = try! BoardSlug("general")

    override func setUpWithError() throws {
        box = Sandbox()
        _ = try Fixture.space(box)
        clock = StepClock("2026-11-01T09:00:00.000Z")
        ana = try Fixture.store(box, handle: "ana", clock: clock)
        try ana.createBoard(general, title: "General", purpose: nil)
    }

    private func thread(_ title: String, _ body: String) throws -> EventID {
        try ana.append(.threadCreated(ThreadCreated(title: title, blocks: Blocks.split(body), mentions: nil)), board: general).id
    }

    private var minute = 0

    private func comment(on thread: EventID, _ body: String) throws -> EventID {
        minute += 1
        clock.set("2026-11-01T09:\(String(format: "%02d", minute)):00.000Z")
        return try ana.append(.commentCreated(CommentCreated(thread: thread, body: body)), board: general).id
    }

    /// The ids of the posts whose text the index stores.
    private func stored(_ store: Store) throws -> Set<EventID> {
        try store.index.catchUp()
        return Set(try store.index.read { db in
            try String.fetchAll(db, sql: "SELECT p.id FROM posts p JOIN post_text x ON x.rowid = p.rowid")
        }.compactMap(EventID.init))
    }

    func testOnlyEditedPostsHaveTheirTextStoredAndEveryPostReadsTheSame() throws {
        let plain = try thread("Plain", "first block\n\nsecond block")
        let edited = try thread("Edited", "old words")
        let reply = try comment(on: plain, "a reply as written")
        let fixed = try comment(on: plain, "a typo")
        let gone = try comment(on: plain, "edited, then redacted")
        clock.set("2026-11-02T09:00:00.000Z")
        try ana.append(.postEdited(PostEdited(target: edited, blocks: Blocks.split("new words\n\nand more"))), board: general)
        try ana.append(.postEdited(PostEdited(target: fixed, body: "no typo")), board: general)
        try ana.append(.postEdited(PostEdited(target: gone, body: "secret")), board: general)
        try ana.append(.postRedacted(PostRedacted(target: gone)), board: general)

        XCTAssertEqual(try stored(ana), [edited, fixed], "a redacted post's text is not kept")
        let detail = try XCTUnwrap(try ana.index.thread(plain, viewer: ana.me))
        XCTAssertEqual(detail.thread.body, "first block\n\nsecond block")
        XCTAssertEqual(detail.thread.blocks.map(\.text), ["first block", "second block"])
        XCTAssertEqual(detail.comments.map(\.body), ["a reply as written", "no typo", ""])
        let other = try XCTUnwrap(try ana.index.post(edited, viewer: ana.me))
        XCTAssertEqual(other.body, "new words\n\nand more")
        XCTAssertEqual(other.blocks.map(\.text), ["new words", "and more"])
        XCTAssertEqual(try ana.index.post(reply, viewer: ana.me)?.body, "a reply as written")

        // Built from scratch: the same posts stored, the same text read.
        let before = try ana.index.snapshot()
        _ = try Index.replace(space: ana.space, path: ana.index.path, statePath: ana.privateState.databasePath)
        let rebuilt = try Fixture.store(box, handle: "ana", clock: clock)
        XCTAssertEqual(try stored(rebuilt), [edited, fixed])
        XCTAssertEqual(try rebuilt.index.snapshot(), before)
    }

    func testAPostWhoseLineNoLongerSaysWhatWasIndexedSaysSo() throws {
        let t = try thread("Title", "the words as written")
        try ana.index.catchUp()
        let (path, offset) = try ana.index.read { db -> (String, Int64) in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: """
                SELECT j.path, p.offset FROM posts p JOIN journals j ON j.id = p.journal WHERE p.id = ?
                """, arguments: [t.rawValue]))
            return (row["path"], row["offset"])
        }
        // The line is overwritten in place with another post's line of the same length.
        let file = ana.space.root + "/" + path
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: file))
        let start = Int(offset) + 10
        let idRange = try XCTUnwrap(bytes[start...].firstRange(of: Data(t.rawValue.utf8)))
        var other = Array(t.rawValue)
        other[other.count - 1] = other.last == "a" ? "b" : "a"
        bytes.replaceSubrange(idRange, with: Data(String(other).utf8))
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: bytes))
        let body = try ana.index.post(t, viewer: ana.me)?.body ?? ""
        XCTAssertTrue(body.contains("could not be read from \(path)"), body)
        XCTAssertTrue(body.contains("weft index rebuild"), body)
    }
}
