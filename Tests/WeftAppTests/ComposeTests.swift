import Foundation
import TerminalUI
import WeftCore
import WeftStore
import XCTest

@testable import WeftApp

/// Every compose flow through the real app loop on a headless terminal and a
/// real store: what is written, and that bad input writes nothing.
final class ComposeTests: XCTestCase {
    private var fixture: AppFixture!

    override func setUpWithError() throws {
        fixture = try AppFixture(posts: 120, boards: 3, members: 5)
    }

    override func tearDown() {
        fixture = nil
    }

    private func type(_ text: String, on loop: AppLoop) {
        for character in text {
            loop.handle(.key(character == "\n" ? .enter : .char(character)))
        }
    }

    /// How many lines the journals hold (every write adds at least one).
    private func totalLines() throws -> Int {
        var count = 0
        let enumerator = FileManager.default.enumerator(atPath: fixture.box.space)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".jsonl") else { continue }
            let text = try String(contentsOfFile: fixture.box.space + "/" + path, encoding: .utf8)
            count += text.split(separator: "\n").count
        }
        return count
    }

    /// Starts the loop and writes a thread by the viewer through the UI;
    /// returns the loop showing it.
    ///
    /// Its store's clock moves on with every write: the fold orders events by
    /// time, and with a pinned clock an edit, a removal or a deletion could
    /// sort before what it changes.
    private func loopWithOwnThread(title: String = "Plans 日本", body: String = "First **paragraph**.\n\nSecond one.")
        throws -> (AppLoop, HeadlessTerminal)
    {
        var environment = fixture.box.environment(handle: "ann", device: "laptop")
        environment["WEFT_DEVICE"] = "laptop"
        let store = try Store.open(
            spaceFlag: fixture.box.space, env: StoreEnvironment(environment), clock: TickingClock(start: AppFixture.now))
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let loop = AppLoop(store: store, terminal: terminal)
        loop.start()
        fixture.press(.char("N"), on: loop)
        type(title + "\n", on: loop)
        loop.handle(.key(.char("x")))
        loop.handle(.key(.backspace))
        loop.dispatchTyped(body)
        fixture.press(.ctrl("s"), on: loop)
        return (loop, terminal)
    }

    // MARK: - New thread

    func testNewThreadWithTitleAndParagraphs() throws {
        let (loop, terminal) = try loopWithOwnThread()
        XCTAssertNil(loop.state.compose, "the composer closed after sending")
        guard case .thread(let id) = loop.state.route else { return XCTFail("the new thread opens") }
        let detail = try XCTUnwrap(try fixture.store.index.thread(id, viewer: fixture.store.me))
        XCTAssertEqual(detail.thread.title, "Plans 日本")
        XCTAssertEqual(detail.thread.blocks.map(\.text), ["First **paragraph**.", "Second one."])
        XCTAssertEqual(detail.thread.author, fixture.store.me)
        XCTAssertTrue(terminal.text.contains("Thread posted."), terminal.text)
        XCTAssertTrue(terminal.text.contains("First paragraph."), "Markdown is rendered: \(terminal.text)")
    }

    func testEmptyTitleOrBodyWritesNothing() throws {
        let (loop, terminal) = fixture.startedLoop()
        let before = try totalLines()
        fixture.press(.char("N"), on: loop)
        type("\nSome text", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertNotNil(loop.state.compose, "the composer stays open")
        XCTAssertEqual(loop.state.compose?.problem, "The title is empty: give a title of 1-200 characters.")
        XCTAssertTrue(terminal.text.contains("The title is empty"), terminal.text)
        fixture.press(.backTab, on: loop)
        type("A title", on: loop)
        fixture.press(.tab, on: loop)
        fixture.press(.ctrl("u"), on: loop)
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertEqual(loop.state.compose?.problem, "The text is empty: write something (at least one non-space character).")
        XCTAssertEqual(try totalLines(), before, "nothing was written")
    }

    func testBodyOverTheLimitWritesNothing() throws {
        let (loop, terminal) = fixture.startedLoop()
        let before = try totalLines()
        fixture.press(.char("N"), on: loop)
        type("Too long\n", on: loop)
        loop.dispatchTyped(String(repeating: "0123456789abcdef ", count: 4_000))
        XCTAssertTrue(terminal.text.contains("68,000/65,536 bytes"), terminal.text)
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertEqual(
            loop.state.compose?.problem,
            "The text is 67999 bytes: the limit is 65536 bytes (64 KiB); split it into several posts.")
        XCTAssertEqual(try totalLines(), before)
    }

    func testUnknownMentionWritesNothingAndKnownMentionsAreRecorded() throws {
        let (loop, _) = fixture.startedLoop(width: 100, height: 30)
        fixture.press(.char("N"), on: loop)
        type("Mentions\nHello @nobody-here and @user1", on: loop)
        let before = try totalLines()
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertEqual(
            loop.state.compose?.problem,
            "Unknown mention @nobody-here: nobody in this space has that handle. Fix it or remove the @ (Tab completes handles)."
        )
        XCTAssertEqual(try totalLines(), before)
        // Fix it with completion: "@us" + Tab completes to the first handle.
        for _ in 0..<"@nobody-here and @user1".count { fixture.press(.backspace, on: loop) }
        type("@use", on: loop)
        XCTAssertEqual(loop.state.compose?.completions.first?.rawValue, "user0")
        fixture.press(.tab, on: loop)
        XCTAssertEqual(loop.state.compose?.value(.body), "Hello @user0 ")
        fixture.press(.ctrl("s"), on: loop)
        guard case .thread(let id) = loop.state.route else { return XCTFail("sent") }
        let post = try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me))
        XCTAssertEqual(post.mentions.map(\.rawValue), ["user0"])
    }

    // MARK: - Comments

    func testCommentReplyAndContextualComment() throws {
        let (loop, terminal) = try loopWithOwnThread()
        guard case .thread(let id) = loop.state.route else { return XCTFail() }
        // r on the thread: a top-level comment.
        fixture.press(.char("r"), on: loop)
        XCTAssertTrue(terminal.text.contains("Comment on “Plans 日本”"), terminal.text)
        type("Top level", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        var detail = try XCTUnwrap(try fixture.store.index.thread(id, viewer: fixture.store.me))
        let top = try XCTUnwrap(detail.comments.first)
        XCTAssertEqual(top.body, "Top level")
        XCTAssertNil(top.parent)
        XCTAssertNil(top.anchor)

        // ] ] selects the second paragraph; c comments on it.
        fixture.press(.char("g"), .char("]"), .char("]"), on: loop)
        XCTAssertEqual(PostActions.selectedTarget(loop.state)?.block?.text, "Second one.")
        fixture.press(.char("c"), on: loop)
        XCTAssertTrue(terminal.text.contains("│ Second one."), "the paragraph is quoted: \(terminal.text)")
        type("About this", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        detail = try XCTUnwrap(try fixture.store.index.thread(id, viewer: fixture.store.me))
        let contextual = try XCTUnwrap(detail.comments.first { $0.body == "About this" })
        XCTAssertEqual(contextual.anchor, detail.thread.blocks[1].id)
        XCTAssertTrue(terminal.text.contains("↳ ann: About this"), "shown under its paragraph: \(terminal.text)")

        // ] onto the top-level comment; r replies to it.
        for _ in 0..<4 where PostActions.selectedTarget(loop.state)?.post.id != top.id {
            fixture.press(.char("]"), on: loop)
        }
        XCTAssertEqual(PostActions.selectedTarget(loop.state)?.post.id, top.id)
        fixture.press(.char("r"), on: loop)
        type("A reply", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        detail = try XCTUnwrap(try fixture.store.index.thread(id, viewer: fixture.store.me))
        XCTAssertEqual(detail.comments.first { $0.body == "A reply" }?.parent, top.id)

        // c on a comment explains itself and opens nothing.
        fixture.press(.char("c"), on: loop)
        XCTAssertNil(loop.state.compose)
        XCTAssertTrue(terminal.text.contains("Select a paragraph"), terminal.text)
    }

    /// The reducer alone: what a tick and Ctrl-S ask the loop to do.
    func testReducerAsksForADraftSaveOnATickAndExactlyOneWriteOnSend() throws {
        let (loop, _) = try loopWithOwnThread()
        guard case .thread(let id) = loop.state.route, let board = loop.state.thread?.detail?.board.slug else {
            return XCTFail("a thread is open")
        }
        var state = loop.state
        XCTAssertFalse(state.members.members.isEmpty, "members were loaded for mentions")
        XCTAssertEqual(reduce(&state, .input(.key(.char("r")))), [.loadDraft("comment:\(id)")])
        for character in "Hi @user0" {
            _ = reduce(&state, .input(.key(.char(character))))
        }
        XCTAssertEqual(
            reduce(&state, .input(.tick)), [.saveDraft(key: "comment:\(id)", title: "", body: "Hi @user0"), .poll])
        XCTAssertEqual(reduce(&state, .input(.tick)), [.poll], "nothing new to save")
        let user0 = try Handle("user0")
        XCTAssertEqual(
            reduce(&state, .input(.key(.ctrl("s")))),
            [.write(.commentCreated(CommentCreated(thread: id, body: "Hi @user0", mentions: [user0])), board: board,
                    draftKey: "comment:\(id)")])
        XCTAssertEqual(reduce(&state, .input(.key(.ctrl("s")))), [], "one write at a time")
        XCTAssertNotNil(state.compose, "the composer stays until the write is done")
        _ = reduce(&state, .writeFailed("Not sent: the disk is full"))
        XCTAssertEqual(state.compose?.problem, "Not sent: the disk is full", "a failed write keeps the text")
        XCTAssertEqual(state.compose?.value(.body), "Hi @user0")
    }

    // MARK: - Reactions, edits, deletes

    func testReactPicksAndTogglesAndAcceptsFreeEntry() throws {
        let (loop, terminal) = try loopWithOwnThread()
        guard case .thread(let id) = loop.state.route else { return XCTFail() }
        fixture.press(.char("+"), on: loop)
        XCTAssertTrue(terminal.text.contains("[👍]"), terminal.text)
        fixture.press(.right, .enter, on: loop)
        var post = try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me))
        XCTAssertEqual(post.reactions.map(\.emoji), ["❤️"])
        fixture.press(.char("+"), on: loop)
        type("ship", on: loop)
        fixture.press(.enter, on: loop)
        post = try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me))
        XCTAssertEqual(Set(post.reactions.map(\.emoji)), ["❤️", "ship"])
        fixture.press(.char("+"), .right, .enter, on: loop)
        post = try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me))
        XCTAssertEqual(post.reactions.map(\.emoji), ["ship"], "picking yours again removes it")
    }

    func testEditOwnPostKeepsHistoryAndDeleteAsksFirst() throws {
        let (loop, terminal) = try loopWithOwnThread()
        guard case .thread(let id) = loop.state.route else { return XCTFail() }
        fixture.press(.char("e"), on: loop)
        XCTAssertEqual(loop.state.compose?.value(.title), "Plans 日本")
        XCTAssertFalse(try XCTUnwrap(loop.state.compose).hasText, "nothing changed yet")
        fixture.press(.tab, on: loop)
        type(" (edited)", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertNil(loop.state.compose, "\(String(describing: loop.state.compose?.problem)) \(terminal.text)")
        let post = try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me))
        XCTAssertEqual(post.blocks.map(\.text), ["First **paragraph**.", "Second one. (edited)"])
        XCTAssertNotNil(post.editedAt)
        fixture.press(.char("H"), on: loop)
        XCTAssertTrue(terminal.text.contains("1 earlier version"), terminal.text)
        fixture.press(.escape, on: loop)

        fixture.press(.char("D"), on: loop)
        XCTAssertTrue(terminal.text.contains("Delete this thread?"), terminal.text)
        fixture.press(.char("n"), on: loop)
        XCTAssertFalse(try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me)).redacted)
        fixture.press(.char("D"), .char("y"), on: loop)
        XCTAssertTrue(try XCTUnwrap(try fixture.store.index.post(id, viewer: fixture.store.me)).redacted)
    }

    func testEditingSomeoneElsesPostSaysSoAndOpensNothing() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        fixture.press(.enter, .enter, on: loop)
        guard case .thread = loop.state.route else { return XCTFail("a thread is open") }
        let author = try XCTUnwrap(loop.state.thread?.detail?.thread.author)
        fixture.press(.char("e"), on: loop)
        XCTAssertNil(loop.state.compose)
        XCTAssertTrue(terminal.text.contains("You can only edit your own posts: this one is by \(author)."), terminal.text)
        fixture.press(.char("D"), on: loop)
        XCTAssertNil(loop.state.dialog)
        XCTAssertTrue(terminal.text.contains("You can only delete your own posts"), terminal.text)
    }

    // MARK: - Status updates

    func testStatusUpdateFromAnywhereAndTheStatusScreen() throws {
        let (loop, terminal) = fixture.startedLoop(width: 100, height: 30)
        fixture.press(.char("s"), on: loop)
        XCTAssertTrue(terminal.text.contains("Status update"), terminal.text)
        XCTAssertEqual(loop.state.compose?.focusedField?.id, .body, "the text has the focus first")
        fixture.press(.backTab, .backTab, .right, on: loop)  // on track → at risk
        fixture.press(.tab, .right, on: loop)  // no board → the first board
        fixture.press(.tab, on: loop)
        type("Waiting on review", on: loop)
        fixture.press(.ctrl("s"), on: loop)
        let updates = try fixture.store.index.statuses(StatusFilter(author: fixture.store.me))
        XCTAssertEqual(updates.count, 1)
        XCTAssertEqual(updates.first?.kind, .atRisk)
        XCTAssertEqual(updates.first?.text, "Waiting on review")
        XCTAssertNotNil(updates.first?.board)

        // The Status screen lists it; the filter narrows by kind.
        let statusRow = try XCTUnwrap(loop.state.sidebarItems.firstIndex(of: .status))
        fixture.press(.tab, on: loop)
        for _ in 0..<statusRow { fixture.press(.char("j"), on: loop) }
        fixture.press(.enter, on: loop)
        XCTAssertEqual(loop.state.route, .status)
        XCTAssertTrue(terminal.text.contains("Waiting on review"), terminal.text)
        fixture.press(.char("F"), .tab, .tab, on: loop)
        fixture.press(.right, .right, .right, on: loop)  // any kind → blocked
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertEqual(loop.state.statusFeed.filter.kind, .blocked)
        XCTAssertFalse(terminal.text.contains("Waiting on review"), terminal.text)

        // Members shows the latest status.
        let membersRow = try XCTUnwrap(loop.state.sidebarItems.firstIndex(of: .members))
        fixture.press(.tab, on: loop)
        for _ in statusRow..<membersRow { fixture.press(.char("j"), on: loop) }
        fixture.press(.enter, on: loop)
        XCTAssertEqual(loop.state.route, .members)
        XCTAssertEqual(loop.state.members.latestStatus[fixture.store.me]?.text, "Waiting on review")
    }

    // MARK: - Drafts, quitting, preview

    func testDraftIsSavedOnTickAndOfferedWhenTheComposerOpensAgain() throws {
        let (loop, terminal) = fixture.startedLoop()
        fixture.press(.char("N"), on: loop)
        type("Half written\nstill thinking", on: loop)
        loop.handle(.tick)
        XCTAssertEqual(try fixture.store.index.draft("thread")?.body, "still thinking")
        XCTAssertTrue(terminal.text.contains("draft saved"), terminal.text)
        fixture.press(.escape, on: loop)
        XCTAssertTrue(terminal.text.contains("Close the composer?"), terminal.text)
        fixture.press(.char("y"), on: loop)
        XCTAssertNil(loop.state.compose)

        fixture.press(.char("N"), on: loop)
        XCTAssertTrue(terminal.text.contains("Restore your draft?"), terminal.text)
        fixture.press(.char("y"), on: loop)
        XCTAssertEqual(loop.state.compose?.value(.title), "Half written")
        XCTAssertEqual(loop.state.compose?.value(.body), "still thinking")
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertNil(try fixture.store.index.draft("thread"), "sending deletes the draft")
    }

    func testQuittingWithUnsentTextAsksAndSavesTheDraft() throws {
        let (loop, terminal) = fixture.startedLoop()
        fixture.press(.char("N"), on: loop)
        type("Unsent", on: loop)
        fixture.press(.ctrl("c"), on: loop)
        XCTAssertFalse(loop.isFinished)
        XCTAssertTrue(terminal.text.contains("Quit Weft?"), terminal.text)
        fixture.press(.char("n"), on: loop)
        XCTAssertNotNil(loop.state.compose)
        fixture.press(.ctrl("c"), .char("y"), on: loop)
        XCTAssertTrue(loop.isFinished)
        XCTAssertEqual(try fixture.store.index.draft("thread")?.title, "Unsent")
    }

    func testTerminateSavesTheDraftWithoutAsking() throws {
        let (loop, _) = fixture.startedLoop()
        fixture.press(.char("s"), on: loop)
        type("Signal", on: loop)
        loop.handle(.terminate)
        XCTAssertTrue(loop.isFinished)
        XCTAssertEqual(try fixture.store.index.draft("status")?.body, "Signal")
    }

    func testScreensOfWritingAt80x24() throws {
        let (loop, terminal) = try loopWithOwnThread()
        loop.handle(.resize(width: 80, height: 24))
        fixture.press(.char("]"), .char("]"), .char("c"), on: loop)
        type("On the second *paragraph*, @us", on: loop)
        Snapshot.assert(terminal.screen, named: "compose-contextual-80x24")
        fixture.press(.tab, .ctrl("s"), on: loop)
        Snapshot.assert(terminal.screen, named: "thread-with-contextual-80x24")
        fixture.press(.char("+"), on: loop)
        Snapshot.assert(terminal.screen, named: "react-picker-80x24")
        fixture.press(.escape, .char("s"), on: loop)
        type("Shipping on Friday", on: loop)
        Snapshot.assert(terminal.screen, named: "compose-status-80x24")
        fixture.press(.ctrl("s"), .tab, .char("g"), .char("j"), .char("j"), .enter, on: loop)
        Snapshot.assert(terminal.screen, named: "status-80x24")
    }

    func testBracketedPasteGoesIntoTheFocusedFieldAsOneUndoStep() throws {
        let (loop, terminal) = fixture.startedLoop()
        loop.handle(.paste("ignored"))
        XCTAssertTrue(terminal.text.contains("Pasting works in a composer"), terminal.text)
        fixture.press(.char("N"), on: loop)
        loop.handle(.paste("two\nlines"))
        XCTAssertEqual(loop.state.compose?.value(.title), "two lines", "one line in a title")
        XCTAssertEqual(loop.state.compose?.focusedField?.id, .title, "a pasted line break does not move on")
        fixture.press(.tab, on: loop)
        loop.handle(.paste("kept\nbreaks"))
        XCTAssertEqual(loop.state.compose?.value(.body), "kept\nbreaks")
        fixture.press(.ctrl("z"), on: loop)
        XCTAssertEqual(loop.state.compose?.value(.body), "")
    }

    func testTinyTerminalsDrawTheComposerAndDialogsWithoutTrouble() throws {
        let (loop, terminal) = try loopWithOwnThread()
        fixture.press(.char("r"), on: loop)
        type("Some words\nand lines", on: loop)
        for (width, height) in [(1, 1), (5, 3), (12, 5), (30, 8), (80, 24)] {
            loop.handle(.resize(width: width, height: height))
            XCTAssertEqual(terminal.screen.count, height)
        }
        fixture.press(.escape, on: loop)
        loop.handle(.resize(width: 8, height: 4))
        fixture.press(.char("n"), .escape, .char("y"), .char("+"), on: loop)
        loop.handle(.resize(width: 3, height: 3))
        fixture.press(.escape, .char("H"), on: loop)
        loop.handle(.resize(width: 100, height: 30))
        XCTAssertTrue(terminal.text.contains("Never edited"), terminal.text)
    }

    func testPreviewShowsThePostAsTheThreadWill() throws {
        let (loop, terminal) = fixture.startedLoop()
        fixture.press(.char("N"), on: loop)
        type("Preview\n", on: loop)
        loop.dispatchTyped("Some *emphasis* and `code`\n\n- one\n- two\n> quoted")
        fixture.press(.ctrl("p"), on: loop)
        Snapshot.assert(terminal.screen, named: "compose-preview-80x24")
        let lines = PostText.lines("- one\n- two\n> quoted", width: 40)
        XCTAssertEqual(lines.map { $0.spans.map(\.text).joined() }, ["• one", "• two", "│ quoted"])
        let previewed = bodyLines(terminal.screen, from: "Some emphasis and code", count: 5, dropping: "│ ")
        fixture.press(.ctrl("p"), on: loop)
        Snapshot.assert(terminal.screen, named: "compose-thread-80x24")
        fixture.press(.ctrl("s"), on: loop)
        XCTAssertEqual(loop.state.notice?.text, "Thread posted.")
        XCTAssertEqual(
            bodyLines(terminal.screen, from: "Some emphasis and code", count: 5, dropping: ""), previewed,
            "the thread shows the text exactly as the preview did")
        XCTAssertEqual(previewed, ["Some emphasis and code", "", "• one", "• two", "│ quoted"])
    }

    /// `count` screen lines from the one containing `first`, without the
    /// box border `prefix` and the outer spaces.
    private func bodyLines(_ screen: [String], from first: String, count: Int, dropping prefix: String) -> [String] {
        guard let start = screen.firstIndex(where: { $0.contains(first) }) else { return [] }
        return screen[start..<min(screen.count, start + count)].map { line in
            var text = Substring(line)
            if !prefix.isEmpty, text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
            if text.hasSuffix("│") { text = text.dropLast() }
            return text.trimmingCharacters(in: .whitespaces)
        }
    }
}

extension AppLoop {
    /// Text arriving at once (a paste), as the loop dispatches a burst.
    func dispatchTyped(_ text: String) {
        handleTyped(text)
    }
}

/// A clock one second further on every time it is read.
final class TickingClock: WeftCore.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    init(start: Timestamp) {
        current = start
    }

    func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        current = Timestamp(milliseconds: current.milliseconds + 1_000)
        return current
    }
}
