import TerminalUI
import WeftCore
import WeftStore

/// What the Thread screen keeps: the thread, its lines for the current
/// width, and how far it is scrolled.
public struct ThreadState: Equatable, Sendable {
    public let id: EventID
    /// Where the thread sits in its board's list, for `n`/`p`.
    public internal(set) var anchor: ThreadAnchor?
    public internal(set) var detail: ThreadDetail?
    public internal(set) var isMissing = false
    /// The first line shown.
    public internal(set) var scroll = 0
    /// The post (and paragraph) chosen with `[`/`]`, if any; kept by
    /// identity so it survives reloads that add comments above it.
    var selection: ThreadDocument.Target.Key?
    /// Whether the read marker was already saved for what is loaded.
    var isSavedRead = false
    var document: ThreadDocument?
    /// Search matches to highlight (a thread opened from search); `n`/`N`
    /// then go from match to match.
    var highlight: SearchHighlighter?
    /// The post to show first when the thread loads (the search result).
    var focusPost: EventID?
    /// The match `n`/`N` went to last, as an index into the document's match lines.
    var currentMatch: Int?
    /// Folded reply trees and expanded long comments (see `ThreadReading`).
    var folds = FoldState()
    /// Comments marked unread with `u`: leaving keeps them unread.
    var keptUnread: Set<EventID> = []
    /// Whether the first load already went to the first unread post.
    var isPositioned = false

    init(id: EventID, anchor: ThreadAnchor?) {
        self.id = id
        self.anchor = anchor
    }
}

/// The Thread screen: title and decision pinned at the top, then the body
/// blocks, reactions and the comments as a threaded tree, scrolled by lines.
/// Leaving it saves the read marker (see `Navigation.leaveThread`).
enum ThreadScreen {
    /// The lines of the text below the pinned header.
    static func viewport(_ state: State) -> Rect {
        let main = state.layout.main
        let pinned = (state.thread?.document?.header.count ?? 1) + 1
        return main.splitTop(pinned).rest
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        guard let thread = state.thread else {
            return command == .back ? Navigation.back(key: key, &state) : []
        }
        let page = max(1, viewport(state).height - 1)
        switch command {
        case .moveDown: scroll(by: 1, &state)
        case .moveUp: scroll(by: -1, &state)
        case .pageDown: scroll(by: page, &state)
        case .pageUp: scroll(by: -page, &state)
        case .top: scroll(by: -thread.scroll, &state)
        case .bottom: scroll(by: Int.max / 2, &state)
        case .back:
            return Navigation.back(key: key, &state)
        case .foldReplies, .foldAll, .expandComment:
            ThreadReading.fold(command, &state)
        case .decide:
            return DecisionFormScreen.open(&state)
        case .reopen:
            return DecisionFormScreen.reopen(&state)
        case .nextUnread where thread.highlight != nil:
            ThreadMatches.step(1, &state)
        case .previousMatch:
            ThreadMatches.step(-1, &state)
        case .nextUnread, .previousUnread:
            if ThreadReading.step(command == .nextUnread ? 1 : -1, &state) {
                return []
            }
            guard let slug = thread.detail?.board.slug ?? state.board?.slug else { return [] }
            let direction: ListDirection = command == .nextUnread ? .down : .up
            let anchor = thread.anchor
            var effects = Navigation.saveRead(&state)
            if anchor == nil, direction == .up {
                return effects
            }
            effects.append(.findUnreadThread(slug, from: anchor, direction: direction, including: false,
                                             options: state.board?.options ?? .default))
            return effects
        default:
            return Reading.threadCommand(command, &state)
        }
        return []
    }

    static func loaded(_ detail: ThreadDetail, _ state: inout State) -> [Effect] {
        guard var thread = state.thread, thread.id == detail.thread.id else { return [] }
        thread.detail = detail
        thread.isMissing = false
        if detail.unreadCount > 0 {
            thread.isSavedRead = false
        }
        state.thread = thread
        relayout(&state)
        ThreadReading.openAtFirstUnread(&state)
        ThreadMatches.showFocus(&state)
        return []
    }

    static func missing(_ id: EventID, _ state: inout State) -> [Effect] {
        guard state.thread?.id == id else { return [] }
        state.thread?.isMissing = true
        state.notice = Notice("This thread no longer exists.", isWarning: true)
        return []
    }

    /// Lays the thread out again for the current width, keeping the element
    /// at the top of the screen at the top.
    static func relayout(_ state: inout State) {
        guard var thread = state.thread, let detail = thread.detail else { return }
        let width = state.layout.main.width
        let oldDocument = thread.document
        let topPart = oldDocument.flatMap { document in
            thread.scroll < document.lines.count ? document.lines[thread.scroll].part : nil
        }
        let document = ThreadDocument(detail, width: width, clock: state.clock, highlight: thread.highlight, folds: thread.folds)
        thread.document = document
        state.thread = thread
        if let topPart, oldDocument?.width != width {
            thread.scroll = document.firstLine(of: topPart) ?? thread.scroll
        }
        let height = max(1, viewport(state).height)
        thread.scroll = min(max(0, thread.scroll), max(0, document.lines.count - height))
        state.thread = thread
    }

    /// Scrolls by `delta` lines (negative is up), never past either end.
    static func scroll(by delta: Int, _ state: inout State) {
        guard var thread = state.thread else { return }
        let bottom = max(0, (thread.document?.lines.count ?? 0) - max(1, viewport(state).height))
        thread.scroll = min(max(0, thread.scroll + delta), bottom)
        state.thread = thread
    }

    // MARK: - Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        guard let thread = state.thread else { return }
        guard let detail = thread.detail else {
            let text = thread.isMissing ? "This thread no longer exists." : "Loading…"
            grid.put(text, x: rect.x + 1, y: rect.y, style: Style(.dim), maxWidth: rect.width - 1)
            return
        }
        var document = thread.document
            ?? ThreadDocument(detail, width: rect.width, clock: state.clock, highlight: thread.highlight, folds: thread.folds)
        if document.width != rect.width {
            document = ThreadDocument(detail, width: rect.width, clock: state.clock, highlight: thread.highlight, folds: thread.folds)
        }
        let (top, text) = rect.splitTop(document.header.count + 1)
        for (row, line) in document.header.prefix(top.height).enumerated() {
            draw(line, y: top.y + row, in: top, into: &grid)
        }
        if top.height > document.header.count {
            let ruleY = top.maxY - 1
            grid.put(String(repeating: "─", count: max(0, rect.width)), x: rect.x, y: ruleY, style: Style(.dim))
        }
        let first = min(thread.scroll, max(0, document.lines.count - 1))
        let selected = PostActions.selectedTarget(state)?.part
        for (row, line) in document.lines.dropFirst(first).prefix(text.height).enumerated() {
            draw(line, y: text.y + row, in: text, into: &grid)
            if line.part == selected, !line.spans.isEmpty {
                grid.put("▌", x: text.x, y: text.y + row, style: Style(.accent))
            }
        }
    }

    private static func draw(_ line: ThreadDocument.Line, y: Int, in rect: Rect, into grid: inout CellGrid) {
        var x = rect.x + line.indent
        for span in line.spans {
            guard x < rect.maxX else { break }
            x += grid.put(span.text, x: x, y: y, style: span.style, maxWidth: rect.maxX - x)
        }
    }

    /// "line 12/240" for the status line.
    static func position(_ state: State) -> String {
        guard let thread = state.thread, let document = thread.document, !document.lines.isEmpty else { return "" }
        let height = max(1, viewport(state).height)
        let last = min(document.lines.count, thread.scroll + height)
        let where_ = last >= document.lines.count ? "end · \(document.lines.count) lines"
            : "line \(thread.scroll + 1)/\(document.lines.count)"
        return ThreadMatches.position(state).map { $0 + " · " + where_ } ?? where_
    }
}
