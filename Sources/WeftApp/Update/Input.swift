import TerminalUI

/// Turns terminal input into state changes: keys through the key table,
/// mouse actions by where they land, resizes, ticks and the end of input.
enum Input {
    static func handle(_ event: InputEvent, _ state: inout State) -> [Effect] {
        switch event {
        case .key(let key):
            state.notice = nil
            if state.dialog != nil {
                return DialogUpdate.handle(key, &state)
            }
            if state.compose != nil {
                return ComposeUpdate.handle(key, &state)
            }
            if state.decisionForm != nil, key != .ctrl("c") {
                return DecisionFormScreen.handle(key, &state)
            }
            if state.checkinForm != nil, key != .ctrl("c") {
                return CheckinFormScreen.handle(key, &state)
            }
            if state.form != nil, key != .ctrl("c") {
                return FormUpdate.handle(key, &state)
            }
            if let effects = SearchScreen.key(key, &state) { return effects }
            guard let command = Command.matching(key, in: state.context) else { return [] }
            return run(command, key: key, &state)
        case .mouse(let mouse):
            // Composers and questions are answered with keys.
            guard state.compose == nil, state.dialog == nil, state.boardAccess == nil else { return [] }
            return Mouse.handle(mouse, &state)
        case .resize(let width, let height):
            return resize(to: Size(width: width, height: height), &state)
        case .tick:
            // While git merges, journals are replaced file by file: reading one
            // half-written would look like a rewrite. The sync's end polls.
            return ComposeUpdate.autosave(&state) + (state.sync?.running == true ? [] : [.poll])
        case .paste(let text):
            return ComposeUpdate.pasted(text, &state)
        case .closed, .terminate:
            return ComposeUpdate.saveAndQuit(&state)
        }
    }

    /// Runs a command found in the key table for the current context.
    static func run(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        switch command {
        case .quit:
            return ComposeUpdate.quitRequested(&state)
        case .sync:
            return SyncUpdate.requested(&state)
        case .statusUpdate where state.help == nil:
            return ComposeUpdate.openStatus(&state)
        case .newThread where state.help == nil && state.focus == .main:
            return ComposeUpdate.openNewThread(&state)
        case .help where state.help == nil:
            state.help = HelpState(context: state.screenContext)
            return []
        case .openInbox where state.help == nil && state.focus == .main:
            return Navigation.open(.inbox, &state)
        case .followUp, .remindMe, .toggleFollow:
            guard state.help == nil, state.focus == .main else { break }
            return InboxScreen.postCommand(command, &state)
        case .switchFocus:
            state.focus = state.focus == .main ? .sidebar : .main
            Sidebar.sync(&state, selectCurrent: state.focus == .sidebar)
            return []
        case .search where state.help == nil:
            return SearchScreen.open(&state)
        case .newBoard where state.help == nil:
            state.focus = .main
            return BoardForm.open(&state)
        case .boardMembers where state.help == nil && state.focus == .main:
            return BoardAccessScreen.open(&state)
        case .back, .moveDown, .moveUp, .addMember, .removeMember, .toggleVisibility:
            if state.boardAccess != nil, state.help == nil { return BoardAccessScreen.handle(command, &state) }
        default:
            break
        }
        if state.help != nil {
            return HelpOverlay.handle(command, &state)
        }
        if state.focus == .sidebar {
            return Sidebar.handle(command, &state)
        }
        if case .thread = state.route, let effects = PostActions.handle(command, &state) {
            return effects
        }
        switch state.route {
        case .status: return StatusScreen.handle(command, key: key, &state)
        case .boards: return BoardsScreen.handle(command, key: key, &state)
        case .board: return BoardScreen.handle(command, key: key, &state)
        case .thread: return ThreadScreen.handle(command, key: key, &state)
        case .members: return MembersScreen.handle(command, key: key, &state)
        case .digest: return DigestScreen.handle(command, key: key, &state)
        case .decisions: return DecisionsScreen.handle(command, key: key, &state)
        case .search: return []
        case .inbox: return InboxScreen.handle(command, key: key, &state)
        case .followUps: return FollowUpsScreen.handle(command, key: key, &state)
        case .settings: return SettingsScreen.handle(command, key: key, &state)
        }
    }

    /// Lays everything out for a new terminal size at once: lists keep their
    /// selection visible, the thread re-wraps around the line at the top.
    static func resize(to size: Size, _ state: inout State) -> [Effect] {
        state.size = size
        state.boards.list.setRowCount(state.boards.rows.count, height: BoardsScreen.height(state))
        state.members.list.setRowCount(state.members.members.count, height: MembersScreen.height(state))
        state.digest.list.setRowCount(state.digest.rows.count, height: DigestScreen.height(state))
        state.decisions.list.setRowCount(state.decisions.entries.count, height: DecisionsScreen.height(state))
        InboxScreen.resize(&state)
        if var board = state.board {
            board.list.setRowCount(board.list.rowCount, height: BoardScreen.height(state))
            state.board = board
        }
        Sidebar.sync(&state, selectCurrent: false)
        ThreadScreen.relayout(&state)
        state.statusFeed.list.setRowCount(state.statusFeed.updates.count, height: StatusScreen.height(state))
        ComposeUpdate.layout(&state)
        SearchScreen.resize(&state)
        if let help = state.help {
            let area = state.layout.body
            state.help?.firstLine = min(help.firstLine, HelpOverlay.lastFirstLine(help, area: area))
        }
        return BoardScreen.ensureWindow(&state)
    }
}

/// Mouse clicks and the wheel, routed by where they land.
enum Mouse {
    static func handle(_ event: MouseEvent, _ state: inout State) -> [Effect] {
        state.notice = nil
        if state.help != nil {
            switch event {
            case .click: return HelpOverlay.handle(.click, &state)
            case .wheelUp: return HelpOverlay.handle(.moveUp, &state)
            case .wheelDown: return HelpOverlay.handle(.moveDown, &state)
            }
        }
        let layout = state.layout
        switch event {
        case .click(let x, let y):
            if let sidebar = layout.sidebar, let border = layout.sidebarBorderX,
                x >= sidebar.x, x <= border, y >= sidebar.y, y < sidebar.maxY
            {
                state.focus = .sidebar
                return Sidebar.click(y: y, &state)
            }
            guard layout.main.contains(x: x, y: y) else { return [] }
            state.focus = .main
            return clickMain(y: y, &state)
        case .wheelUp(let x, let y):
            return wheel(by: -wheelStep, x: x, y: y, &state)
        case .wheelDown(let x, let y):
            return wheel(by: wheelStep, x: x, y: y, &state)
        }
    }

    private static func clickMain(y: Int, _ state: inout State) -> [Effect] {
        switch state.route {
        case .boards: BoardsScreen.click(y: y, &state)
        case .board: BoardScreen.click(y: y, &state)
        case .members: MembersScreen.click(y: y, &state)
        case .digest: DigestScreen.click(y: y, &state)
        case .decisions: DecisionsScreen.click(y: y, &state)
        case .thread, .status, .search: []
        case .inbox, .followUps, .settings: InboxScreen.click(y: y, &state)
        }
    }

    private static func wheel(by delta: Int, x: Int, y: Int, _ state: inout State) -> [Effect] {
        let layout = state.layout
        if let sidebar = layout.sidebar, sidebar.contains(x: x, y: y) {
            Sidebar.scroll(by: delta, &state)
            return []
        }
        switch state.route {
        case .boards: BoardsScreen.scroll(by: delta, &state)
        case .board: return BoardScreen.scroll(by: delta, &state)
        case .members: MembersScreen.scroll(by: delta, &state)
        case .thread: ThreadScreen.scroll(by: delta, &state)
        case .status: state.statusFeed.list.scroll(by: delta, height: StatusScreen.height(state))
        case .digest: DigestScreen.scroll(by: delta, &state)
        case .decisions: DecisionsScreen.scroll(by: delta, &state)
        case .search: SearchScreen.scroll(by: delta, &state)
        case .inbox, .followUps, .settings: InboxScreen.scroll(by: delta, &state)
        }
        return []
    }
}
