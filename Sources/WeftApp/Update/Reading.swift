import TerminalUI
import WeftCore
import WeftStore

/// Reading at speed on the Board screen: filters, sort, catch-up, unread,
/// pins and stars.
enum Reading {
    static func reduce(_ action: Action, _ state: inout State) -> [Effect] {
        switch action {
        case .preferencesLoaded(let starred, let views):
            state.boards.starred = starred
            state.boards.views = views
            BoardsScreen.loaded(state.boards.rows, &state)
            // A board opened before the preferences arrived shows its saved view now.
            if let board = state.board, board.options.isDefault, let saved = views[board.slug], !saved.isDefault {
                return setOptions(saved, &state)
            }
            return []
        case .catchUpCounted(let slug, let options, let threads):
            guard threads > 0 else {
                state.notice = Notice("Nothing unread in #\(slug.rawValue)\(options.filters.isEmpty ? "" : " with this filter").")
                return []
            }
            let scope = options.filters.isEmpty ? "in #\(slug.rawValue)" : "shown in #\(slug.rawValue) (\(options.summary))"
            state.dialog = DialogState(
                kind: .catchUp(slug, options), title: "Catch up?",
                message: ["Mark \(threads) thread\(threads == 1 ? "" : "s") \(scope) read?"])
            return []
        case .caughtUp(let slug, let threads):
            state.notice = Notice("Marked \(threads) thread\(threads == 1 ? "" : "s") in #\(slug.rawValue) read.")
            return Refresh.reloads(state)
        case .wrote(let message):
            state.notice = Notice(message)
            return Refresh.reloads(state)
        default:
            return []
        }
    }

    /// The Board screen's reading keys.
    static func boardCommand(_ command: Command, _ state: inout State) -> [Effect] {
        guard let board = state.board else { return [] }
        var options = board.options
        switch command {
        case .toggleUnreadOnly: options.toggle(.unread)
        case .toggleFollowUps: options.toggle(.followups)
        case .toggleMine: options.toggle(.mine)
        case .cycleDecided:
            if options.filters.contains(.decided) {
                options.toggle(.undecided)
            } else if options.filters.contains(.undecided) {
                options.filters.remove(.undecided)
            } else {
                options.toggle(.decided)
            }
        case .cycleSort: options.sort = options.sort.next
        case .clearFilters: options = .default
        case .catchUp:
            return [.countCatchUp(board.slug, board.options)]
        case .markUnread:
            guard let thread = board.selected else { return [] }
            return [.markThreadUnread(thread.id)]
        case .togglePin:
            guard let thread = board.selected else { return [] }
            return pin(thread.id, board: board.slug, pinned: !thread.pinned, &state)
        case .toggleStar:
            return star(board.slug, &state)
        default:
            return []
        }
        state.notice = Notice(options.isDefault ? "All threads, by last activity." : "Showing: " + options.summary)
        return setOptions(options, &state)
    }

    /// The Thread screen's reading keys.
    static func threadCommand(_ command: Command, _ state: inout State) -> [Effect] {
        guard var thread = state.thread, let detail = thread.detail else { return [] }
        switch command {
        case .markUnread:
            if let effects = ThreadReading.markCommentUnread(&state) {
                return effects
            }
            // Leaving must not mark it read again.
            thread.isSavedRead = true
            state.thread = thread
            var effects: [Effect] = [.markThreadUnread(thread.id)]
            effects += Navigation.back(key: .escape, &state)
            return effects
        case .togglePin:
            let pinned = state.board?.window.rows.first { $0.id == thread.id }?.pinned ?? false
            return pin(thread.id, board: detail.board.slug, pinned: !pinned, &state)
        default:
            return []
        }
    }

    /// Pins or unpins, when the viewer is the board's admin.
    static func pin(_ thread: EventID, board slug: BoardSlug, pinned: Bool, _ state: inout State) -> [Effect] {
        let board = state.boards.row(slug)?.board
        guard Forum.may(state.viewer, pinIn: board) else {
            let admin = board.map { " (\($0.createdBy.rawValue))" } ?? ""
            state.notice = Notice("Only the board's admin\(admin) can pin threads.", isWarning: true)
            return []
        }
        return [.setPin(thread, board: slug, pinned)]
    }

    /// Stars or unstars a board: starred boards lead the sidebar and the Boards list.
    static func star(_ slug: BoardSlug, _ state: inout State) -> [Effect] {
        let starred = !state.boards.starred.contains(slug)
        if starred {
            state.boards.starred.insert(slug)
        } else {
            state.boards.starred.remove(slug)
        }
        BoardsScreen.loaded(state.boards.rows, &state)
        state.notice = Notice(starred ? "Starred #\(slug.rawValue): it now comes first." : "Unstarred #\(slug.rawValue).")
        return [.setStar(slug, starred)]
    }

    /// Shows the open board with new options, keeping the selected thread
    /// when it still matches, and saves them for next time.
    static func setOptions(_ options: ThreadListOptions, _ state: inout State) -> [Effect] {
        guard var board = state.board else { return [] }
        let keeping = board.selected?.id
        board.options = options
        board.window = ThreadWindow()
        state.board = board
        state.boards.views[board.slug] = options.isDefault ? nil : options
        return [.saveBoardOptions(board.slug, options), .refreshBoard(board.slug, options: options, keeping: keeping)]
    }
}
