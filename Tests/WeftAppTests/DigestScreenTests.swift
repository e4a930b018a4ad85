import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// The Digest and Decisions screens and the decision form, on a generated space
/// (its 800 posts fall in 2026-W02, the week of the fixture's "now").
final class DigestScreenTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    /// Opens `item` from the sidebar, moving down to it from Boards.
    private func openSidebarItem(_ item: SidebarItem, on loop: AppLoop) {
        loop.handle(.key(.tab))
        for _ in 0..<(State.screenItems.firstIndex(of: item) ?? 0) { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
    }

    func testDigestScreenSnapshots() throws {
        for (width, height) in ScreenSnapshotTests.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            openSidebarItem(.digest, on: loop)
            XCTAssertEqual(loop.state.route, .digest)
            XCTAssertTrue(terminal.text.contains("Weekly digest · 2026-W02"), terminal.text)
            Snapshot.assert(terminal.screen, named: "digest-\(width)x\(height)")
        }
    }

    func testWeeksMoveAndComeBack() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        openSidebarItem(.digest, on: loop)
        XCTAssertTrue(terminal.text.contains("this week"))
        loop.handle(.key(.char("[")))
        XCTAssertEqual(loop.state.digest.week?.description, "2026-W01")
        XCTAssertTrue(terminal.text.contains("2026-W01 (Mon Dec 29 – Sun Jan 4 2026)"), terminal.text)
        XCTAssertTrue(terminal.text.contains("0 new threads · 0 comments"), terminal.text)
        XCTAssertTrue(terminal.text.contains("No decisions this week."), terminal.text)
        loop.handle(.key(.char("]")))
        loop.handle(.key(.char("]")))
        XCTAssertEqual(loop.state.digest.week?.description, "2026-W03")
        loop.handle(.key(.char("t")))
        XCTAssertEqual(loop.state.digest.week?.description, "2026-W02")
        XCTAssertTrue(terminal.text.contains("this week"))
    }

    func testSectionsFoldAndUnfold() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        openSidebarItem(.digest, on: loop)
        let rows = loop.state.digest.rows.count
        XCTAssertTrue(terminal.text.contains("▾ Decisions made"))
        loop.handle(.key(.enter))  // on the first section title
        XCTAssertTrue(terminal.text.contains("▸ Decisions made"), terminal.text)
        XCTAssertLessThan(loop.state.digest.rows.count, rows)
        loop.handle(.key(.char("z")))
        XCTAssertTrue(terminal.text.contains("▾ Decisions made"))
        XCTAssertEqual(loop.state.digest.rows.count, rows)
        // Folding from inside a section folds that section and selects its title.
        loop.handle(.key(.char("j")))
        loop.handle(.key(.char("j")))
        loop.handle(.key(.char("z")))
        XCTAssertEqual(loop.state.digest.list.selectedIndex, 0)
        XCTAssertTrue(loop.state.digest.folded.contains(.decisions))
    }

    func testEnterOpensTheItemAndQReturnsToTheDigest() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        openSidebarItem(.digest, on: loop)
        let row = try XCTUnwrap(loop.state.digest.rows.firstIndex {
            if case .item(let item) = $0 { return item.thread != nil } else { return false }
        })
        guard case .item(let item) = loop.state.digest.rows[row] else { return XCTFail() }
        for _ in 0..<row { loop.handle(.key(.char("j"))) }
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .thread(item.thread!))
        XCTAssertTrue(terminal.text.contains(item.title.prefix(20)), terminal.text)
        loop.handle(.key(.char("q")))
        XCTAssertEqual(loop.state.route, .digest)
        XCTAssertEqual(loop.state.digest.list.selectedIndex, row, "the digest keeps its place")
    }

    func testDecisionsScreenFiltersAndOpens() throws {
        for (width, height) in ScreenSnapshotTests.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            openSidebarItem(.decisions, on: loop)
            XCTAssertEqual(loop.state.route, .decisions)
            Snapshot.assert(terminal.screen, named: "decisions-\(width)x\(height)")
        }
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        openSidebarItem(.decisions, on: loop)
        let all = loop.state.decisions.entries
        XCTAssertFalse(all.isEmpty)
        XCTAssertEqual(all.map(\.decision.at), all.map(\.decision.at).sorted(by: >), "newest first")
        loop.handle(.key(.char("b")))
        let first = try XCTUnwrap(loop.state.decisions.board)
        XCTAssertTrue(loop.state.decisions.entries.allSatisfy { $0.board == first })
        XCTAssertTrue(terminal.text.contains("Decisions · #\(first)"), terminal.text)
        loop.handle(.key(.char("w")))
        XCTAssertTrue(terminal.text.contains("last 7 days"))
        loop.handle(.key(.enter))
        XCTAssertEqual(loop.state.route, .thread(loop.state.decisions.entries[0].decision.thread))
        XCTAssertTrue(terminal.text.contains("✓ Decided by"))
        loop.handle(.key(.char("q")))
        XCTAssertEqual(loop.state.route, .decisions)
    }

    /// `d` in a thread: the comment on screen becomes the decision; `D` reopens.
    func testDecideAndReopenFromTheThread() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 40)
        loop.handle(.key(.enter))  // the first board
        loop.handle(.key(.enter))  // its latest thread
        let thread = try XCTUnwrap(loop.state.thread?.detail)
        XCTAssertFalse(thread.comments.isEmpty)
        // Scroll until the first comment is at the top of the view.
        while let t = loop.state.thread, let doc = t.document, doc.commentParts[doc.lines[t.scroll].part] == nil {
            let before = t.scroll
            loop.handle(.key(.char("j")))
            if loop.state.thread?.scroll == before { break }
        }
        loop.handle(.key(.char("d")))
        let form = try XCTUnwrap(loop.state.decisionForm)
        XCTAssertNotNil(form.comment)
        XCTAssertTrue(terminal.text.contains("┌ Decide"), terminal.text)
        for ch in "Ship it" { loop.handle(.key(.char(ch))) }
        loop.handle(.key(.enter))
        XCTAssertNil(loop.state.decisionForm)
        let decided = try XCTUnwrap(try fixture.store.index.thread(thread.thread.id, viewer: fixture.store.me)?.decision)
        XCTAssertEqual(decided.summary, "Ship it")
        XCTAssertEqual(decided.comment, form.comment)
        XCTAssertTrue(terminal.text.contains("Decision recorded."), terminal.text)
        XCTAssertEqual(loop.state.thread?.detail?.decisionHistory.last?.summary, "Ship it", "the thread loads its history")
        XCTAssertTrue(terminal.text.contains("✓ Decided by ann"), terminal.text)
        // D asks to reopen (the store's reopening is tested in WeftStoreTests: this fixture's
        // clock stands still, and two events of one millisecond have no order).
        var state = loop.state
        XCTAssertEqual(reduce(&state, .input(.key(.char("R")))), [.reopen(thread.thread.id)])
        let undecided = state.after(.threadLoaded(try XCTUnwrap(state.thread?.detail).withoutDecision))
        var copy = undecided
        XCTAssertEqual(reduce(&copy, .input(.key(.char("R")))), [])
        XCTAssertEqual(copy.notice?.text, "This thread is not decided.")
        XCTAssertEqual(loop.state.after(.decisionSaved(thread.thread.id, reopened: true)).notice?.text,
                       "Thread reopened; its decision stays in the history.")
        // Esc cancels without writing.
        loop.handle(.key(.char("d")))
        loop.handle(.key(.char("x")))
        loop.handle(.key(.escape))
        XCTAssertNil(loop.state.decisionForm)
        XCTAssertEqual(try fixture.store.index.thread(thread.thread.id, viewer: fixture.store.me)?.decision, decided)
    }

    /// A reopened thread says so under its title; a replaced decision says how many came before.
    func testThreadHeaderShowsTheDecisionHistory() throws {
        let (loop, _) = fixture.startedLoop(width: 100, height: 30)
        loop.handle(.key(.enter))
        loop.handle(.key(.enter))
        var detail = try XCTUnwrap(loop.state.thread?.detail)
        let at = AppFixture.now
        let bob = try Handle("bob"), ann = try Handle("ann")
        let first = Decision(id: EventID.make(at: at, random: &rng), thread: detail.thread.id, summary: "A", author: ann, at: at, isReopening: false)
        let reopening = Decision(id: EventID.make(at: at.adding(seconds: 60), random: &rng), thread: detail.thread.id, summary: "costs",
                                 author: bob, at: at.adding(seconds: 60), isReopening: true)
        detail.decision = nil
        detail.decisionHistory = [first, reopening]
        let reopened = ThreadDocument(detail, width: 100, clock: loop.state.clock).header.map { $0.spans.map(\.text).joined() }
        XCTAssertTrue(reopened.contains("↺ Reopened by bob on 2026-01-05 22:31: costs · 1 earlier decision"), "\(reopened)")
        let second = Decision(id: EventID.make(at: at.adding(seconds: 120), random: &rng), thread: detail.thread.id, summary: "B",
                              author: ann, at: at.adding(seconds: 120), isReopening: false)
        detail.decision = second
        detail.decisionHistory = [first, reopening, second]
        let replaced = ThreadDocument(detail, width: 100, clock: loop.state.clock).header.map { $0.spans.map(\.text).joined() }
        XCTAssertTrue(replaced.contains { $0.hasPrefix("✓ Decided by ann on 2026-01-05 22:32: B") }, "\(replaced)")
        XCTAssertTrue(replaced.contains("Replaces 1 earlier decision (weft decision list --history)"), "\(replaced)")
    }

    private var rng = SystemRandomNumberGenerator()

    func testAnEmptyFormWithoutACommentAsksForASummary() throws {
        let (loop, _) = fixture.startedLoop(width: 100, height: 40)
        loop.handle(.key(.enter))
        loop.handle(.key(.enter))
        // Eight rows at the top of the thread show only its body: no comment is on screen.
        var state = loop.state
        _ = reduce(&state, .input(.resize(width: 100, height: 8)))
        _ = reduce(&state, .input(.key(.char("g"))))
        _ = reduce(&state, .input(.key(.char("d"))))
        XCTAssertNil(state.decisionForm?.comment)
        let effects = reduce(&state, .input(.key(.enter)))
        XCTAssertTrue(effects.isEmpty)
        XCTAssertNotNil(state.decisionForm, "the form stays open")
        XCTAssertEqual(state.notice?.isWarning, true)
    }
}

private extension ThreadDetail {
    var withoutDecision: ThreadDetail {
        var copy = self
        copy.decision = nil
        return copy
    }
}
