import Foundation
import XCTest
import GRDB
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Where the index keeps a post's text: `post_text`, in the full-text file,
/// written by the full-text thread in a build from scratch. Edits and
/// redactions applied in the same build as the posts they change must leave
/// the same text, and the same full-text rows, as applying them one at a time.
final class PostTextStorageTests: XCTestCase {
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

    /// Every post's stored text, by id.
    private func stored(_ store: Store) throws -> [EventID: String] {
        try store.index.catchUp()
        let rows = try store.index.read { db in
            try Row.fetchAll(db, sql: "SELECT p.id, x.body FROM posts p JOIN post_text x ON x.rowid = p.rowid")
        }
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in EventID(row["id"]).map { ($0, row["body"] as String) } })
    }

    func testEditsAndRedactionsInTheSameBuildLeaveTheSameTextAndFullText() throws {
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
        let expected: [EventID: String] = [plain: "first block\n\nsecond block", edited: "new words\n\nand more",
                                           reply: "a reply as written", fixed: "no typo", gone: ""]
        XCTAssertEqual(try stored(ana), expected, "applied one catch-up at a time")
        let before = try ana.index.snapshot()

        // Built from scratch: creations and their edits in one pass.
        _ = try Index.replace(space: ana.space, path: ana.index.path, statePath: ana.privateState.databasePath)
        let rebuilt = try Fixture.store(box, handle: "ana", clock: clock)
        XCTAssertEqual(try stored(rebuilt), expected, "a redacted post's text does not come back")
        XCTAssertEqual(try rebuilt.index.snapshot(), before)
        let detail = try XCTUnwrap(try rebuilt.index.thread(plain, viewer: rebuilt.me))
        XCTAssertEqual(detail.thread.blocks.map(\.text), ["first block", "second block"])
        XCTAssertEqual(detail.comments.map(\.body), ["a reply as written", "no typo", ""])
        XCTAssertEqual(try rebuilt.index.post(edited, viewer: rebuilt.me)?.blocks.map(\.text), ["new words", "and more"])
        // The rows replaced in the build were removed with the text they were added with.
        let utc = TimeZone(identifier: "UTC")!
        func found(_ text: String) throws -> [EventID] {
            let q = try SearchQuery.parse(text, viewer: rebuilt.me, timeZone: utc, now: clock.now())
            return try rebuilt.index.search(q, viewer: rebuilt.me, now: clock.now()).map(\.id)
        }
        XCTAssertEqual(try found("old"), [])
        XCTAssertEqual(try found("secret OR redacted"), [])
        XCTAssertEqual(try found("typo"), [fixed])
        XCTAssertEqual(try found("more"), [edited])

        // Edited after the build: the old text comes out of the full-text index.
        clock.set("2026-11-03T09:00:00.000Z")
        try rebuilt.append(.postEdited(PostEdited(target: reply, body: "a reply rewritten")), board: general)
        try rebuilt.index.catchUp()
        XCTAssertEqual(try found("rewritten"), [reply])
        XCTAssertEqual(try found("as"), [])
    }
}
