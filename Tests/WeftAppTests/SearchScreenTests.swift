import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// The search screen: `/` from any screen, results as you type (after a
/// pause), Enter to the thread at the match, n/N between matches.
final class SearchScreenTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture()
    }

    override func tearDown() {
        fixture = nil
    }

    private func type(_ text: String, on loop: AppLoop) {
        for c in text { loop.handle(.key(.char(c))) }
        loop.runPendingSearch(force: true)
    }

    func testSearchScreenSnapshots() throws {
        for (width, height) in ScreenSnapshotTests.sizes {
            let (loop, terminal) = fixture.startedLoop(width: width, height: height)
            fixture.press(.enter, .char("/"), on: loop)
            XCTAssertEqual(loop.state.route, .search)
            let slug = try XCTUnwrap(loop.state.board?.slug.rawValue)
            XCTAssertEqual(loop.state.search?.input.text, "board:\(slug) ", "pre-filled with the board on screen")
            type("café déc*", on: loop)
            XCTAssertFalse(loop.state.search?.results.isEmpty ?? true)
            XCTAssertTrue(terminal.text.contains("Search: board:\(slug) café déc*"), terminal.text)
            XCTAssertEqual(terminal.lastCursor?.y, 1, "the cursor is in the field")
            Snapshot.assert(terminal.screen, named: "search-\(width)x\(height)")
        }
    }

    func testResultsNarrowAsYouType() throws {
        let (loop, terminal) = fixture.startedLoop(width: 120, height: 40)
        fixture.press(.char("/"), on: loop)
        XCTAssertEqual(loop.state.search?.input.text, "", "nothing to pre-fill on Boards")
        type("budget", on: loop)
        let broad = try XCTUnwrap(loop.state.search?.results.count)
        type(" roadmap -launch in:decision", on: loop)
        let narrow = try XCTUnwrap(loop.state.search?.results)
        XCTAssertLessThan(narrow.count, broad)
        XCTAssertFalse(narrow.isEmpty)
        for r in narrow {
            let text = r.text.lowercased()
            XCTAssertEqual(r.kind, .decision)
            XCTAssertTrue(text.contains("budget") && text.contains("roadmap") && !text.contains("launch"), r.text)
        }
        XCTAssertTrue(terminal.text.contains("\(narrow.count) result"), terminal.text)
    }

    func testTypingWaitsForAPauseAndDropsStaleResults() throws {
        var state = fixture.startedLoop().loop.state
        _ = reduce(&state, .input(.key(.char("/"))))
        let first = reduce(&state, .input(.key(.char("q"))))
        XCTAssertEqual(state.route, .search, "q types, it does not go back")
        XCTAssertEqual(first, [.searchAfterPause(generation: 2)])
        _ = reduce(&state, .input(.key(.char("x"))))
        XCTAssertEqual(reduce(&state, .searchPaused(generation: 2)), [], "an older pause is ignored")
        let effects = reduce(&state, .searchPaused(generation: 3))
        guard case .runSearch(let query, 3)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(query.groups, [[.word("qx")]])
        _ = reduce(&state, .input(.key(.backspace)))
        _ = reduce(&state, .searchFinished(generation: 3, []))
        XCTAssertEqual(state.search?.shownGeneration, -1, "results of an older query are dropped")
    }

    func testTheLoopWakesForThePauseInsteadOfWaitingForTheTick() throws {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let loop = AppLoop(store: fixture.store, terminal: terminal)
        terminal.enqueue(.key(.char("/")), .key(.char("c")), .key(.char("a")))
        XCTAssertEqual(loop.run(), 0)
        let waits = terminal.requestedTimeouts
        XCTAssertEqual(waits.first, AppLoop.tickMilliseconds, "nothing pending: wait for a tick")
        XCTAssertEqual(waits.count, 4)
        for wait in waits.dropFirst(2) {
            XCTAssertLessThanOrEqual(wait, AppLoop.searchPauseMilliseconds, "a search is pending: wake for it")
        }
    }

    func testBadQueriesShowTheErrorUnderTheField() throws {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.char("/"), on: loop)
        type("budget colour:red", on: loop)
        XCTAssertTrue(terminal.text.contains("unknown filter 'colour:red'"), terminal.text)
        fixture.press(.escape, on: loop)
        XCTAssertEqual(loop.state.route, .boards)
    }

    func testEnterOpensTheThreadAtTheMatchAndNJumpsBetweenMatches() throws {
        let (loop, terminal) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.char("/"), on: loop)
        type("in:comment journal", on: loop)
        let result = try XCTUnwrap(loop.state.search?.results.first)
        fixture.press(.enter, on: loop)
        XCTAssertEqual(loop.state.route, .thread(try XCTUnwrap(result.thread)))
        let thread = try XCTUnwrap(loop.state.thread)
        let document = try XCTUnwrap(thread.document)
        XCTAssertFalse(document.matchLines.isEmpty)
        let postLine = try XCTUnwrap(document.postLines[result.id])
        let current = try XCTUnwrap(thread.currentMatch)
        XCTAssertGreaterThanOrEqual(document.matchLines[current], postLine, "opened at the match in the result's comment")
        XCTAssertTrue(terminal.text.contains("match \(current + 1)/\(document.matchLines.count)"), terminal.text)
        XCTAssertTrue(terminal.screen[0].contains("#" + (result.board?.rawValue ?? "?")), "the title names the thread's board")
        Snapshot.assert(terminal.screen, named: "search-thread-80x24")

        fixture.press(.char("n"), on: loop)
        let next = (current + 1) % document.matchLines.count
        XCTAssertEqual(loop.state.thread?.currentMatch, next)
        fixture.press(.char("N"), on: loop)
        XCTAssertEqual(loop.state.thread?.currentMatch, current)
        fixture.press(.char("N"), on: loop)
        XCTAssertEqual(loop.state.thread?.currentMatch, (current - 1 + document.matchLines.count) % document.matchLines.count)

        // Back to the results, then the search is remembered.
        fixture.press(.char("q"), on: loop)
        XCTAssertEqual(loop.state.route, .search)
        XCTAssertEqual(loop.state.search?.results.first, result)
        fixture.press(.escape, .char("/"), on: loop)
        XCTAssertEqual(loop.state.search?.recent, ["in:comment journal"])
        XCTAssertTrue(terminal.text.contains("Recent searches"), terminal.text)
        fixture.press(.enter, on: loop)
        XCTAssertEqual(loop.state.search?.input.text, "in:comment journal")
    }

    func testHighlightsInTheThreadText() throws {
        let (loop, _) = fixture.startedLoop(width: 80, height: 24)
        fixture.press(.char("/"), on: loop)
        type("in:thread journal", on: loop)
        fixture.press(.enter, on: loop)
        let document = try XCTUnwrap(loop.state.thread?.document)
        let line = try XCTUnwrap(document.matchLines.first.map { document.lines[$0] })
        let matched = line.spans.filter { $0.style == SearchScreen.matchStyle }.map { $0.text.lowercased() }
        XCTAssertEqual(Set(matched), ["journal"])
    }
}
