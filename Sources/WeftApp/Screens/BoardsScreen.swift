import TerminalUI
import WeftCore
import WeftStore

/// What the Boards screen keeps: every board (a space has tens of them, not
/// thousands) and, once counted, the unread posts of each.
public struct BoardsState: Equatable, Sendable {
    public internal(set) var rows: [BoardActivity] = []
    /// Unread posts per board; nil until the first count arrives (boards
    /// with nothing unread are absent).
    public internal(set) var unread: [BoardSlug: Int]?
    public internal(set) var list = ListView()
    /// Boards the viewer starred (private state).
    public internal(set) var starred: Set<BoardSlug> = []
    /// Saved filter and sort per board, where not the default.
    public internal(set) var views: [BoardSlug: ThreadListOptions] = [:]

    /// The unread count of `slug`: nil while not counted yet.
    func unreadCount(_ slug: BoardSlug) -> Int? {
        unread.map { $0[slug] ?? 0 }
    }

    func row(_ slug: BoardSlug) -> BoardActivity? {
        rows.first { $0.board.slug == slug }
    }

    /// Lowers a board's unread count after the viewer read `posts` of it.
    mutating func markRead(posts: Int, in slug: BoardSlug) {
        guard posts > 0, let count = unread?[slug] else { return }
        unread?[slug] = max(0, count - posts)
    }
}

/// The Boards screen, the home screen: each board with its unread count,
/// thread count, last activity (in the viewer's time) and visibility.
enum BoardsScreen {
    static func height(_ state: State) -> Int {
        state.layout.mainList.height
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.boards.list.apply(command, height: height(state)) {
            return []
        }
        switch command {
        case .open:
            guard let index = state.boards.list.selectedIndex, index < state.boards.rows.count else { return [] }
            return Navigation.openBoard(state.boards.rows[index].board.slug, &state)
        case .back:
            return Navigation.back(key: key, &state)
        case .toggleStar:
            guard let index = state.boards.list.selectedIndex, index < state.boards.rows.count else { return [] }
            return Reading.star(state.boards.rows[index].board.slug, &state)
        default:
            return []
        }
    }

    /// New board rows (starred boards first): the selection stays on the same board.
    @discardableResult
    static func loaded(_ rows: [BoardActivity], _ state: inout State) -> [Effect] {
        let selected = state.boards.list.selectedIndex.flatMap { index in
            index < state.boards.rows.count ? state.boards.rows[index].board.slug : nil
        }
        let starred = state.boards.starred
        state.boards.rows = rows.filter { starred.contains($0.board.slug) } + rows.filter { !starred.contains($0.board.slug) }
        state.boards.list.setRowCount(rows.count, height: height(state))
        if let selected, let index = state.boards.rows.firstIndex(where: { $0.board.slug == selected }) {
            state.boards.list.select(index, height: height(state))
        }
        Sidebar.sync(&state, selectCurrent: state.focus != .sidebar)
        return []
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard let index = state.boards.list.index(atY: y, in: state.layout.mainList) else { return [] }
        if index == state.boards.list.selectedIndex {
            return handle(.open, key: .enter, &state)
        }
        state.boards.list.select(index, height: height(state))
        return []
    }

    static func scroll(by delta: Int, _ state: inout State) {
        state.boards.list.scroll(by: delta, height: height(state))
    }

    // MARK: - Rendering

    private struct Columns {
        var slug: Int
        var title: Int
        var showThreads: Bool
        var showLast: Bool
        var showVisibility: Bool

        static let marker = 2, unread = 6, threads = 7, last = 10, visibility = 10

        init(width: Int, rows: [BoardActivity]) {
            let longest = rows.map { DisplayWidth.of($0.board.slug.rawValue) }.max() ?? 5
            slug = min(16, max(5, longest))
            let plan = ColumnPlan(
                total: width, fixed: Columns.marker + slug + 1 + 1 + Columns.unread,
                optional: [Columns.threads + 1, Columns.last + 2, Columns.visibility + 2], minimumFlexible: 16)
            title = plan.flexible
            showThreads = plan.shown[0]
            showLast = plan.shown[1]
            showVisibility = plan.shown[2]
        }
    }

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (header, listRect) = rect.splitTop(1)
        let rows = state.boards.rows
        let columns = Columns(width: rect.width, rows: rows)
        drawHeader(columns, in: header, into: &grid)
        guard !rows.isEmpty else {
            grid.fill(listRect)
            grid.put("No boards yet. Create one with: weft board create SLUG --title TITLE",
                     x: listRect.x + 2, y: listRect.y, style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        state.boards.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < rows.count else { return }
            drawRow(rows[row.index], unread: state.boards.unreadCount(rows[row.index].board.slug),
                    columns: columns, clock: state.clock, in: row.rect, into: &grid)
        }
    }

    private static func drawHeader(_ columns: Columns, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let dim = Style(.dim)
        var writer = RowWriter(in: rect)
        writer.gap(Columns.marker)
        writer.cell("Board", width: columns.slug, style: dim, into: &grid)
        writer.gap()
        writer.cell("Title", width: columns.title, style: dim, into: &grid)
        writer.gap()
        writer.cell("Unread", width: Columns.unread, style: dim, alignment: .trailing, into: &grid)
        if columns.showThreads {
            writer.gap()
            writer.cell("Threads", width: Columns.threads, style: dim, alignment: .trailing, into: &grid)
        }
        if columns.showLast {
            writer.gap(2)
            writer.cell("Last post", width: Columns.last, style: dim, into: &grid)
        }
        if columns.showVisibility {
            writer.gap(2)
            writer.cell("Visibility", width: Columns.visibility, style: dim, into: &grid)
        }
    }

    private static func drawRow(
        _ row: BoardActivity, unread: Int?, columns: Columns, clock: ViewerClock, in rect: Rect,
        into grid: inout CellGrid
    ) {
        let hasUnread = (unread ?? 0) > 0
        var writer = RowWriter(in: rect)
        writer.cell(hasUnread ? "●" : "", width: Columns.marker, style: Style(.unread), into: &grid)
        writer.cell(row.board.slug.rawValue, width: columns.slug, style: Style(.accent, hasUnread ? [.bold] : []),
                    into: &grid)
        writer.gap()
        writer.cell(row.board.title, width: columns.title, style: Style(.normal, hasUnread ? [.bold] : []), into: &grid)
        writer.gap()
        let unreadText = unread.map { $0 > 0 ? String($0) : "" } ?? "…"
        writer.cell(unreadText, width: Columns.unread, style: Style(unread == nil ? .dim : .unread),
                    alignment: .trailing, into: &grid)
        if columns.showThreads {
            writer.gap()
            writer.cell(String(row.threads), width: Columns.threads, style: Style(.dim), alignment: .trailing,
                        into: &grid)
        }
        if columns.showLast {
            writer.gap(2)
            writer.cell(row.lastActivity.map(clock.brief) ?? "—", width: Columns.last, style: Style(.dim), into: &grid)
        }
        if columns.showVisibility {
            writer.gap(2)
            let isPrivate = row.board.visibility == .private
            writer.cell(isPrivate ? "private" : "public", width: Columns.visibility,
                        style: Style(isPrivate ? .warning : .dim), into: &grid)
        }
    }

    /// "3/20" for the status line.
    static func position(_ state: State) -> String {
        guard let index = state.boards.list.selectedIndex else { return "" }
        return "\(index + 1)/\(state.boards.rows.count)"
    }
}
