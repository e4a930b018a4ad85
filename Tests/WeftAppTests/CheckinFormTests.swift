import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// `C` on a board: scheduling a check-in from the full-screen UI.
final class CheckinFormTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    private func type(_ text: String, on loop: AppLoop) {
        for ch in text { loop.handle(.key(.char(ch))) }
    }

    func testSchedulesACheckinFromABoard() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        loop.handle(.key(.enter))
        let board = try XCTUnwrap(loop.state.board?.slug)
        loop.handle(.key(.char("K")))
        XCTAssertNotNil(loop.state.checkinForm)
        XCTAssertTrue(terminal.text.contains("New check-in · #\(board)"), terminal.text)
        type("What did you ship?", on: loop)
        loop.handle(.key(.tab))
        for _ in 0..<9 { loop.handle(.key(.backspace)) }
        type("mon,thu 9:30", on: loop)
        loop.handle(.key(.tab))
        type("user1,user2", on: loop)
        loop.handle(.key(.enter))
        XCTAssertNil(loop.state.checkinForm)
        XCTAssertTrue(terminal.text.contains("Check-in scheduled: “What did you ship?” every mon,thu 09:30."), terminal.text)
        let c = try XCTUnwrap(try fixture.store.index.checkins(viewer: fixture.store.me).first)
        XCTAssertEqual(c.board, board)
        XCTAssertEqual(c.question, "What did you ship?")
        XCTAssertEqual(c.every.description, "mon,thu 09:30")
        XCTAssertEqual(c.audience.map(\.rawValue), ["user1", "user2"])
    }

    func testBadInputKeepsTheFormOpenAndWritesNothing() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        loop.handle(.key(.enter))
        loop.handle(.key(.char("K")))
        loop.handle(.key(.enter))
        XCTAssertNotNil(loop.state.checkinForm, "an empty question is refused")
        XCTAssertTrue(terminal.text.contains("Question: the title is empty"), terminal.text)
        type("Blockers?", on: loop)
        loop.handle(.key(.tab))
        type("x", on: loop)  // "fri 16:00x"
        loop.handle(.key(.enter))
        XCTAssertNotNil(loop.state.checkinForm)
        XCTAssertTrue(terminal.text.contains("cannot read the schedule"), terminal.text)
        loop.handle(.key(.escape))
        XCTAssertNil(loop.state.checkinForm)
        XCTAssertTrue(try fixture.store.index.checkins(viewer: fixture.store.me).isEmpty)
    }
}
