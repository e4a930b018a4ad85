import TerminalUI

/// Turns terminal input into state changes: keys through the key table,
/// mouse actions by where they land, resizes, ticks and the end of input.
enum Input {
    static func handle(_ event: InputEvent, _ state: inout State) -> [Effect] {
        switch event {
        case .key(let key):
            state.notice = nil
            if state.form != nil, key != .ctrl("c") {
                return FormUpdate.handle(key, &state)
            }
            guard let command = Command.matching(key, in: state.context) else { return [] }
            return run(command, key: key, &state)
        case .mouse(let mouse):
            return Mouse.handle(mouse, &state)
        case .resize(let width, let height):
            return resize(to: Size(width: width, height: height), &state)
        case .tick:
            return [.poll]
        case .closed, .terminate:
            return Navigation.quit(&state)
        }
    }

    /// Runs a command found in the key table for the current context.
    static func run(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        switch command {
        case .quit:
            return Navigation.quit(&state)
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
        default:
            break
        }
        if state.help != nil {
            return HelpOverlay.handle(command, &state)
        }
        if state.focus == .sidebar {
            return Sidebar.handle(command, &state)
        }
        switch state.route {
        case .boards: return BoardsScreen.handle(command, key: key, &state)
        case .board: return BoardScreen.handle(command, key: key, &state)
        case .thread: return ThreadScreen.handle(command, key: key, &state)
        case .members: return MembersScreen.handle(command, key: key, &state)
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
        InboxScreen.resize(&state)
        if var board = state.board {
            board.list.setRowCount(board.list.rowCount, height: BoardScreen.height(state))
            state.board = board
        }
        Sidebar.sync(&state, selectCurrent: false)
        ThreadScreen.relayout(&state)
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
        case .thread: []
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
        case .inbox, .followUps, .settings: InboxScreen.scroll(by: delta, &state)
        }
        return []
    }
}
