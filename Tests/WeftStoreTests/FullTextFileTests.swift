import Foundation
import GRDB
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// The full-text tables live in their own file next to the index. The two are
/// one cache: whenever they may disagree, opening rebuilds both.
final class FullTextFileTests: XCTestCase {
    private func generation(_ index: Index, _ schema: String) throws -> String? {
        try index.read { db in try String.fetchOne(db, sql: "SELECT value FROM \(schema).meta WHERE key = 'generation'") }
    }

    /// A build from scratch keeps rows that come out of rowid order for the end
    /// (FTS5 would write out everything collected at each): adding a row and
    /// removing it again cancel out, and the rest comes in rowid order, table by
    /// table, each rowid's rows in the order they came.
    func testRowsOutOfRowidOrderWaitAndComeInRowidOrder() {
        func row(_ table: FullTextRow.Table, _ rowid: Int64, delete: Bool = false, _ body: String) -> FullTextRow {
            FullTextRow(table: table, delete: delete, rowid: rowid, kind: 1, board: "b", author: "a", title: nil, body: body)
        }
        var order = FullTextOrder()
        XCTAssertTrue(order.admit(row(.posts, 1, "one")))
        XCTAssertTrue(order.admit(row(.posts, 2, "two")))
        XCTAssertTrue(order.admit(row(.notes, 1, "note")))  // each table has its own order
        XCTAssertFalse(order.admit(row(.posts, 1, delete: true, "one")))  // post 1 is edited
        XCTAssertFalse(order.admit(row(.posts, 1, "one, edited")))
        XCTAssertTrue(order.admit(row(.posts, 3, "three")))
        XCTAssertFalse(order.admit(row(.posts, 1, delete: true, "one, edited")))  // and edited again
        XCTAssertFalse(order.admit(row(.posts, 1, "one, edited twice")))
        XCTAssertFalse(order.admit(row(.posts, 2, delete: true, "two")))  // post 2 is redacted
        XCTAssertFalse(order.admit(row(.posts, 3, delete: true, "three")))  // the last rowid waits too
        XCTAssertFalse(order.admit(row(.notes, 1, delete: true, "note")))
        let drained = order.drain().map { "\($0.table) \($0.rowid) \($0.delete ? "-" : "+")\($0.body ?? "")" }
        XCTAssertEqual(drained, ["posts 1 -one", "posts 1 +one, edited twice", "posts 2 -two", "posts 3 -three", "notes 1 -note"])
        XCTAssertTrue(order.drain().isEmpty)
        XCTAssertTrue(order.admit(row(.posts, 4, "four")))
        XCTAssertFalse(order.admit(row(.posts, 4, delete: true, "four")))
    }

    /// A new post that a later event changes waits from the start, and the
    /// removal that change makes drops it: only its last version is written.
    func testANewPostChangedLaterWaitsAndOnlyItsLastVersionIsWritten() {
        func row(_ rowid: Int64, delete: Bool = false, waits: Bool = false, _ body: String) -> FullTextRow {
            FullTextRow(table: .posts, delete: delete, rowid: rowid, kind: 1, board: "b", author: "a", title: nil, body: body,
                        waits: waits)
        }
        var order = FullTextOrder()
        XCTAssertFalse(order.admit(row(1, waits: true, "one")))  // edited later
        XCTAssertFalse(order.admit(row(1, delete: true, "one")))  // at once: no rowid above it yet
        XCTAssertFalse(order.admit(row(1, "one, edited")))
        XCTAssertTrue(order.admit(row(2, "two")))
        XCTAssertFalse(order.admit(row(3, waits: true, "three")))  // redacted later
        XCTAssertTrue(order.admit(row(4, "four")))
        XCTAssertFalse(order.admit(row(1, delete: true, "one, edited")))  // and again, later
        XCTAssertFalse(order.admit(row(1, "one, edited twice")))
        XCTAssertFalse(order.admit(row(3, delete: true, "three")))
        XCTAssertFalse(order.admit(row(5, waits: true, "five")))  // the change never came
        XCTAssertTrue(order.admit(row(6, "six")))
        let drained = order.drain().map { "\($0.rowid) \($0.delete ? "-" : "+")\($0.body ?? "")" }
        XCTAssertEqual(drained, ["1 +one, edited twice", "5 +five"])
    }

    /// The thread that writes the full-text file of a new index ends cleanly
    /// whatever happens: an error it meets comes back from `finish()`, and a
    /// build given up midway stops it (both used to leave its transaction open,
    /// which GRDB answers by stopping the process).
    func testTheFullTextThreadEndsCleanlyOnAnErrorAndWhenAbandoned() throws {
        let box = Sandbox()
        func row(_ rowid: Int64) -> FullTextRow {
            FullTextRow(table: .posts, delete: false, rowid: rowid, kind: 1, board: "b", author: "a", title: nil, body: "text \(rowid)")
        }
        let failing = try FullTextBuilder(path: box.root + "/failing.sqlite", generation: "g")
        failing.send(row(1))
        var textless = row(2)
        textless.body = nil  // a new post must come with its text: storing it fails
        failing.send(textless)
        XCTAssertThrowsError(try failing.finish()) { error in
            XCTAssertTrue("\(error)".contains("NOT NULL"), "\(error)")
        }
        let abandoned = try FullTextBuilder(path: box.root + "/abandoned.sqlite", generation: "g")
        abandoned.send(row(1))
        abandoned.settle()
        abandoned.send(row(2))
        abandoned.abandon()
        XCTAssertThrowsError(try abandoned.finish())
    }

    func testAMissingOrMismatchedFullTextFileIsRebuilt() throws {
        let box = Sandbox()
        let space = try Space.create(at: box.space, name: "s", id: "0190f000-0000-7000-8000-0000000000cc",
                                     now: Timestamp(milliseconds: 0))
        _ = try SyntheticSpace(posts: 300, seed: 5, boards: 2, members: 4).write(into: space)
        let path = box.root + "/cache/index.sqlite", state = box.root + "/cache/state.sqlite"
        let first = try Index(space: space, path: path, statePath: state)
        let expected = try first.snapshot()
        XCTAssertEqual(first.searchPath, box.root + "/cache/index-search.sqlite")
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.searchPath))
        XCTAssertNotNil(try generation(first, "main"))
        XCTAssertEqual(try generation(first, "main"), try generation(first, "fts"))

        // The full-text file is gone: both are built again, with the same answers.
        for suffix in ["", "-wal", "-shm"] { unlink(first.searchPath + suffix) }
        let second = try Index(space: space, path: path, statePath: state)
        XCTAssertEqual(try second.snapshot(), expected)

        // A crash between the two files' commits leaves different generations.
        _ = try second.write { db in try db.execute(sql: "UPDATE fts.meta SET value = 'torn' WHERE key = 'generation'") }
        let third = try Index(space: space, path: path, statePath: state)
        XCTAssertNotEqual(try generation(third, "fts"), "torn")
        XCTAssertEqual(try generation(third, "main"), try generation(third, "fts"))
        XCTAssertEqual(try third.snapshot(), expected)
    }

    func testACatchUpKeepsBothFilesInStep() throws {
        let box = Sandbox()
        let space = try Space.create(at: box.space, name: "s", id: "0190f000-0000-7000-8000-0000000000dd",
                                     now: Timestamp(milliseconds: 0))
        _ = try SyntheticSpace(posts: 50, seed: 6, boards: 1, members: 2).write(into: space)
        let index = try Index(space: space, path: box.root + "/c/index.sqlite", statePath: box.root + "/c/state.sqlite")
        let before = try generation(index, "main")
        _ = try SyntheticSpace(posts: 80, seed: 7, boards: 1, members: 2).write(into: space)
        let report = try index.catchUp()
        XCTAssertGreaterThan(report.eventsApplied, 0)
        XCTAssertNotEqual(try generation(index, "main"), before)
        XCTAssertEqual(try generation(index, "main"), try generation(index, "fts"))
        // Nothing new: no write, and the generation stays.
        let after = try generation(index, "main")
        XCTAssertEqual(try index.catchUp(), CatchUpReport())
        XCTAssertEqual(try generation(index, "main"), after)
    }
}
