import TerminalUI
import WeftCore
import WeftStore

/// What the Decisions screen keeps: the standing decisions newest first, and
/// the board and time filters.
public struct DecisionsState: Equatable, Sendable {
    public internal(set) var entries: [DecisionEntry] = []
    public internal(set) var list = ListView()
    /// One board, or all when nil.
    public internal(set) var board: BoardSlug?
    public internal(set) var range: DecisionRange = .all
    public internal(set) var isLoaded = false
}

/// How far back the Decisions screen looks.
public enum DecisionRange: Int, CaseIterable, Sendable {
    case all = 0, week = 7, month = 30, quarter = 90

    var label: String { self == .all ? "any time" : "last \(rawValue) days" }
    var next: DecisionRange { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}

/// The Decisions screen: every standing decision across boards, newest first,
/// with its board, thread, who decided and when. `b` cycles the board filter,
/// `w` the time range, Enter opens the thread.
enum DecisionsScreen {
    static func listRect(_ state: State) -> Rect { state.layout.main.splitTop(2).rest }
    static func height(_ state: State) -> Int { listRect(state).height }

    static func load(_ state: State) -> Effect {
        let since = state.decisions.range == .all ? nil
            : state.clock.now.adding(seconds: -Int64(state.decisions.range.rawValue) * 86400)
        return .loadDecisions(board: state.decisions.board, since: since)
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.decisions.list.apply(command, height: height(state)) { return [] }
        switch command {
        case .filterBoard:
            let slugs = state.boards.rows.map(\.board.slug)
            if let current = state.decisions.board, let i = slugs.firstIndex(of: current) {
                state.decisions.board = i + 1 < slugs.count ? slugs[i + 1] : nil
            } else {
                state.decisions.board = slugs.first
            }
            return [load(state)]
        case .filterTime:
            state.decisions.range = state.decisions.range.next
            return [load(state)]
        case .open:
            guard let i = state.decisions.list.selectedIndex, i < state.decisions.entries.count else { return [] }
            return Navigation.openThread(id: state.decisions.entries[i].decision.thread, &state)
        case .back:
            return Navigation.back(key: key, &state)
        default:
            return []
        }
    }

    static func loaded(_ entries: [DecisionEntry], _ state: inout State) -> [Effect] {
        let selected = state.decisions.list.selectedIndex.flatMap { i in
            i < state.decisions.entries.count ? state.decisions.entries[i].decision.id : nil
        }
        state.decisions.entries = entries
        state.decisions.isLoaded = true
        state.decisions.list.setRowCount(entries.count, height: height(state))
        if let selected, let i = entries.firstIndex(where: { $0.decision.id == selected }) {
            state.decisions.list.select(i, height: height(state))
        }
        return []
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard let index = state.decisions.list.index(atY: y, in: listRect(state)) else { return [] }
        if state.decisions.list.selectedIndex == index { return handle(.open, key: .enter, &state) }
        state.decisions.list.select(index, height: height(state))
        return []
    }

    static func scroll(by delta: Int, _ state: inout State) {
        state.decisions.list.scroll(by: delta, height: height(state))
    }

    // MARK: - Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let (header, listRect) = rect.splitTop(2)
        let filter = "Decisions · " + (state.decisions.board.map { "#" + $0.rawValue } ?? "all boards") + " · "
            + state.decisions.range.label
        grid.put(" " + filter, x: header.x, y: header.y, style: Style(.accent, [.bold]), maxWidth: header.width)
        if header.height > 1 {
            grid.put(String(repeating: "─", count: max(0, rect.width)), x: rect.x, y: header.y + 1, style: Style(.dim))
        }
        let entries = state.decisions.entries
        guard !entries.isEmpty else {
            let text = state.decisions.isLoaded ? "No decisions here yet: press d in a thread to record one." : "Loading…"
            grid.put(text, x: listRect.x + 2, y: listRect.y, style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        let clock = state.clock
        state.decisions.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < entries.count else { return }
            let e = entries[row.index]
            var writer = RowWriter(in: row.rect)
            writer.gap()
            writer.cell(clock.brief(e.decision.at), width: 10, style: Style(.dim), into: &grid)
            writer.gap()
            writer.cell("#" + e.board.rawValue, width: 14, style: Style(.dim), into: &grid)
            writer.gap()
            writer.cell(e.decision.author.rawValue, width: 10, style: Style(.accent), into: &grid)
            writer.gap()
            let text = Inert.line(e.threadTitle) + " — ✓ " + Inert.line(DigestText.excerpt(e.text, limit: 80))
            writer.cell(text, width: writer.remaining, into: &grid)
        }
    }

    static func position(_ state: State) -> String {
        guard let index = state.decisions.list.selectedIndex else { return "" }
        return "\(index + 1)/\(state.decisions.entries.count)"
    }
}
