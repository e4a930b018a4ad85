import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// The Inbox, Follow-ups and Settings screens and the follow-up form as text at
/// 80x24 and 120x40, for `user1`, one of the generated space's writers (so
/// mentions, replies, followed threads and follow-ups are there).
final class InboxSnapshotTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(viewer: "user1")
    }

    override func tearDown() {
        fixture = nil
    }

    func testInboxFollowUpsAndSettingsScreens() throws {
        for (width, height) in ScreenSnapshotTests.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            fixture.press(.char("i"), on: loop)
            XCTAssertEqual(loop.state.route, .inbox)
            Snapshot.assert(terminal.screen, named: "inbox-\(width)x\(height)")
            fixture.press(.tab, .char("j"), .enter, on: loop)
            XCTAssertEqual(loop.state.route, .followUps)
            Snapshot.assert(terminal.screen, named: "followups-\(width)x\(height)")
            let steps = (State.screenItems.firstIndex(of: .settings) ?? 0) - (State.screenItems.firstIndex(of: .followUps) ?? 0)
            fixture.press(.tab, on: loop)
            for _ in 0..<steps { fixture.press(.char("j"), on: loop) }
            fixture.press(.enter, on: loop)
            XCTAssertEqual(loop.state.route, .settings)
            Snapshot.assert(terminal.screen, named: "settings-\(width)x\(height)")
        }
    }

    func testFollowUpForm() throws {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.enter, .char("f"), .char("u"), on: loop)
        XCTAssertNotNil(loop.state.form)
        Snapshot.assert(terminal.screen, named: "followup-form-80x24")
    }
}
