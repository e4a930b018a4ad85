import Foundation
import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Reading a thread at speed (issue 10): opening at the first unread
/// comment under the divider, `n`/`p` between unread comments and on to the
/// next thread, folding reply trees and long comments, `u` on a comment.
///
/// bob's thread, as ann sees it (✓ read):
///
///     ✓ c1 "First, already read."
///     ✓   r1 "Reply one."
///     ✓     r1a "Deep reply."
///           r2 "Reply two."          ← the first unread, under the divider
///         c2 (long: folds to 4 lines and "… more")
///         c3, c4
final class ThreadReadingTests: XCTestCase {
    private var fixture: AppFixture!
    private var threadID: EventID!
    private var ids: [String: EventID] = [:]
    private var anchor: ThreadAnchor?

    static let longBody = (1...60).map { "Sentence \($0) of a long comment." }.joined(separator: " ")

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 30, boards: 1, members: 3)
        var environment = fixture.box.environment(handle: "bob", device: "desk")
        environment["WEFT_DEVICE"] = "desk"
        let bob = try Store.open(spaceFlag: fixture.box.space, env: StoreEnvironment(environment),
                                 clock: TickingClock(start: Timestamp(milliseconds: AppFixture.now.milliseconds - 3_600_000)))
        let slug = try XCTUnwrap(try fixture.store.index.boardActivity().first?.board.slug)
        let thread = try bob.append(
            .threadCreated(ThreadCreated(title: "Fold me", blocks: Blocks.split("Opening post."))), board: slug)
        threadID = thread.id
        func comment(_ name: String, _ body: String, parent: String? = nil) throws {
            let event = try bob.append(
                .commentCreated(CommentCreated(thread: thread.id, parent: parent.flatMap { ids[$0] }, body: body)), board: slug)
            ids[name] = event.id
        }
        try comment("c1", "First, already read.")
        try comment("r1", "Reply one.", parent: "c1")
        try comment("r1a", "Deep reply.", parent: "r1")
        try comment("r2", "Reply two.", parent: "c1")
        try comment("c2", Self.longBody)
        try comment("c3", "Third.")
        try comment("c4", "Fourth.")
        try fixture.store.index.catchUp()
        try fixture.store.index.markRead([thread.id] + ["c1", "r1", "r1a"].compactMap { ids[$0] })
        let rows = try fixture.store.index.threads(board: slug, viewer: fixture.store.me, limit: 500)
        anchor = rows.first { $0.id == thread.id }.map(ThreadAnchor.init)
    }

    override func tearDown() {
        fixture = nil
    }

    /// ann's app with the thread just loaded.
    private func opened(width: Int = 80, height: Int = 24) throws -> State {
        var state = State(spaceName: "t", viewer: fixture.store.me, timeZone: TimeZone(identifier: "UTC")!,
                          now: AppFixture.now, size: Size(width: width, height: height))
        state.thread = ThreadState(id: threadID, anchor: anchor)
        state.stack.append(.thread(threadID))
        let detail = try XCTUnwrap(try fixture.store.index.thread(threadID, viewer: fixture.store.me))
        _ = reduce(&state, .threadLoaded(detail))
        return state
    }

    private func selected(_ state: State) -> EventID? {
        PostActions.selectedTarget(state)?.post.id
    }

    private func key(_ name: String) -> ThreadDocument.Target.Key {
        ThreadDocument.Target.Key(post: ids[name]!, block: nil)
    }

    /// The lines of the document as text.
    private func text(_ state: State) -> [String] {
        (state.thread?.document?.lines ?? []).map { $0.spans.map(\.text).joined() }
    }

    private func select(_ name: String, _ state: inout State) {
        let target = state.thread?.document?.targets.first { $0.key == key(name) }
        ThreadReading.select(target!, &state)
    }

    // MARK: - Opening where you left off

    func testOpensAtTheFirstUnreadCommentInDisplayOrderUnderTheDivider() throws {
        let state = try opened()
        XCTAssertEqual(selected(state), ids["r2"], "r2 comes right after the read replies in the tree")
        let thread = try XCTUnwrap(state.thread)
        let document = try XCTUnwrap(thread.document)
        let divider = try XCTUnwrap(document.dividerLine)
        let r2 = try XCTUnwrap(document.postLines[ids["r2"]!])
        XCTAssertEqual(divider, r2 - 1, "the divider is right above the first unread comment")
        let height = ThreadScreen.viewport(state).height
        XCTAssertEqual(thread.scroll, min(divider, document.lines.count - height),
                       "the view starts at the divider (or shows the end of a short thread)")
        let grid = render(state, size: state.size)
        let rows = (0..<grid.height).map(grid.line)
        let dividerRow = try XCTUnwrap(rows.firstIndex { $0.contains("── new since you last read ──") })
        XCTAssertTrue(rows[dividerRow + 1].hasPrefix("▌") && rows[dividerRow + 1].contains("bob"), rows[dividerRow + 1])
        XCTAssertFalse(rows[dividerRow].hasPrefix("▌"), "the divider is not part of a post")
    }

    func testNoDividerWhenEverythingIsNewOrEverythingRead() throws {
        try fixture.store.index.markUnread([threadID] + ids.values)
        var state = try opened()
        XCTAssertNil(state.thread?.document?.dividerLine, "a thread never read has nothing to divide")
        XCTAssertEqual(state.thread?.selection, ThreadDocument.Target.Key(post: threadID, block: nil), "the head is first")
        XCTAssertEqual(state.thread?.scroll, 0)
        try fixture.store.index.markThreadRead(threadID)
        state = try opened()
        XCTAssertNil(state.thread?.document?.dividerLine)
        XCTAssertNil(state.thread?.selection, "nothing unread: nothing is chosen")
        XCTAssertEqual(state.thread?.scroll, 0)
    }

    func testDividerSnapshot() throws {
        let state = try opened()
        let grid = render(state, size: state.size)
        Snapshot.assert((0..<grid.height).map(grid.line), named: "thread-unread-divider-80x24")
    }

    // MARK: - n and p

    func testNWalksTheUnreadCommentsThenGoesToTheNextThread() throws {
        var state = try opened()
        for name in ["c2", "c3", "c4"] {
            let (next, effects) = state.pressing(.char("n"))
            XCTAssertEqual(effects, [])
            XCTAssertEqual(selected(next), ids[name], name)
            XCTAssertEqual(next.thread?.selection, key(name))
            XCTAssertEqual(next.route, .thread(threadID))
            state = next
        }
        let (past, effects) = state.pressing(.char("n"))
        let slug = try XCTUnwrap(state.thread?.detail?.board.slug)
        XCTAssertEqual(effects, [.markThreadRead(threadID),
                                 .findUnreadThread(slug, from: anchor, direction: .down, including: false, options: .default)])
        XCTAssertEqual(selected(past), ids["c4"], "the selection stays until the next thread opens")
    }

    func testPGoesBackThenToThePreviousThread() throws {
        var state = try opened()
        select("c4", &state)
        for name in ["c3", "c2", "r2"] {
            state = state.pressing(.char("p")).state
            XCTAssertEqual(selected(state), ids[name], name)
        }
        let (_, effects) = state.pressing(.char("p"))
        let slug = try XCTUnwrap(state.thread?.detail?.board.slug)
        XCTAssertEqual(effects, [.markThreadRead(threadID),
                                 .findUnreadThread(slug, from: anchor, direction: .up, including: false, options: .default)],
                       "nothing unread above r2: the read head and c1 are skipped")
    }

    func testNFromAReadCommentGoesToTheNextUnreadOne() throws {
        var state = try opened()
        select("c1", &state)
        state = state.pressing(.char("n")).state
        XCTAssertEqual(selected(state), ids["r2"])
    }

    // MARK: - Folding

    func testZFoldsTheSelectedCommentsRepliesIntoOneLine() throws {
        var state = try opened()
        select("c1", &state)
        state = state.pressing(.char("z")).state
        XCTAssertEqual(state.thread?.folds.folded, [ids["c1"]!])
        let lines = text(state)
        XCTAssertTrue(lines.contains("▸ 3 replies (1 unread)"), lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains("Reply one."))
        let targets = try XCTUnwrap(state.thread?.document?.targets.map(\.post.id))
        XCTAssertFalse(targets.contains(ids["r1"]!), "hidden replies cannot be selected")
        XCTAssertEqual(selected(state), ids["c1"], "the selection stays on the folded comment")
        // The divider moves to the fold holding the first unread reply.
        let document = try XCTUnwrap(state.thread?.document)
        let divider = try XCTUnwrap(document.dividerLine)
        XCTAssertEqual(lines[divider + 1], "▸ 3 replies (1 unread)")
        // n skips the folded replies.
        XCTAssertEqual(selected(state.pressing(.char("n")).state), ids["c2"])
        // z again unfolds.
        state = state.pressing(.char("z")).state
        XCTAssertEqual(state.thread?.folds.folded, [])
        XCTAssertTrue(text(state).contains("Reply one."))
        XCTAssertFalse(text(state).contains { $0.hasPrefix("▸ 3 replies") })
    }

    func testZOnACommentWithoutRepliesOrOnTheThreadSaysWhy() throws {
        var state = try opened()
        select("c3", &state)
        state = state.pressing(.char("z")).state
        XCTAssertEqual(state.notice?.text, "This comment has no replies to fold.")
        XCTAssertEqual(state.thread?.folds, FoldState())
        state.thread?.selection = ThreadDocument.Target.Key(post: threadID, block: nil)
        state.thread?.scroll = 0
        state = state.pressing(.char("z")).state
        XCTAssertEqual(state.notice?.text, "Select a comment first ([ and ] move); Z folds every reply tree.")
    }

    func testShiftZFoldsEveryReplyTreeAndUnfoldsThemAll() throws {
        var state = try opened()
        XCTAssertEqual(selected(state), ids["r2"])
        state = state.pressing(.char("Z")).state
        XCTAssertEqual(state.thread?.folds.folded, [ids["c1"]!, ids["r1"]!])
        let lines = text(state)
        XCTAssertEqual(lines.filter { $0.hasPrefix("▸ ") && $0.contains("repl") }, ["▸ 3 replies (1 unread)"],
                       "the nested fold is inside the outer one")
        XCTAssertEqual(selected(state), ids["c1"], "r2 went into the fold: the selection moves to c1")
        // Unfolding c1 shows r1 folded with its one read reply.
        state = state.pressing(.char("z")).state
        XCTAssertTrue(text(state).contains("▸ 1 reply"), text(state).joined(separator: "\n"))
        state = state.pressing(.char("Z")).state
        XCTAssertEqual(state.thread?.folds.folded, [])
        XCTAssertTrue(text(state).contains("Deep reply."))
    }

    func testEnterShowsAllOfALongCommentAndFoldsItAgain() throws {
        var state = try opened()
        select("c2", &state)
        let document = try XCTUnwrap(state.thread?.document)
        XCTAssertEqual(document.longComments, [ids["c2"]!])
        let part = try XCTUnwrap(document.targets.first { $0.key == key("c2") }?.part)
        let folded = document.lines.filter { $0.part == part }.map { $0.spans.map(\.text).joined() }
        XCTAssertEqual(folded.count, 1 + FoldState.previewLines + 1 + 1, "head, 4 lines, “… more”, blank")
        XCTAssertEqual(folded[folded.count - 2], "… more (Enter)")

        state = state.pressing(.enter).state
        XCTAssertEqual(state.thread?.folds.expanded, [ids["c2"]!])
        let expanded = try XCTUnwrap(state.thread?.document).lines.filter { $0.part == part }.map { $0.spans.map(\.text).joined() }
        XCTAssertGreaterThan(expanded.count, FoldState.longCommentLines + 2)
        XCTAssertFalse(expanded.contains("… more (Enter)"))
        XCTAssertTrue(expanded.joined(separator: " ").contains("Sentence 60 of a long comment."))
        XCTAssertEqual(selected(state), ids["c2"])

        state = state.pressing(.enter).state
        XCTAssertEqual(state.thread?.folds.expanded, [])
        select("c3", &state)
        state = state.pressing(.enter).state
        XCTAssertEqual(state.notice?.text, "Enter shows the rest of a long comment (“… more”): select it with [ and ].")
    }

    func testFoldedTreeSnapshot() throws {
        var state = try opened()
        state = state.pressing(.char("Z")).state
        state.thread?.scroll = 0
        ThreadScreen.scroll(by: 0, &state)
        let grid = render(state, size: state.size)
        Snapshot.assert((0..<grid.height).map(grid.line), named: "thread-folded-80x24")
    }

    // MARK: - u

    func testUOnACommentKeepsItUnreadWhenLeaving() throws {
        var state = try opened()
        select("c1", &state)
        let (marked, effects) = state.pressing(.char("u"))
        XCTAssertEqual(effects, [.markPostsUnread([ids["c1"]!], afterReading: nil)])
        XCTAssertEqual(marked.route, .thread(threadID), "u on a comment stays in the thread")
        XCTAssertEqual(marked.thread?.detail?.comments.first { $0.id == ids["c1"] }?.unread, true)
        XCTAssertTrue(text(marked).contains { $0.contains("bob") && $0.hasSuffix(" · new") })
        XCTAssertEqual(selected(marked), ids["c1"])
        state = marked
        let (_, leaving) = state.pressing(.char("q"))
        XCTAssertEqual(leaving, [.markPostsUnread([ids["c1"]!], afterReading: threadID)])
    }

    func testUOnACommentWorksAgainstTheStore() throws {
        var state = try opened()
        select("c1", &state)
        var effects = state.pressing(.char("u")).effects
        state = state.pressing(.char("u")).state
        effects += state.pressing(.char("q")).effects
        for case .markPostsUnread(let posts, let thread) in effects {
            if let thread { try fixture.store.index.markThreadRead(thread) }
            try fixture.store.index.markUnread(posts)
        }
        let detail = try XCTUnwrap(try fixture.store.index.thread(threadID, viewer: fixture.store.me))
        XCTAssertEqual(detail.comments.filter(\.unread).map(\.id), [ids["c1"]!], "only c1 is unread after leaving")
    }

    func testUOnTheThreadMarksItUnreadAndGoesBack() throws {
        var state = try opened()
        state.stack = [.boards, .board(state.thread!.detail!.board.slug), .thread(threadID)]
        state.thread?.selection = ThreadDocument.Target.Key(post: threadID, block: nil)
        state.thread?.scroll = 0
        let (after, effects) = state.pressing(.char("u"))
        XCTAssertEqual(effects.first, .markThreadUnread(threadID))
        XCTAssertEqual(after.route, .board(state.thread!.detail!.board.slug))
    }
}
