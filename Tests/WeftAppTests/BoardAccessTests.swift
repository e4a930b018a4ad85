import TerminalUI
import WeftCore
import WeftStore
import WeftTestSupport
import XCTest

@testable import WeftApp

/// `B` (a new board, public or private, with its members) and `A` (a board's
/// members and visibility) from the full-screen UI.
final class BoardAccessTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 200, boards: 3, members: 6)
    }

    override func tearDown() {
        fixture = nil
    }

    private func type(_ text: String, on loop: AppLoop) {
        for ch in text { loop.handle(.key(.char(ch))) }
    }

    private func boardCount() throws -> Int {
        try fixture.store.index.boardActivity().count
    }

    /// Opens the form and fills slug, title, about; `private` picks the visibility.
    private func fillForm(slug: String, title: String = "", isPrivate: Bool, members: String, on loop: AppLoop) {
        loop.handle(.key(.char("B")))
        type(slug, on: loop)
        loop.handle(.key(.enter))
        type(title, on: loop)
        loop.handle(.key(.enter))
        loop.handle(.key(.enter))
        if isPrivate { loop.handle(.key(.right)) }
        loop.handle(.key(.enter))
        type(members, on: loop)
    }

    func testBadInputShowsOneProblemAndWritesNothing() throws {
        let (loop, terminal) = fixture.startedLoop()
        let before = try boardCount()
        let existing = try XCTUnwrap(loop.state.boards.rows.first?.board.slug)
        loop.handle(.key(.char("B")))
        XCTAssertEqual(loop.state.compose?.purpose, .newBoard)
        XCTAssertEqual(loop.state.compose?.focusedField?.id, .slug)
        loop.handle(.key(.ctrl("s")))
        XCTAssertEqual(loop.state.compose?.problem, "Give the board a slug: 1-40 of a-z, 0-9 and '-'.")
        XCTAssertTrue(terminal.text.contains("Give the board a slug"), terminal.text)

        type("Bad/Slug", on: loop)
        loop.handle(.key(.ctrl("s")))
        let slugProblem = try XCTUnwrap(loop.state.compose?.problem)
        XCTAssertTrue(slugProblem.lowercased().contains("slug"), slugProblem)

        loop.handle(.key(.ctrl("u")))
        type(existing.rawValue, on: loop)
        loop.handle(.key(.ctrl("s")))
        XCTAssertEqual(loop.state.compose?.problem, "There is already a board '\(existing)': choose another slug.")

        loop.handle(.key(.ctrl("u")))
        type("plans", on: loop)
        for _ in 0..<4 { loop.handle(.key(.tab)) }
        XCTAssertEqual(loop.state.compose?.focusedField?.id, .members)
        type("user1, nobody", on: loop)
        loop.handle(.key(.ctrl("s")))
        XCTAssertEqual(loop.state.compose?.problem,
                       "Unknown handle 'nobody': nobody in this space has it (Tab completes handles).")
        XCTAssertNotNil(loop.state.compose, "the form stays open")
        XCTAssertEqual(try boardCount(), before, "nothing was written")
        XCTAssertNil(try fixture.store.index.board(BoardSlug("plans")))
    }

    func testAStoreRefusalShowsInTheFormAndChangesNothing() throws {
        // The slug is taken by a private board the viewer cannot see: only the store knows.
        let (loop, _) = fixture.startedLoop()
        let before = try boardCount()
        try fixture.writer("user2").createBoard(BoardSlug("late"), title: "Late", purpose: nil, visibility: .private, members: [])
        try fixture.store.index.catchUp()
        fillForm(slug: "late", isPrivate: false, members: "", on: loop)
        loop.handle(.key(.ctrl("s")))
        let problem = try XCTUnwrap(loop.state.compose?.problem)
        XCTAssertTrue(problem.hasPrefix("Not created: "), problem)
        XCTAssertTrue(problem.contains("late"), problem)
        XCTAssertEqual(loop.state.compose?.isSending, false)
        XCTAssertEqual(try boardCount(), before, "the viewer still sees no new board")
    }

    func testCreatesAPrivateBoardWithItsMembersAndOpensIt() throws {
        let (loop, terminal) = fixture.startedLoop()
        fillForm(slug: "secret-plans", title: "Secret plans", isPrivate: true, members: "user1, use", on: loop)
        XCTAssertFalse(loop.state.compose?.completions.isEmpty ?? true, "handles are offered")
        XCTAssertFalse(loop.state.compose?.completions.contains(try Handle("user1")) ?? true, "not one already listed")
        loop.handle(.key(.tab))
        let completed = loop.state.compose?.value(.members) ?? ""
        XCTAssertTrue(completed.hasPrefix("user1, user") && completed.hasSuffix(", "), completed)
        loop.handle(.key(.ctrl("u")))
        type("user1, @user2", on: loop)
        loop.handle(.key(.ctrl("s")))
        XCTAssertNil(loop.state.compose, loop.state.compose?.problem ?? "")
        let slug = try BoardSlug("secret-plans")
        XCTAssertEqual(loop.state.route, .board(slug))
        XCTAssertTrue(terminal.text.contains("Board #secret-plans created (private, 3 members)."), terminal.text)

        let board = try XCTUnwrap(try fixture.store.index.board(slug))
        XCTAssertEqual(board.visibility, .private)
        XCTAssertEqual(board.title, "Secret plans")
        let members = try XCTUnwrap(try fixture.store.index.access().boards[slug]?.members)
        XCTAssertEqual(members.map(\.rawValue).sorted(), ["ann", "user1", "user2"])
        // A non-member does not see it.
        let outsider = try fixture.writer("user3")
        XCTAssertNil(try outsider.index.board(slug))
    }

    func testCreatorAddsRemovesAndSwitchesVisibility() throws {
        let slug = try BoardSlug("ops")
        // An hour earlier: the fixture's clock is fixed, and events of one millisecond
        // are applied in id order.
        var environment = fixture.box.environment(handle: "ann", device: "laptop")
        environment["WEFT_DEVICE"] = "laptop"
        let earlier = try Store.open(spaceFlag: fixture.box.space, env: StoreEnvironment(environment),
                                     clock: FixedClock(Timestamp(milliseconds: AppFixture.now.milliseconds - 3_600_000)))
        try earlier.createBoard(slug, title: "Ops", purpose: nil, visibility: .private, members: [Handle("user1")])
        try fixture.store.index.catchUp()
        let (loop, terminal) = fixture.startedLoop()
        XCTAssertEqual(loop.state.route, .boards)
        let index = try XCTUnwrap(loop.state.boards.rows.firstIndex { $0.board.slug == slug })
        for _ in 0..<index { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.char("A")))
        XCTAssertEqual(loop.state.context, .boardAccess)
        XCTAssertEqual(loop.state.boardAccess?.view?.members.map(\.handle.rawValue), ["ann", "user1"])
        XCTAssertEqual(loop.state.boardAccess?.view?.mayManage, true)
        XCTAssertTrue(terminal.text.contains("Members of #ops"), terminal.text)
        Snapshot.assert(terminal.screen, named: "board-members-80x24")

        loop.handle(.key(.char("a")))
        type("user", on: loop)
        loop.handle(.key(.enter))
        XCTAssertNotNil(loop.state.form, "an unknown handle is refused")
        XCTAssertTrue(loop.state.form?.error?.contains("Unknown handle 'user'") ?? false, loop.state.form?.error ?? "")
        type("4", on: loop)
        loop.handle(.key(.enter))
        XCTAssertNil(loop.state.form)
        XCTAssertEqual(try fixture.store.index.access().boards[slug]?.members.map(\.rawValue).sorted(), ["ann", "user1", "user4"])
        XCTAssertEqual(loop.state.boardAccess?.view?.members.map(\.handle.rawValue), ["ann", "user1", "user4"])

        loop.handle(.key(.char("j")))
        loop.handle(.key(.char("x")))
        XCTAssertEqual(loop.state.dialog?.title, "Remove user1 from #ops?")
        loop.handle(.key(.char("y")))
        XCTAssertEqual(try fixture.store.index.access().boards[slug]?.members.map(\.rawValue).sorted(), ["ann", "user4"])

        loop.handle(.key(.char("v")))
        XCTAssertEqual(loop.state.dialog?.title, "Make #ops public?")
        loop.handle(.key(.char("y")))
        XCTAssertEqual(try fixture.store.index.board(slug)?.visibility, .public)
        XCTAssertEqual(loop.state.boardAccess?.view?.visibility, .public)
        loop.handle(.key(.escape))
        XCTAssertNil(loop.state.boardAccess)
    }

    func testAMemberWhoIsNeitherCreatorNorAdminCannotChangeMembers() throws {
        let slug = try BoardSlug("theirs")
        try fixture.writer("user1").createBoard(slug, title: "Theirs", purpose: nil, visibility: .private,
                                                members: [Handle("ann"), Handle("user2")])
        try fixture.store.index.catchUp()
        let (loop, terminal) = fixture.startedLoop()
        let index = try XCTUnwrap(loop.state.boards.rows.firstIndex { $0.board.slug == slug })
        for _ in 0..<index { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .board(slug))
        loop.handle(.key(.char("A")))
        XCTAssertEqual(loop.state.boardAccess?.view?.mayManage, false)
        XCTAssertTrue(terminal.text.contains("Only its creator or an admin can change this."), terminal.text)
        for key in ["a", "x", "v"] {
            loop.handle(.key(.char(Character(key))))
            XCTAssertNil(loop.state.form)
            XCTAssertNil(loop.state.dialog)
            XCTAssertEqual(loop.state.notice?.isWarning, true)
            XCTAssertTrue(terminal.text.contains("Only #theirs's creator (user1) or an admin"), terminal.text)
        }
        // The store refuses too (a change asked for without the panel).
        var state = loop.state
        _ = reduce(&state, .input(.key(.escape)))
        XCTAssertThrowsError(try fixture.store.changeMembers(slug, add: [], remove: [Handle("user2")]))
        XCTAssertEqual(try fixture.store.index.access().boards[slug]?.members.map(\.rawValue).sorted(), ["ann", "user1", "user2"])
    }

    func testBFromTheSidebarOpensTheFormAndEscClosesItWritingNothing() throws {
        let (loop, _) = fixture.startedLoop(width: 120, height: 30)
        let before = try boardCount()
        loop.handle(.key(.tab))
        XCTAssertEqual(loop.state.focus, .sidebar)
        loop.handle(.key(.char("B")))
        XCTAssertEqual(loop.state.compose?.purpose, .newBoard)
        XCTAssertEqual(loop.state.focus, .main)
        type("half-typed", on: loop)
        loop.handle(.key(.escape))
        XCTAssertNil(loop.state.compose, "no draft, no question: the form just closes")
        XCTAssertNil(loop.state.dialog)
        XCTAssertEqual(try boardCount(), before)
    }

    func testNewBoardFormSnapshot() throws {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        loop.handle(.key(.char("B")))
        type("design", on: loop)
        loop.handle(.key(.enter))
        type("Design reviews", on: loop)
        loop.handle(.key(.tab))
        loop.handle(.key(.tab))
        loop.handle(.key(.right))
        loop.handle(.key(.tab))
        type("user1, us", on: loop)
        Snapshot.assert(terminal.screen, named: "new-board-form-80x24")
    }
}

/// A guest's `B` is refused by the store, and the form says so.
final class BoardAccessGuestTests: XCTestCase {
    func testAGuestCannotCreateABoard() throws {
        let box = Sandbox(handle: "gus")
        _ = try Space.create(at: box.space, name: "Guests", id: "0190f000-0000-7000-8000-0000000000bb",
                             now: AppFixture.now, creator: try Handle("ada"))
        func open(_ who: String, at: Timestamp) throws -> Store {
            try Store.open(spaceFlag: box.space, env: StoreEnvironment(box.environment(handle: who)), clock: FixedClock(at))
        }
        let ada = try open("ada", at: Timestamp(milliseconds: AppFixture.now.milliseconds - 60_000))
        try ada.createBoard(BoardSlug("general"), title: "General", purpose: nil, members: [])
        try ada.setRole(Handle("gus"), .guest)
        try ada.changeMembers(BoardSlug("general"), add: [Handle("gus")], remove: [])
        let gus = try open("gus", at: AppFixture.now)
        XCTAssertEqual(try gus.role(), .guest)
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let loop = AppLoop(store: gus, terminal: terminal)
        loop.start()
        loop.handle(.key(.char("B")))
        for ch in "mine" { loop.handle(.key(.char(ch))) }
        loop.handle(.key(.ctrl("s")))
        XCTAssertEqual(loop.state.compose?.problem, "Not created: guests cannot create boards: ask an admin")
        XCTAssertTrue(terminal.text.contains("Not created: guests cannot create boards"), terminal.text)
        XCTAssertNil(try gus.index.board(BoardSlug("mine")))
        try ada.index.catchUp()
        XCTAssertEqual(try ada.index.boardActivity().map(\.board.slug.rawValue), ["general"])
    }
}
