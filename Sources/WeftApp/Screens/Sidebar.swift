import TerminalUI
import WeftCore

/// An entry of the sidebar: a screen, or a board.
enum SidebarItem: Hashable, Sendable {
    case boards, members
    case status
    case inbox, followUps, settings
    case board(BoardSlug)
    case digest, decisions
}

/// The sidebar: the screens that work (Boards, Members) and then every board
/// with its unread count. `Tab` gives it the focus; `Enter` opens the
/// selected item and gives the focus back to the main pane.
enum Sidebar {
    /// The item of the screen in the main pane.
    static func currentItem(_ state: State) -> SidebarItem {
        switch state.route {
        case .boards: .boards
        case .members: .members
        case .status: .status
        case .board(let slug): .board(slug)
        case .digest: .digest
        case .decisions: .decisions
        case .thread:
            state.stack.contains(.digest) ? .digest : state.stack.contains(.decisions) ? .decisions
                : state.board.map { .board($0.slug) } ?? .boards
        case .search: .boards
        case .inbox: .inbox
        case .followUps: .followUps
        case .settings: .settings
        }
    }

    static func height(_ state: State) -> Int {
        state.layout.sidebar?.height ?? state.layout.body.height
    }

    /// Moves the selection onto the current screen's item (when the sidebar
    /// takes the focus) and keeps the row count in step with the boards.
    static func sync(_ state: inout State, selectCurrent: Bool) {
        let items = state.sidebarItems
        state.sidebar.setRowCount(items.count, height: height(state))
        if selectCurrent, let index = items.firstIndex(of: currentItem(state)) {
            state.sidebar.select(index, height: height(state))
        }
    }

    static func handle(_ command: Command, _ state: inout State) -> [Effect] {
        if state.sidebar.apply(command, height: height(state)) {
            return []
        }
        switch command {
        case .open:
            return openSelected(&state)
        case .back:
            state.focus = .main
            return []
        case .toggleStar:
            let items = state.sidebarItems
            guard let index = state.sidebar.selectedIndex, index < items.count, case .board(let slug) = items[index] else {
                return []
            }
            let effects = Reading.star(slug, &state)
            if let moved = state.sidebarItems.firstIndex(of: .board(slug)) {
                state.sidebar.select(moved, height: height(state))
            }
            return effects
        default:
            return []
        }
    }

    private static func openSelected(_ state: inout State) -> [Effect] {
        let items = state.sidebarItems
        guard let index = state.sidebar.selectedIndex, index < items.count else { return [] }
        state.focus = .main
        return Navigation.open(items[index], &state)
    }

    /// A click on row `y` of the screen: selects and opens the item there.
    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard let rect = state.layout.sidebar, let index = state.sidebar.index(atY: y, in: rect) else { return [] }
        state.sidebar.select(index, height: rect.height)
        return openSelected(&state)
    }

    static func scroll(by delta: Int, _ state: inout State) {
        state.sidebar.scroll(by: delta, height: height(state))
    }

    // MARK: - Rendering

    static func render(_ state: State, layout: Layout, into grid: inout CellGrid) {
        guard let rect = layout.sidebar, let borderX = layout.sidebarBorderX else { return }
        let focused = state.focus == .sidebar
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width + 1, height: rect.height))
        for row in rect.y..<rect.maxY {
            grid.put("│", x: borderX, y: row, style: Style(focused ? .accent : .dim))
        }
        let items = state.sidebarItems
        let current = currentItem(state)
        var list = state.sidebar
        list.setRowCount(items.count, height: rect.height)
        for (screenRow, index) in list.visibleRows(height: rect.height).enumerated() {
            let item = items[index]
            let rowRect = rect.row(screenRow)
            let isCurrent = item == current
            drawItem(item, state: state, isCurrent: isCurrent, in: rowRect, into: &grid)
            if focused, index == list.selection {
                grid.restyle(rowRect) { $0.with(role: .selection) }
            }
        }
    }

    private static func drawItem(_ item: SidebarItem, state: State, isCurrent: Bool, in rect: Rect, into grid: inout CellGrid) {
        var label: String
        var count: Int?
        switch item {
        case .boards:
            label = "Boards"
            count = state.totalUnread
        case .members:
            label = "Members"
        case .status:
            label = "Status"
        case .digest:
            label = "Digest"
        case .decisions:
            label = "Decisions"
        case .inbox:
            label = "Inbox"
            count = state.inbox.count
        case .followUps:
            label = "Follow-ups"
            count = state.followUps.openForViewer(state.viewer)
        case .settings:
            label = "Settings"
        case .board(let slug):
            label = (state.boards.starred.contains(slug) ? "  ★ " : "  # ") + slug.rawValue
            count = state.boards.unread?[slug]
        }
        var writer = RowWriter(in: rect)
        writer.cell(isCurrent ? "›" : " ", width: 1, style: Style(.accent, [.bold]), into: &grid)
        let countText = count.map { $0 > 0 ? String($0) : "" } ?? ""
        let countWidth = min(6, DisplayWidth.of(countText))
        let labelWidth = max(0, writer.remaining - countWidth - (countWidth > 0 ? 1 : 0))
        let style = isCurrent ? Style(.accent, [.bold]) : Style(.normal, (count ?? 0) > 0 ? [.bold] : [])
        writer.cell(label, width: labelWidth, style: style, into: &grid)
        if countWidth > 0 {
            writer.gap()
            writer.cell(countText, width: countWidth, style: Style(.unread), alignment: .trailing, into: &grid)
        }
    }
}
