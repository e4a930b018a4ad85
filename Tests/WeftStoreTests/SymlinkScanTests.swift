import Foundation
import WeftCore
import WeftTestSupport
import XCTest
@testable import WeftStore

/// Links in place of a board directory, a journal directory or a journal are never followed.
final class SymlinkScanTests: XCTestCase {
    func testLinkedDirectoriesAndJournalsAreIgnoredAndReported() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        let elsewhere = box.root + "/elsewhere"
        let line = Fixture.line(.boardCreated(BoardCreated(title: "Planted")))
        Fixture.append(line + "\n", to: elsewhere + "/journal/ann@x.jsonl")
        Fixture.append(line + "\n", to: elsewhere + "/target.jsonl")
        try FileManager.default.createDirectory(atPath: space.boardDirectory(try BoardSlug("real")), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: space.boardJournalDirectory(try BoardSlug("real")), withDestinationPath: elsewhere + "/journal")
        try FileManager.default.createSymbolicLink(atPath: space.boardsDirectory + "/linked", withDestinationPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: space.spaceJournalDirectory + "/ann@link.jsonl", withDestinationPath: elsewhere + "/target.jsonl")
        let (found, strays) = space.journals()
        XCTAssertEqual(found.map(\.relativePath), [])
        XCTAssertEqual(Set(strays), ["boards/real/journal (symbolic link, ignored)", "boards/linked (symbolic link, ignored)",
                                     "journal/ann@link.jsonl (symbolic link, ignored)"])
    }
}
