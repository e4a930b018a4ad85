import TerminalUI
import WeftCore
import WeftStore

/// The loaded rows of a board's thread list: a window of consecutive rows
/// around what is visible, never the whole board.
public struct ThreadWindow: Equatable, Sendable {
    /// The list row of `rows[0]`.
    public internal(set) var offset = 0
    public internal(set) var rows: [ThreadSummary] = []

    /// The thread at list row `index`, when loaded.
    public func row(_ index: Int) -> ThreadSummary? {
        let local = index - offset
        return local >= 0 && local < rows.count ? rows[local] : nil
    }

    /// Whether every row of `range` is loaded.
    func covers(_ range: Range<Int>) -> Bool {
        range.isEmpty || (range.lowerBound >= offset && range.upperBound <= offset + rows.count)
    }

    /// Marks thread `id` read in the loaded rows.
    mutating func markRead(_ id: EventID) {
        if let index = rows.firstIndex(where: { $0.id == id }) {
            rows[index].unread = 0
        }
    }
}

/// What the Board screen keeps: the list's geometry over all of the board's
/// threads (only numbers) and the window of loaded rows.
public struct BoardState: Equatable, Sendable {
    public let slug: BoardSlug
    public internal(set) var list: ListView
    public internal(set) var window = ThreadWindow()
    /// The filter and sort of the list (saved per board in private state).
    public internal(set) var options: ThreadListOptions

    init(slug: BoardSlug, total: Int, options: ThreadListOptions = .default) {
        self.slug = slug
        self.list = ListView(rowCount: total)
        self.options = options
    }

    /// The selected thread, when its row is loaded.
    public var selected: ThreadSummary? {
        list.selectedIndex.flatMap(window.row)
    }
}

/// The Board screen: a board's threads by last activity, with unread marker,
/// decided mark, reply count, author and time. Rows are loaded a page at a
/// time around the selection (`Effect.loadThreadPage`), so a board of 100,000
/// threads costs what a board of 100 costs.
enum BoardScreen {
    /// Rows loaded per page (at least three screens).
    static let pageSize = 120

    static func height(_ state: State) -> Int {
        state.layout.mainList.height
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        guard var board = state.board else { return [] }
        if board.list.apply(command, height: height(state)) {
            state.board = board
            return ensureWindow(&state)
        }
        switch command {
        case .open:
            guard let index = board.list.selectedIndex, let thread = board.window.row(index) else { return [] }
            return Navigation.openThread(thread, position: index, &state)
        case .back:
            return Navigation.back(key: key, &state)
        case .newCheckin:
            return CheckinFormScreen.open(&state)
        case .nextUnread, .previousUnread:
            let direction: ListDirection = command == .nextUnread ? .down : .up
            let anchor = board.selected.map(ThreadAnchor.init)
            return [.findUnreadThread(board.slug, from: anchor, direction: direction, including: true, options: board.options)]
        default:
            return Reading.boardCommand(command, &state)
        }
    }

    /// The page load needed to show the visible rows, if any.
    static func ensureWindow(_ state: inout State) -> [Effect] {
        guard let board = state.board else { return [] }
        let rows = height(state)
        let visible = board.list.visibleRows(height: rows)
        guard !board.window.covers(visible) else { return [] }
        let limit = max(pageSize, 3 * rows)
        let centered = visible.lowerBound + visible.count / 2 - limit / 2
        let offset = max(0, min(centered, board.list.rowCount - limit))
        let page = ThreadPage(
            board: board.slug, offset: offset, limit: limit, total: board.list.rowCount, window: board.window,
            options: board.options)
        return [.loadThreadPage(page)]
    }

    static func pageLoaded(_ slug: BoardSlug, offset: Int, rows: [ThreadSummary], _ state: inout State) -> [Effect] {
        guard var board = state.board, board.slug == slug else { return [] }
        board.window = ThreadWindow(offset: offset, rows: rows)
        if rows.isEmpty, offset > 0, offset >= board.list.rowCount {
            // The board shrank under us: count again.
            state.board = board
            return [.refreshBoard(slug, options: board.options, keeping: nil)]
        }
        state.board = board
        if var thread = state.thread, let row = rows.first(where: { $0.id == thread.id }) {
            thread.anchor = ThreadAnchor(row)
            state.thread = thread
        }
        return []
    }

    /// The board was counted again: keep the selection on the same thread
    /// and reload the window.
    static func refreshed(_ slug: BoardSlug, total: Int, position: Int?, _ state: inout State) -> [Effect] {
        guard var board = state.board, board.slug == slug else { return [] }
        let rows = height(state)
        board.list.setRowCount(total, height: rows)
        if let position {
            board.list.select(position, height: rows)
        }
        board.window = ThreadWindow()
        state.board = board
        return ensureWindow(&state)
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard var board = state.board, let index = board.list.index(atY: y, in: state.layout.mainList) else {
            return []
        }
        if index == board.list.selectedIndex {
            return handle(.open, key: .enter, &state)
        }
        board.list.select(index, height: height(state))
        state.board = board
        return ensureWindow(&state)
    }

    static func scroll(by delta: Int, _ state: inout State) -> [Effect] {
        let rows = height(state)
        state.board?.list.scroll(by: delta, height: rows)
        return ensureWindow(&state)
    }

    // MARK: - Rendering

    private struct Columns {
        var title: Int
        var showReplies: Bool
        var showLast: Bool
        var showAuthor: Bool

        static let marker = 2, decided = 2, replies = 7, author = 12, last = 10

        init(width: Int) {
            let plan = ColumnPlan(
                total: width, fixed: Columns.marker + Columns.decided,
                optional: [Columns.replies + 1, Columns.last + 2, Columns.author + 2], minimumFlexible: 16)
            title = plan.flexible
            showReplies = plan.shown[0]
            showLast = plan.shown[1]
            showAuthor = plan.shown[2]
        }
    }

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        guard let board = state.board else { return }
        let (header, listRect) = rect.splitTop(1)
        let columns = Columns(width: rect.width)
        drawHeader(columns, in: header, into: &grid)
        guard board.list.rowCount > 0 else {
            grid.fill(listRect)
            let empty = board.options.filters.isEmpty
                ? "No threads in this board yet." : "No threads match the filter (\(board.options.summary))."
            grid.put(empty, x: listRect.x + 2, y: listRect.y, style: Style(.dim),
                     maxWidth: listRect.width - 2)
            return
        }
        board.list.render(into: &grid, in: listRect) { row, grid in
            guard let thread = board.window.row(row.index) else {
                grid.put("  …", x: row.rect.x, y: row.rect.y, style: Style(.dim), maxWidth: row.rect.width)
                return
            }
            drawRow(thread, columns: columns, clock: state.clock, in: row.rect, into: &grid)
        }
    }

    private static func drawHeader(_ columns: Columns, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let dim = Style(.dim)
        var writer = RowWriter(in: rect)
        writer.gap(Columns.marker + Columns.decided)
        writer.cell("Thread", width: columns.title, style: dim, into: &grid)
        if columns.showReplies {
            writer.gap()
            writer.cell("Replies", width: Columns.replies, style: dim, alignment: .trailing, into: &grid)
        }
        if columns.showLast {
            writer.gap(2)
            writer.cell("Last post", width: Columns.last, style: dim, into: &grid)
        }
        if columns.showAuthor {
            writer.gap(2)
            writer.cell("Author", width: Columns.author, style: dim, into: &grid)
        }
    }

    private static func drawRow(
        _ thread: ThreadSummary, columns: Columns, clock: ViewerClock, in rect: Rect, into grid: inout CellGrid
    ) {
        let hasUnread = thread.unread > 0
        var writer = RowWriter(in: rect)
        writer.cell(hasUnread ? "●" : "", width: Columns.marker, style: Style(.unread), into: &grid)
        writer.cell(thread.pinned ? "📌" : thread.decided ? "✓" : "", width: Columns.decided, style: Style(.accent, [.bold]),
                    into: &grid)
        if thread.redacted {
            writer.cell("[deleted]", width: columns.title, style: Style(.dim), into: &grid)
        } else {
            writer.cell(thread.title, width: columns.title, style: Style(hasUnread ? .unread : .normal), into: &grid)
        }
        if columns.showReplies {
            writer.gap()
            writer.cell(String(thread.replies), width: Columns.replies, style: Style(.dim), alignment: .trailing,
                        into: &grid)
        }
        if columns.showLast {
            writer.gap(2)
            writer.cell(clock.brief(thread.lastActivity), width: Columns.last, style: Style(.dim), into: &grid)
        }
        if columns.showAuthor {
            writer.gap(2)
            writer.cell(thread.author.rawValue, width: Columns.author, style: Style(.accent), into: &grid)
        }
    }

    /// "12/464" for the status line.
    static func position(_ state: State) -> String {
        guard let board = state.board, let index = board.list.selectedIndex else { return "" }
        return "\(index + 1)/\(board.list.rowCount)"
    }
}
