import TerminalUI
import WeftCore
import WeftStore

/// Moving between screens: opening, going back, leaving a thread (which saves
/// its read marker) and quitting.
enum Navigation {
    /// Opens a sidebar item.
    static func open(_ item: SidebarItem, _ state: inout State) -> [Effect] {
        switch item {
        case .boards:
            let effects = leaveThread(&state)
            state.stack = [.boards]
            return effects
        case .members:
            let effects = leaveThread(&state)
            state.stack = [.boards, .members]
            return effects + [.loadMembers, .loadLatestStatuses]
        case .status:
            let effects = leaveThread(&state)
            state.stack = [.boards, .status]
            return effects + [.loadStatuses(state.statusFeed.filter)]
        case .board(let slug):
            return openBoard(slug, &state)
        case .digest:
            let effects = leaveThread(&state)
            state.stack = [.boards, .digest]
            return effects + DigestScreen.open(week: nil, &state)
        case .decisions:
            let effects = leaveThread(&state)
            state.stack = [.boards, .decisions]
            return effects + [DecisionsScreen.load(state)]
        case .inbox, .followUps, .settings:
            let effects = leaveThread(&state)
            let route: Route = item == .inbox ? .inbox : item == .followUps ? .followUps : .settings
            state.stack = [.boards, route]
            return effects + InboxScreen.loads(route)
        }
    }

    /// Opens a thread from a screen that is not its board (the digest, the
    /// decisions); `q` comes back to that screen.
    static func openThread(id: EventID, _ state: inout State) -> [Effect] {
        var effects = leaveThread(&state)
        if case .thread = state.route { state.stack.removeLast() }
        state.thread = ThreadState(id: id, anchor: nil)
        state.stack.append(.thread(id))
        effects.append(.loadThread(id))
        return effects
    }

    /// Shows a board's thread list (its rows load a page at a time).
    static func openBoard(_ slug: BoardSlug, _ state: inout State) -> [Effect] {
        var effects = leaveThread(&state)
        state.stack = [.boards, .board(slug)]
        if let board = state.board, board.slug == slug {
            // Back to the board last seen: keep the selection, refresh the rows.
            effects.append(.refreshBoard(slug, options: board.options, keeping: board.selected?.id))
        } else {
            let options = state.boards.views[slug] ?? .default
            state.board = BoardState(slug: slug, total: state.boards.row(slug)?.threads ?? 0, options: options)
            if options.filters.isEmpty {
                effects += BoardScreen.ensureWindow(&state)
            } else {
                // The board's thread count is not the filtered count.
                effects.append(.refreshBoard(slug, options: options, keeping: nil))
            }
        }
        if let index = state.boards.rows.firstIndex(where: { $0.board.slug == slug }) {
            state.boards.list.select(index, height: BoardsScreen.height(state))
        }
        return effects
    }

    /// Opens `thread`, at row `position` of the open board; replaces the
    /// thread on screen, if any (`n`/`p`).
    static func openThread(_ thread: ThreadSummary, position: Int, _ state: inout State) -> [Effect] {
        var effects = leaveThread(&state)
        if case .thread = state.route {
            state.stack.removeLast()
        }
        if var board = state.board, board.slug == thread.board {
            board.list.select(position, height: BoardScreen.height(state))
            state.board = board
            effects += BoardScreen.ensureWindow(&state)
        }
        state.thread = ThreadState(id: thread.id, anchor: ThreadAnchor(thread))
        state.stack.append(.thread(thread.id))
        effects.append(.loadThread(thread.id))
        return effects
    }

    /// `n`/`p` found a thread with unread posts.
    static func foundUnread(_ thread: ThreadSummary, position: Int, _ state: inout State) -> [Effect] {
        guard state.board?.slug == thread.board else { return [] }
        return openThread(thread, position: position, &state)
    }

    /// `q`/`Esc`: back one screen; `q` on the bottom screen quits.
    static func back(key: Key, _ state: inout State) -> [Effect] {
        guard state.stack.count > 1 else {
            return key == .char("q") ? quit(&state) : []
        }
        var effects: [Effect] = []
        if case .thread = state.route {
            effects = leaveThread(&state)
        }
        state.stack.removeLast()
        return effects
    }

    /// Saves the read marker of the open thread (once per load) and updates
    /// the unread counts on screen without asking the store again.
    static func saveRead(_ state: inout State) -> [Effect] {
        guard var thread = state.thread, let detail = thread.detail, !thread.isSavedRead else { return [] }
        thread.isSavedRead = true
        state.thread = thread
        state.boards.markRead(posts: detail.unreadCount - thread.keptUnread.count, in: detail.board.slug)
        guard thread.keptUnread.isEmpty else {
            // Comments marked unread with `u` stay unread.
            return [.markPostsUnread(thread.keptUnread.sorted { $0.rawValue < $1.rawValue }, afterReading: thread.id)]
        }
        state.board?.window.markRead(thread.id)
        return [.markThreadRead(thread.id)]
    }

    /// Closes the open thread, saving its read marker. The caller fixes the
    /// screen stack.
    static func leaveThread(_ state: inout State) -> [Effect] {
        let effects = saveRead(&state)
        state.thread = nil
        return effects
    }

    /// Ctrl-C, `q` on Boards, end of input, or a signal: leave cleanly.
    static func quit(_ state: inout State) -> [Effect] {
        leaveThread(&state) + [.quit]
    }
}
