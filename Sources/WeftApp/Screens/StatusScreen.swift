import TerminalUI
import WeftCore
import WeftStore

/// What the Status screen keeps: the filter and the updates it matched.
public struct StatusFeedState: Equatable, Sendable {
    public internal(set) var filter = StatusFilter()
    public internal(set) var updates: [StatusUpdate] = []
    public internal(set) var list = ListView()
    public internal(set) var isLoaded = false
}

/// The Status screen: status updates newest first, one per row (time,
/// person, kind, board, text), filtered by person, board and kind (`F`).
enum StatusScreen {
    static func height(_ state: State) -> Int {
        state.layout.mainList.height
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.statusFeed.list.apply(command, height: height(state)) {
            return []
        }
        switch command {
        case .filterStatus:
            return openFilter(&state)
        case .back:
            return Navigation.back(key: key, &state)
        default:
            return []
        }
    }

    static func loaded(_ filter: StatusFilter, _ updates: [StatusUpdate], _ state: inout State) -> [Effect] {
        guard filter == state.statusFeed.filter else { return [] }
        let selected = state.statusFeed.list.selectedIndex.flatMap { index in
            index < state.statusFeed.updates.count ? state.statusFeed.updates[index].id : nil
        }
        state.statusFeed.updates = updates
        state.statusFeed.isLoaded = true
        state.statusFeed.list.setRowCount(updates.count, height: height(state))
        if let selected, let index = updates.firstIndex(where: { $0.id == selected }) {
            state.statusFeed.list.select(index, height: height(state))
        }
        return []
    }

    // MARK: - Filter

    static let anyone = "anyone", anyBoard = "any board", anyKind = "any kind"

    /// `F`: a small form of three choices.
    static func openFilter(_ state: inout State) -> [Effect] {
        let filter = state.statusFeed.filter
        let people = [anyone] + ComposeUpdate.knownHandles(state).map(\.rawValue)
        let boards = [anyBoard] + state.boards.rows.map(\.board.slug.rawValue)
        let kinds = [anyKind] + StatusKind.allCases.map(\.label)
        func index(_ options: [String], _ value: String?) -> Int {
            value.flatMap { options.firstIndex(of: $0) } ?? 0
        }
        var compose = ComposeState(
            purpose: .statusFilter, title: "Filter status updates",
            fields: [
                ComposeState.Field(
                    id: .person, label: "Person", content: .choice(people, selected: index(people, filter.author?.rawValue))),
                ComposeState.Field(
                    id: .board, label: "Board", content: .choice(boards, selected: index(boards, filter.board?.rawValue))),
                ComposeState.Field(
                    id: .kind, label: "Kind", content: .choice(kinds, selected: index(kinds, filter.kind?.label))),
            ],
            draftKey: nil)
        compose.focus = 0
        return ComposeUpdate.open(compose, &state)
    }

    /// Ctrl-S in the filter form.
    static func applyFilter(_ state: inout State) -> [Effect] {
        guard let compose = state.compose else { return [] }
        let person = compose.value(.person)
        let board = compose.value(.board)
        let kind = compose.value(.kind)
        state.statusFeed.filter = StatusFilter(
            author: person == anyone ? nil : try? Handle(person),
            board: board == anyBoard ? nil : try? BoardSlug(board),
            kind: StatusKind.allCases.first { $0.label == kind })
        state.statusFeed.list = ListView()
        state.compose = nil
        return [.loadStatuses(state.statusFeed.filter)]
    }

    /// "alice · #general · blocked", or "everyone".
    static func filterSummary(_ filter: StatusFilter) -> String {
        var parts: [String] = []
        if let author = filter.author { parts.append(author.rawValue) }
        if let board = filter.board { parts.append("#" + board.rawValue) }
        if let kind = filter.kind { parts.append(kind.label) }
        return parts.isEmpty ? "all updates" : parts.joined(separator: " · ")
    }

    // MARK: - Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (header, listRect) = rect.splitTop(1)
        grid.fill(header)
        let feed = state.statusFeed
        grid.put(
            "Status updates, newest first — " + filterSummary(feed.filter) + " (F filters, s posts)", x: header.x + 1,
            y: header.y, style: Style(.dim), maxWidth: header.width - 1)
        let updates = feed.updates
        guard !updates.isEmpty else {
            grid.fill(listRect)
            let text = !feed.isLoaded ? "Loading…"
                : feed.filter.isEmpty ? "No status updates yet: press s to post one." : "No status updates match the filter."
            grid.put(text, x: listRect.x + 2, y: listRect.y, style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        feed.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < updates.count else { return }
            drawRow(updates[row.index], clock: state.clock, in: row.rect, into: &grid)
        }
    }

    private static func drawRow(_ update: StatusUpdate, clock: ViewerClock, in rect: Rect, into grid: inout CellGrid) {
        var writer = RowWriter(in: rect)
        writer.gap(2)
        writer.cell(clock.brief(update.at), width: 10, style: Style(.dim), into: &grid)
        writer.gap()
        writer.cell(update.author.rawValue, width: 12, style: Style(.accent), into: &grid)
        writer.gap()
        let kindStyle: Style =
            switch update.kind {
            case .blocked, .atRisk: Style(.warning, [.bold])
            case .done, .onTrack: Style(.accent)
            case .note: Style(.dim)
            }
        writer.cell(update.kind.label, width: 8, style: kindStyle, into: &grid)
        writer.gap()
        let board = update.board.map { "#" + $0.rawValue + " " } ?? ""
        writer.text(board + WeftCore.Inert.line(update.text), into: &grid)
    }

    /// "3/20" for the status line.
    static func position(_ state: State) -> String {
        guard let index = state.statusFeed.list.selectedIndex else { return "" }
        return "\(index + 1)/\(state.statusFeed.updates.count)"
    }
}
