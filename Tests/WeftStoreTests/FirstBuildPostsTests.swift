import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// A build from scratch inserts new posts several to a statement (`PostBatch`),
/// numbering them itself and finding duplicates in memory. Duplicate lines, an
/// id used again, edits in the middle of a run of posts and an edit that comes
/// before its post must leave the index exactly as catching up line by line does.
final class FirstBuildPostsTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    func testDuplicatesEditsAndRunsOfPostsBuildAsIncrementally() throws {
        var s = try HandMadeSpace()
        let incremental = try Index(space: s.space, path: s.box.root + "/inc/index.sqlite", statePath: s.box.root + "/inc/state.sqlite")
        func add(_ name: String?, _ payload: Payload, by who: String = "bob", at: String) throws {
            s.add(name, payload, by: who, at: at)
            _ = try incremental.catchUp()
        }
        try add(nil, .boardCreated(BoardCreated(title: "General")), by: "ann", at: "2026-11-02T09:00:00.000Z")
        try add("t", .threadCreated(ThreadCreated(title: "Plans", blocks: Blocks.split("What next?"))), by: "ann",
                at: "2026-11-02T10:00:00.000Z")
        // 75 comments: more than two full statements' worth in a row.
        for i in 0..<75 {
            try add("c\(i)", .commentCreated(CommentCreated(thread: s["t"], body: "reply number\(i) here")),
                    at: String(format: "2026-11-02T11:%02d:%02d.000Z", i / 60, i % 60))
        }
        // An edit in the middle of the run (by time), and an edit written before its post
        // (so the post, when it comes, is re-folded rather than batched).
        try add(nil, .postEdited(PostEdited(target: s["c5"], body: "edited fifth")), at: "2026-11-02T11:00:30.500Z")
        var rng = SystemRandomNumberGenerator()
        let late = EventID.make(at: Timestamp(iso8601: "2026-11-02T13:00:00.000Z")!, random: &rng)
        try add(nil, .postEdited(PostEdited(target: late, body: "late, edited early")), by: "carol", at: "2026-11-02T12:00:00.000Z")
        let lateLine = EventCodec.encode(Event(id: late, at: Timestamp(iso8601: "2026-11-02T13:00:00.000Z")!,
                                               author: try Handle("carol"),
                                               payload: .commentCreated(CommentCreated(thread: s["t"], body: "late original"))))
        let carol = s.space.journalPath(JournalName(handle: try Handle("carol"), device: try DeviceID("laptop")),
                                        board: try BoardSlug("general"))
        Fixture.append(lateLine + "\n", to: carol)
        _ = try incremental.catchUp()
        for i in 75..<80 {
            try add("c\(i)", .commentCreated(CommentCreated(thread: s["t"], body: "reply number\(i) here")),
                    at: String(format: "2026-11-02T14:00:%02d.000Z", i - 75))
        }
        // The same line twice (a copy synced to another device), and c7's id again later with other text.
        let bob = s.space.journalPath(JournalName(handle: try Handle("bob"), device: try DeviceID("laptop")),
                                      board: try BoardSlug("general"))
        let bobLines = String(decoding: try JournalFile.read(bob, from: 0), as: UTF8.self).split(separator: "\n")
        let phone = s.space.journalPath(JournalName(handle: try Handle("bob"), device: try DeviceID("phone")),
                                        board: try BoardSlug("general"))
        Fixture.append(String(bobLines[3]) + "\n", to: phone)
        let reused = EventCodec.encode(Event(id: s["c7"], at: Timestamp(iso8601: "2026-11-02T15:00:00.000Z")!,
                                             author: try Handle("bob"),
                                             payload: .commentCreated(CommentCreated(thread: s["t"], body: "impostor text"))))
        Fixture.append(reused + "\n", to: phone)
        _ = try incremental.catchUp()

        let rebuilt = try Index(space: s.space, path: s.box.root + "/re/index.sqlite", statePath: s.box.root + "/re/state.sqlite")
        let report = try rebuilt.rebuild()
        XCTAssertEqual(report.duplicates, 2)
        XCTAssertEqual(try rebuilt.snapshot(), try incremental.snapshot())

        let me = try Handle("ann")
        let detail = try XCTUnwrap(try rebuilt.thread(s["t"], viewer: me))
        XCTAssertEqual(detail.comments.count, 81)
        XCTAssertEqual(detail.comments.first { $0.id == s["c5"] }?.body, "edited fifth")
        XCTAssertEqual(detail.comments.first { $0.id == s["c7"] }?.body, "reply number7 here")
        // An edit dated before its post does not apply (see storage-format.md); the post
        // still goes in through a re-fold, between runs of batched posts.
        XCTAssertEqual(detail.comments.first { $0.id == late }?.body, "late original")
        // Each post's full-text row has that post's rowid: every word finds its own post.
        let now = Timestamp(iso8601: "2026-11-03T00:00:00.000Z")!
        func found(_ text: String) throws -> [EventID] {
            try rebuilt.search(SearchQuery.parse(text, viewer: me, timeZone: utc, now: now), viewer: me, now: now).map(\.id)
        }
        for i in [0, 31, 32, 33, 64, 74, 75, 79] { XCTAssertEqual(try found("number\(i)"), [s["c\(i)"]]) }
        XCTAssertEqual(try found("impostor"), [])
        XCTAssertEqual(try found("fifth"), [s["c5"]])
        XCTAssertEqual(try found("original"), [late])
    }
}
