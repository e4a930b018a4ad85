import Foundation
import TerminalUI
import WeftCore
import WeftStore
import WeftTestSupport
import XCTest

@testable import WeftApp

/// A clock the test moves forward.
final class StepClock: WeftCore.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Timestamp
    init(_ t: Timestamp) { instant = t }
    func now() -> Timestamp { lock.withLock { instant } }
    func set(_ t: Timestamp) { lock.withLock { instant = t } }
}

/// The Inbox, Follow-ups and Settings screens on a headless terminal, with
/// another person writing from another "device" and the clock moved by hand.
final class InboxScreenTests: XCTestCase {
    let box = Sandbox(handle: "ann")
    /// Monday 2026-11-23 08:00 UTC.
    let clock = StepClock(Timestamp(iso8601: "2026-11-23T08:00:00.000Z")!)
    var ann: Store!
    var bob: Store!
    var thread: EventID!
    let general = try! BoardSlug("general")

    func open(_ who: String, device: String, clock: any WeftCore.Clock) throws -> Store {
        var env = box.environment(handle: who, device: device)
        env["WEFT_DEVICE"] = device
        return try Store.open(spaceFlag: box.space, env: StoreEnvironment(env), clock: clock)
    }

    override func setUpWithError() throws {
        _ = try Space.create(at: box.space, name: "team", id: "0190f000-0000-7000-8000-0000000000bb",
                             now: Timestamp(iso8601: "2026-11-01T00:00:00.000Z")!)
        ann = try open("ann", device: "laptop", clock: clock)
        try ann.append(.memberProfile(MemberProfile(tz: "UTC")), board: nil)
        try ann.createBoard(general, title: "General", purpose: nil)
        thread = try ann.append(.threadCreated(ThreadCreated(title: "Launch plan", blocks: Blocks.split("Dates?"))), board: general).id
        bob = try open("bob", device: "desk", clock: clock)
        try bob.append(.memberProfile(MemberProfile(tz: "Asia/Tokyo")), board: nil)
    }

    func started() -> (AppLoop, HeadlessTerminal) {
        let terminal = HeadlessTerminal(width: 100, height: 24)
        let loop = AppLoop(store: ann, terminal: terminal)
        loop.start()
        return (loop, terminal)
    }

    func screen(_ t: HeadlessTerminal) -> String { t.lastGrid?.lines().joined(separator: "\n") ?? "" }

    func mentionAnn(_ text: String = "@ann can you confirm?") throws {
        try bob.append(.commentCreated(CommentCreated(thread: thread, body: text, mentions: MentionScanner.mentions(in: text))),
                       board: general)
    }

    func testAMentionArrivesWithoutAKeypress() throws {
        let (loop, terminal) = started()
        XCTAssertFalse(terminal.lastGrid!.line(0).contains("inbox"))
        try mentionAnn()
        loop.handle(.tick)
        XCTAssertFalse(terminal.lastGrid!.line(0).contains("inbox 1"), "off its screen the inbox is computed every 5 s at most")
        clock.set(Timestamp(iso8601: "2026-11-23T08:00:05.000Z")!)
        loop.handle(.tick)
        XCTAssertTrue(terminal.lastGrid!.line(0).contains("inbox 1"), terminal.lastGrid!.line(0))
        loop.handle(.key(.char("i")))
        XCTAssertEqual(loop.state.route, .inbox)
        let text = screen(terminal)
        XCTAssertTrue(text.contains("Launch plan"), text)
        XCTAssertTrue(text.contains("mention") && text.contains("bob"), text)
        // Opening it shows the thread; q comes back to the inbox.
        loop.handle(.key(.char("j")))
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .thread(thread))
        loop.handle(.key(.char("q")))
        XCTAssertEqual(loop.state.route, .inbox)
        // d marks it done.
        loop.handle(.key(.char("d")))
        XCTAssertTrue(screen(terminal).contains("Inbox zero"), screen(terminal))
        XCTAssertEqual(try ann.inbox().items, [])
    }

    func testADailyCadenceHoldsUntilItsTimeThenTheScreenUpdates() throws {
        try ann.index.setCadence(.daily(minute: 9 * 60))
        let (loop, terminal) = started()
        try mentionAnn()
        loop.handle(.tick)
        XCTAssertFalse(terminal.lastGrid!.line(0).contains("inbox 1"), "held until 09:00")
        clock.set(Timestamp(iso8601: "2026-11-23T08:59:00.000Z")!)
        loop.handle(.tick)
        XCTAssertFalse(terminal.lastGrid!.line(0).contains("inbox 1"))
        clock.set(Timestamp(iso8601: "2026-11-23T09:00:00.000Z")!)
        loop.handle(.tick)
        XCTAssertTrue(terminal.lastGrid!.line(0).contains("inbox 1"), "delivered as time passes, nothing written")
    }

    func testFollowUpFormChecksInputThenWrites() throws {
        let (loop, terminal) = started()
        loop.handle(.key(.enter))  // open the board
        loop.handle(.key(.enter))  // open the thread
        XCTAssertEqual(loop.state.route, .thread(thread))
        loop.handle(.key(.char("f")))
        XCTAssertNotNil(loop.state.form)
        XCTAssertTrue(screen(terminal).contains("Follow-up on this thread"))
        for c in "zed" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        for c in "fri" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        loop.handle(.key(.enter))
        XCTAssertTrue(screen(terminal).contains("no member 'zed'"), screen(terminal))
        XCTAssertEqual(try ann.index.followUps(), [], "nothing written")
        // Back to the first field: clear it, type "b", Tab completes "bob".
        loop.handle(.key(.up)); loop.handle(.key(.up))
        loop.handle(.key(.ctrl("u")))
        loop.handle(.key(.char("b")))
        loop.handle(.key(.tab))
        XCTAssertEqual(loop.state.form?.fields[0].input.text, "bob")
        loop.handle(.key(.down)); loop.handle(.key(.down))
        for c in "check dates" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        XCTAssertNil(loop.state.form)
        let asked = try ann.index.followUps()
        XCTAssertEqual(asked.map(\.assignee.rawValue), ["bob"])
        XCTAssertEqual(asked.first?.note, "check dates")
        XCTAssertEqual(asked.first?.due, Timestamp(iso8601: "2026-11-27T17:00:00.000Z"), "fri, 17:00 in ann's zone (UTC)")
        XCTAssertTrue(terminal.lastGrid!.line(23).contains("Asked bob"), terminal.lastGrid!.line(23))
    }

    func testRemindMeAndTheFollowUpsScreen() throws {
        let (loop, terminal) = started()
        loop.handle(.key(.enter))
        loop.handle(.key(.char("b")))  // remind me on the selected thread
        loop.handle(.key(.char("2")))  // preset: tomorrow 9:00, then the note
        loop.handle(.key(.enter))
        XCTAssertNil(loop.state.form)
        XCTAssertEqual(try ann.index.reminders().map(\.at), [Timestamp(iso8601: "2026-11-24T09:00:00.000Z")!])
        // bob asks ann; it is overdue by the time she looks.
        try bob.append(.followupRequested(FollowupRequested(target: thread, assignee: try Handle("ann"),
                                                            due: Timestamp(iso8601: "2026-11-23T10:00:00.000Z")!)), board: general)
        try bob.append(.followupRequested(FollowupRequested(target: thread, assignee: try Handle("ann"),
                                                            due: Timestamp(iso8601: "2026-11-26T10:00:00.000Z")!)), board: general)
        clock.set(Timestamp(iso8601: "2026-11-23T11:00:00.000Z")!)
        loop.handle(.tick)
        loop.handle(.key(.char("q")))  // back to Boards
        loop.handle(.key(.tab))
        let sidebarRow = terminal.lastGrid!.lines().first { $0.contains("Follow-ups") } ?? ""
        XCTAssertTrue(sidebarRow.prefix(Layout.sidebarWidth).contains("2"), "the sidebar counts what is asked of ann: \(sidebarRow)")
        for _ in 0..<(State.screenItems.firstIndex(of: .followUps) ?? 0) { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .followUps)
        loop.handle(.key(.char("j")))  // select the later one, so the overdue row shows its own style
        var text = screen(terminal)
        XCTAssertTrue(text.contains("overdue") && text.contains("from bob"), text)
        let row = terminal.lastGrid!.lines().firstIndex { $0.contains("overdue") }!
        let x = terminal.lastGrid!.line(row).distance(of: "overdue")
        XCTAssertEqual(terminal.lastGrid![x, row].style.role, .warning, "overdue in the warning style")
        loop.handle(.key(.char("]"))); loop.handle(.key(.char("]"))); loop.handle(.key(.char("]")))
        text = screen(terminal)
        XCTAssertTrue(text.contains("reminder") && text.contains("Launch plan"), text)
        loop.handle(.key(.char("[")))
        loop.handle(.key(.char("[")))
        loop.handle(.key(.char("[")))
        XCTAssertEqual(loop.state.followUps.tab, .forMe)
        loop.handle(.key(.char("d")))  // the first row: the overdue one
        let s = loop.state
        XCTAssertEqual(try ann.index.followUps().first { $0.due.iso8601.hasPrefix("2026-11-23") }?.state, .done)
        XCTAssertTrue(s.notice?.text.contains("done") == true)
    }

    func testSettingsScreenChangesCadenceAndBoardLevel() throws {
        let (loop, terminal) = started()
        loop.handle(.key(.tab))
        for _ in 0..<(State.screenItems.firstIndex(of: .settings) ?? 0) { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .settings)
        XCTAssertTrue(screen(terminal).contains("instant"))
        loop.handle(.key(.enter))  // cadence
        loop.handle(.key(.ctrl("u")))
        for c in "daily 25:00" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        XCTAssertTrue(screen(terminal).contains("invalid cadence"), screen(terminal))
        loop.handle(.key(.ctrl("u")))
        for c in "weekly fri 16:00" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(try ann.index.notificationPrefs().cadence, .weekly(weekday: 6, minute: 960))
        loop.handle(.key(.char("G")))  // the last row: #general
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.form?.fields[0].input.text, "normal")
        loop.handle(.key(.ctrl("u")))
        for c in "tracking" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        for c in "hourly" { loop.handle(.key(.char(c))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(try ann.index.notificationPrefs().boardLevels[general], .tracking)
        XCTAssertEqual(try ann.index.notificationPrefs().boardCadences[general], .hourly)
        XCTAssertTrue(screen(terminal).contains("tracking · hourly"), screen(terminal))
    }
}

private extension String {
    /// The display column where `needle` starts (ASCII screens in these tests).
    func distance(of needle: String) -> Int {
        guard let r = range(of: needle) else { return 0 }
        return self[..<r.lowerBound].count
    }
}
