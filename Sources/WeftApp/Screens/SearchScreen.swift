import TerminalUI
import WeftCore
import WeftStore

/// What the Search screen keeps: the query being typed, the results of the
/// last query run, and the recent searches shown while the field is empty.
public struct SearchState: Equatable, Sendable {
    public internal(set) var input: LineInput
    public internal(set) var results: [SearchResult] = []
    /// The query whose results are shown (for highlighting in the thread).
    public internal(set) var shownQuery: SearchQuery?
    /// Why the typed query cannot run, shown under the field.
    public internal(set) var error: String?
    public internal(set) var recent: [String] = []
    public internal(set) var list = ListView()
    /// Bumped by every edit; results of an older generation are dropped.
    var generation = 0
    /// The generation the shown results (or error) belong to.
    var shownGeneration = -1

    init(text: String) {
        input = LineInput(text: text, fieldWidth: 40, placeholder: "words, \"phrases\", prefix*, -not, board:, from:, in:, is:…")
    }

    /// Whether the field is empty, so recent searches are listed.
    var showsRecent: Bool { input.text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Rows of the list: recent searches or results.
    var rowCount: Int { showsRecent ? recent.count : results.count }

    /// Whether typing has outrun the results on screen.
    var isPending: Bool { generation != shownGeneration && !showsRecent }
}

/// The Search screen: a query field at the top, results below (type, board,
/// author, local time, snippet with matches highlighted). Results follow the
/// typing after a short pause; Enter opens the thread at the match.
enum SearchScreen {
    /// Lines above the results: field, status, rule.
    static let headerLines = 3

    /// Results visible at once (each takes two lines).
    static func height(_ state: State) -> Int {
        max(1, (state.layout.main.height - headerLines) / 2)
    }

    /// `/`: opens the search, pre-filled with the board on screen.
    static func open(_ state: inout State) -> [Effect] {
        var prefill = ""
        switch state.route {
        case .board(let slug): prefill = "board:\(slug.rawValue) "
        case .thread: if let slug = state.thread?.detail?.board.slug ?? state.board?.slug { prefill = "board:\(slug.rawValue) " }
        default: break
        }
        var effects = Navigation.leaveThread(&state)
        if case .thread = state.route { state.stack.removeLast() }
        if state.route == .search { state.stack.removeLast() }
        state.focus = .main
        state.search = SearchState(text: prefill)
        state.stack.append(.search)
        effects.append(.loadRecentSearches)
        return effects + edited(&state)
    }

    /// A key while the search screen has the focus: characters type, the key
    /// table's search commands act, other editing keys edit the field.
    static func key(_ key: Key, _ state: inout State) -> [Effect]? {
        guard state.route == .search, state.focus == .main, state.help == nil, var search = state.search else { return nil }
        if case .char(let c) = key {
            search.input.insert(String(c))
            state.search = search
            return edited(&state)
        }
        guard let command = Command.matching(key, in: .search) else { return [] }
        switch command {
        case .editQuery, .moveInQuery, .cutInQuery:
            let before = search.input.text
            _ = search.input.handle(key)
            state.search = search
            return search.input.text == before ? [] : edited(&state)
        case .nextResult, .previousResult:
            let h = height(state)
            search.list.move(by: command == .nextResult ? 1 : -1, height: h)
            state.search = search
        case .open:
            return openSelected(&state)
        case .closeSearch:
            state.search = nil
            state.stack.removeLast()
        case .quit:
            return Navigation.quit(&state)
        default:
            break
        }
        return []
    }

    /// The query changed: wait for a pause before running it.
    static func edited(_ state: inout State) -> [Effect] {
        guard var search = state.search else { return [] }
        search.generation += 1
        search.error = nil
        if search.showsRecent {
            search.list.setRowCount(search.recent.count, height: height(state))
            search.list.select(0, height: height(state))
        }
        state.search = search
        return search.showsRecent ? [] : [.searchAfterPause(generation: search.generation)]
    }

    /// The pause came: parse and run the query if it is still the latest.
    static func paused(_ generation: Int, _ state: inout State) -> [Effect] {
        guard var search = state.search, search.generation == generation, !search.showsRecent else { return [] }
        do {
            let query = try SearchQuery.parse(search.input.text, viewer: state.viewer, timeZone: state.clock.local.timeZone,
                                              now: state.clock.now)
            return [.runSearch(query, generation: generation)]
        } catch {
            search.error = error.description
            search.shownGeneration = generation
            state.search = search
            return []
        }
    }

    static func finished(_ generation: Int, _ results: [SearchResult], _ state: inout State) -> [Effect] {
        guard var search = state.search, search.generation == generation else { return [] }
        search.results = results
        search.shownGeneration = generation
        search.shownQuery = try? SearchQuery.parse(search.input.text, viewer: state.viewer,
                                                   timeZone: state.clock.local.timeZone, now: state.clock.now)
        search.list.setRowCount(results.count, height: height(state))
        search.list.select(0, height: height(state))
        state.search = search
        return []
    }

    static func recentLoaded(_ recent: [String], _ state: inout State) -> [Effect] {
        guard var search = state.search else { return [] }
        search.recent = recent
        if search.showsRecent {
            search.list.setRowCount(recent.count, height: height(state))
        }
        state.search = search
        return []
    }

    /// Enter: a recent search fills the field; a result opens its thread at
    /// the match.
    static func openSelected(_ state: inout State) -> [Effect] {
        guard let search = state.search, let index = search.list.selectedIndex else { return [] }
        if search.showsRecent {
            guard index < search.recent.count else { return [] }
            state.search?.input.setText(search.recent[index])
            return edited(&state)
        }
        guard index < search.results.count, !search.isPending else { return [] }
        let result = search.results[index]
        var effects: [Effect] = [.rememberSearch(search.input.text)]
        if !search.recent.contains(search.input.text) {
            state.search?.recent.insert(search.input.text, at: 0)
        }
        guard let thread = result.thread else {
            state.notice = Notice("A status update has no thread to open; its whole text is in the result.")
            return effects
        }
        var opened = ThreadState(id: thread, anchor: nil)
        opened.highlight = search.shownQuery.map { SearchHighlighter($0.positiveTerms) }
        opened.focusPost = result.kind == .decision ? nil : result.id
        state.thread = opened
        state.stack.append(.thread(thread))
        effects.append(.loadThread(thread))
        return effects
    }

    /// The list when resized.
    static func resize(_ state: inout State) {
        guard var search = state.search else { return }
        search.list.setRowCount(search.rowCount, height: height(state))
        state.search = search
    }

    static func scroll(by delta: Int, _ state: inout State) {
        let h = height(state)
        state.search?.list.scroll(by: delta, height: h)
    }

    /// "3/12" for the status line.
    static func position(_ state: State) -> String {
        guard let search = state.search, !search.showsRecent, !search.results.isEmpty,
              let index = search.list.selectedIndex else { return "" }
        return "\(index + 1)/\(search.results.count)"
    }
}
