import Foundation
import TerminalUI
import WeftCore
import WeftStore
import WeftTestSupport
import XCTest

@testable import WeftApp

/// Check-in questions and the weekly digest on the Inbox screen: Enter on a
/// check-in opens the status composer linked to it (sending answers it and the
/// item leaves); Enter on a digest opens the Digest screen at its week.
final class ScheduledInboxScreenTests: XCTestCase {
    let box = Sandbox(handle: "ann")
    /// Monday 2026-11-23 07:00 UTC; the check-in asks at 07:30 in each zone.
    let clock = StepClock(Timestamp(iso8601: "2026-11-23T07:00:00.000Z")!)
    let general = try! BoardSlug("general")
    var ann: Store!
    var checkin: EventID!

    override func setUpWithError() throws {
        _ = try Space.create(at: box.space, name: "team", id: "0190f000-0000-7000-8000-0000000000cc",
                             now: Timestamp(iso8601: "2026-11-01T00:00:00.000Z")!)
        ann = try open("ann", device: "laptop")
        try ann.append(.memberProfile(MemberProfile(tz: "UTC")), board: nil)
        try ann.createBoard(general, title: "General", purpose: nil)
        let bob = try open("bob", device: "desk")
        checkin = try bob.scheduleCheckin(board: general, question: "What did you ship?", every: try Recurrence(parsing: "mon 07:30"),
                                          audience: [try Handle("ann")]).id
        clock.set(Timestamp(iso8601: "2026-11-23T08:00:00.000Z")!)
    }

    func open(_ who: String, device: String) throws -> Store {
        var env = box.environment(handle: who, device: device)
        env["WEFT_DEVICE"] = device
        return try Store.open(spaceFlag: box.space, env: StoreEnvironment(env), clock: clock)
    }

    func startedOnInbox() -> (AppLoop, HeadlessTerminal) {
        let terminal = HeadlessTerminal(width: 100, height: 24)
        let loop = AppLoop(store: ann, terminal: terminal)
        loop.start()
        loop.handle(.key(.char("i")))
        XCTAssertEqual(loop.state.route, .inbox)
        return (loop, terminal)
    }

    func screen(_ t: HeadlessTerminal) -> String { t.lastGrid?.lines().joined(separator: "\n") ?? "" }

    func testEnterOnACheckinAnswersItInTheStatusComposer() throws {
        let (loop, terminal) = startedOnInbox()
        XCTAssertTrue(screen(terminal).contains("check-in") && screen(terminal).contains("What did you ship?"), screen(terminal))
        loop.handle(.key(.char("j")))  // the item under its header
        loop.handle(.key(.enter))
        let compose = try XCTUnwrap(loop.state.compose)
        XCTAssertEqual(compose.purpose, .checkinAnswer(checkin: checkin, occurrence: "2026-11-23", board: general))
        XCTAssertEqual(compose.quote, "What did you ship?")
        XCTAssertTrue(screen(terminal).contains("Check-in answer"), screen(terminal))
        loop.handle(.key(.backTab))  // the kind: ← / → choose
        loop.handle(.key(.right))
        loop.handle(.key(.tab))
        for c in "Shipped the inbox" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.ctrl("s")))
        XCTAssertNil(loop.state.compose, "sent")
        XCTAssertEqual(loop.state.notice?.text.hasPrefix("Check-in answered"), true, loop.state.notice?.text ?? "")

        // The store holds a status.posted linked to the check-in and the occurrence.
        let answers = try ann.index.checkinAnswers(checkin)
        XCTAssertEqual(answers.map(\.occurrence), ["2026-11-23"])
        let answer = try XCTUnwrap(answers.first?.answers.first)
        XCTAssertEqual(answer.text, "Shipped the inbox")
        XCTAssertEqual(answer.author.rawValue, "ann")
        XCTAssertEqual(answer.kind, StatusKind.allCases[1])
        XCTAssertEqual(answer.board, general)
        // Answered occurrences are not due: the item leaves the inbox and the screen.
        XCTAssertEqual(try ann.inbox().items.filter { $0.kind == .checkin }, [])
        XCTAssertFalse(screen(terminal).contains("What did you ship?"), screen(terminal))
    }

    func testEnterOnTheDigestOpensItsWeek() throws {
        try ann.index.setCadence(.weekly(weekday: 2, minute: 8 * 60))  // Monday 08:00 (UTC for ann)
        let (loop, terminal) = startedOnInbox()
        XCTAssertTrue(screen(terminal).contains("Weekly digest 2026-W47 is ready"), screen(terminal))
        let row = try XCTUnwrap(loop.state.inbox.rows.firstIndex {
            if case .item(let item) = $0 { return item.kind == .digest }
            return false
        })
        for _ in 0..<row { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .digest)
        XCTAssertEqual(loop.state.digest.week?.description, "2026-W47")
        XCTAssertTrue(screen(terminal).contains("2026-W47"), screen(terminal))
        loop.handle(.key(.char("q")))
        XCTAssertEqual(loop.state.route, .inbox, "q returns to the inbox")
        // d marks it done: the week's digest does not come back.
        loop.handle(.key(.char("d")))
        XCTAssertEqual(try ann.inbox().items.filter { $0.kind == .digest }, [])
    }
}
