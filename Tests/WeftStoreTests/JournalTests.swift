import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

final class JournalTests: XCTestCase {
    func testAppendWritesOneLinePerEventAndRepairsATornTail() throws {
        let box = Sandbox()
        let path = box.root + "/j/ann@x.jsonl"
        try FileManager.default.createDirectory(atPath: box.root + "/j", withIntermediateDirectories: true)
        try JournalFile.append(["{\"a\":1}"], to: path)
        // A writer died mid-line:
        Fixture.append("{\"half", to: path)
        try JournalFile.append(["{\"b\":2}"], to: path)
        let text = String(decoding: try JournalFile.read(path, from: 0), as: UTF8.self)
        XCTAssertEqual(text, "{\"a\":1}\n{\"b\":2}\n")
    }

    func testTornTailWithNoNewlineAtAllIsCleared() throws {
        let box = Sandbox()
        let path = box.root + "/ann@x.jsonl"
        Fixture.append("garbage without newline", to: path)
        try JournalFile.append(["ok"], to: path)
        XCTAssertEqual(String(decoding: try JournalFile.read(path, from: 0), as: UTF8.self), "ok\n")
    }

    func testAppendRefusesSymlinks() throws {
        let box = Sandbox()
        let target = box.root + "/elsewhere.jsonl"
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let link = box.root + "/ann@x.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertThrowsError(try JournalFile.append(["x"], to: link)) { XCTAssertEqual($0 as? StoreError, .symlink(link)) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)).count, 0)
    }

    func testBadLinesAreReportedWithFileAndLineAndTheRestLoads() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        let slug = try BoardSlug("general")
        let path = space.boardJournalDirectory(slug) + "/ann@laptop.jsonl"
        let good1 = Fixture.line(.boardCreated(BoardCreated(title: "General")))
        let forged = Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "I am bob")), by: "bob")
        let good2 = Fixture.line(.statusPosted(StatusPosted(kind: .done, text: "shipped")))
        let good3 = Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "after the bad ones")))
        Fixture.append(good1 + "\n" + forged + "\n" + "{this is not json\n" + good2 + "\n", to: path)
        // Invalid UTF-8 on line 5.
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]))
        try h.close()
        Fixture.append(good3 + "\n" + "{\"v\":1,\"id\":\"trunc", to: path)

        let store = try Fixture.store(box)
        let problems = try store.index.problems()
        let rel = "boards/general/journal/ann@laptop.jsonl"
        XCTAssertEqual(problems.map(\.journal), Array(repeating: rel, count: 4))
        XCTAssertEqual(problems.map(\.line), [2, 3, 5, 7])
        XCTAssertTrue(problems[0].reason.contains("claims author 'bob'"), problems[0].reason)
        XCTAssertTrue(problems[1].reason.contains("not a JSON object"), problems[1].reason)
        XCTAssertTrue(problems[2].reason.contains("UTF-8"), problems[2].reason)
        XCTAssertTrue(problems[3].reason.contains("incomplete last line"), problems[3].reason)
        let texts = try store.index.statuses().map(\.text)
        XCTAssertEqual(Set(texts), ["shipped", "after the bad ones"])
        XCTAssertNotNil(try store.index.board(slug))
    }

    func testEventsInTheWrongJournalAreRejected() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        let spaceJournal = space.spaceJournalDirectory + "/ann@laptop.jsonl"
        Fixture.append(Fixture.line(.boardCreated(BoardCreated(title: "Sneaky"))) + "\n", to: spaceJournal)
        let store = try Fixture.store(box)
        XCTAssertEqual(try store.index.problems().map(\.line), [1])
        XCTAssertTrue(try store.index.boards(viewer: store.me).isEmpty)
    }

    func testTheSameEventTwiceIsAppliedOnce() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        let line = Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "once")))
        // The same line in two journals of the same person (a copied file, a sync artefact).
        Fixture.append(line + "\n" + line + "\n", to: space.spaceJournalDirectory + "/ann@laptop.jsonl")
        Fixture.append(line + "\n", to: space.spaceJournalDirectory + "/ann@desktop.jsonl")
        let store = try Fixture.store(box)
        XCTAssertEqual(try store.index.statuses().count, 1)
    }
}
