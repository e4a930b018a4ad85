import TerminalUI
import WeftCore
import WeftStore

extension SearchScreen {
    /// Matches in snippets, titles and threads.
    static let matchStyle = Style(.accent, [.bold, .underline])

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        guard let search = state.search, rect.height > 0 else { return }
        let label = "Search: "
        grid.put(label, x: rect.x + 1, y: rect.y, style: Style(.accent, [.bold]), maxWidth: rect.width - 1)
        var input = search.input
        let fieldX = rect.x + 1 + DisplayWidth.of(label)
        input.fieldWidth = max(1, rect.maxX - fieldX - 1)
        input.render(into: &grid, in: Rect(x: fieldX, y: rect.y, width: input.fieldWidth, height: 1))
        guard rect.height > 2 else { return }
        let (line, style) = statusLine(search)
        grid.put(DisplayWidth.truncate(line, to: rect.width - 2), x: rect.x + 1, y: rect.y + 1, style: style,
                 maxWidth: rect.width - 2)
        grid.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y + 2, style: Style(.dim))
        let list = Rect(x: rect.x, y: rect.y + headerLines, width: rect.width, height: rect.height - headerLines)
        let rows = search.list.visibleRows(height: max(1, list.height / 2))
        for (n, index) in rows.enumerated() {
            let y = list.y + n * 2
            guard y < list.maxY else { break }
            let selected = index == search.list.selection
            if search.showsRecent {
                guard index < search.recent.count else { break }
                grid.put(DisplayWidth.truncate(Inert.line(search.recent[index]), to: rect.width - 3), x: rect.x + 2, y: y,
                         maxWidth: rect.width - 3)
                if selected { grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0.with(role: .selection) } }
                continue
            }
            guard index < search.results.count else { break }
            drawResult(search.results[index], y: y, in: list, clock: state.clock, into: &grid)
            if selected {
                grid.restyle(Rect(x: list.x, y: y, width: list.width, height: min(2, list.maxY - y))) { $0.with(role: .selection) }
            }
        }
    }

    /// What goes under the field: an error, a count, or what the list is.
    static func statusLine(_ search: SearchState) -> (String, Style) {
        if let error = search.error { return (error, Style(.warning, [.bold])) }
        if search.showsRecent {
            return search.recent.isEmpty
                ? ("Type to search. Filters: board: from: in:thread|comment|status|decision is:unread|decided|open has:followup mentions:me before: after: on:", Style(.dim))
                : ("Recent searches (Enter to use one)", Style(.dim))
        }
        if search.isPending && search.shownGeneration < 0 { return ("Searching…", Style(.dim)) }
        let n = search.results.count
        let count = n == 0 ? "Nothing found" : "\(n) result\(n == 1 ? "" : "s")"
        return (count + (search.isPending ? " · searching…" : ""), Style(.dim))
    }

    /// Two lines: "comment  #general · ana · Nov 21 · Thread title", then the snippet.
    static func drawResult(_ r: SearchResult, y: Int, in rect: Rect, clock: ViewerClock, into grid: inout CellGrid) {
        var x = rect.x + 1
        let end = rect.maxX - 1
        func put(_ text: String, _ style: Style) {
            guard x < end else { return }
            x += grid.put(Inert.line(text), x: x, y: y, style: style, maxWidth: end - x)
        }
        put(r.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), Style(.accent, [.bold]))
        put((r.board.map { "#" + $0.rawValue } ?? "(space)") + " · ", Style(.dim))
        put(r.author.rawValue, Style(.accent))
        put(" · " + clock.brief(r.at), Style(.dim))
        if r.kind != .status, let title = r.threadTitle, !title.isEmpty {
            put(" · ", Style(.dim))
            put(title, Style(.normal, [.bold]))
        }
        guard y + 1 < rect.maxY else { return }
        x = rect.x + 3
        for run in r.snippet {
            guard x < end else { break }
            x += grid.put(Inert.line(run.text), x: x, y: y + 1, style: run.isMatch ? matchStyle : .normal, maxWidth: end - x)
        }
    }

    /// Where the terminal cursor goes: at the end of what is typed.
    static func cursor(_ state: State) -> Point? {
        guard state.route == .search, state.help == nil, state.focus == .main, let search = state.search else { return nil }
        let rect = state.layout.main
        var grid = CellGrid(size: state.size)
        var input = search.input
        let fieldX = rect.x + 1 + DisplayWidth.of("Search: ")
        input.fieldWidth = max(1, rect.maxX - fieldX - 1)
        return input.render(into: &grid, in: Rect(x: fieldX, y: rect.y, width: input.fieldWidth, height: 1))
    }
}

/// Where the terminal cursor belongs in a frame of `state` (the search field), if anywhere.
public func cursorPosition(_ state: State) -> Point? {
    SearchScreen.cursor(state)
}
