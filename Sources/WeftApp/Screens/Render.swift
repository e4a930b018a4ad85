import TerminalUI
import WeftCore

/// Draws `state` as one frame of `size`: title bar, main pane, sidebar,
/// status line and, when open, the help overlay.
///
/// Pure, and it draws only what is visible: lists render their visible rows
/// from the loaded window, the thread its visible lines, so a frame costs the
/// same for a space of 100 posts or 1,000,000.
public func render(_ state: State, size: Size) -> CellGrid {
    renderFrame(state, size: size).grid
}

/// The frame and where the terminal cursor goes (in a composer's field or
/// the reaction picker's input), or nil to hide it.
public func renderFrame(_ state: State, size: Size) -> (grid: CellGrid, cursor: Point?) {
    var grid = CellGrid(size: size)
    var state = state
    state.size = size
    let layout = state.layout
    TitleBar(left: Chrome.title(state), right: Chrome.unreadSummary(state)).render(into: &grid, in: layout.title)
    switch state.route {
    case .boards: BoardsScreen.render(state, in: layout.main, into: &grid)
    case .board: BoardScreen.render(state, in: layout.main, into: &grid)
    case .thread: ThreadScreen.render(state, in: layout.main, into: &grid)
    case .members: MembersScreen.render(state, in: layout.main, into: &grid)
    case .status: StatusScreen.render(state, in: layout.main, into: &grid)
    case .digest: DigestScreen.render(state, in: layout.main, into: &grid)
    case .decisions: DecisionsScreen.render(state, in: layout.main, into: &grid)
    case .search: SearchScreen.render(state, in: layout.main, into: &grid)
    case .inbox: InboxScreen.render(state, in: layout.main, into: &grid)
    case .followUps: FollowUpsScreen.render(state, in: layout.main, into: &grid)
    case .settings: SettingsScreen.render(state, in: layout.main, into: &grid)
    }
    Sidebar.render(state, layout: layout, into: &grid)
    if let form = state.decisionForm {
        DecisionFormScreen.render(form, in: layout.body, into: &grid)
    }
    if let form = state.checkinForm {
        CheckinFormScreen.render(form, in: layout.body, into: &grid)
    }
    if let panel = state.boardAccess {
        BoardAccessScreen.render(panel, in: layout.body, into: &grid)
    }
    Chrome.statusBar(state).render(into: &grid, in: layout.status)
    if let help = state.help {
        HelpOverlay.render(help, in: layout.body, into: &grid)
    }
    if let form = state.form {
        FormView.render(form, members: state.members.members.filter { $0.handle != state.viewer }, in: layout.body, into: &grid)
    }
    var cursor: Point?
    if let compose = state.compose {
        cursor = ComposeScreen.render(
            compose, viewer: state.viewer, in: layout.body, readerWidth: layout.main.width, into: &grid)
    }
    if let dialog = state.dialog {
        cursor = ComposeScreen.render(dialog, in: layout.body, into: &grid)
    }
    return (grid, cursor)
}

/// The title bar and status line texts.
enum Chrome {
    /// "Weft · team › general › Thread title".
    static func title(_ state: State) -> String {
        var parts = ["Weft · " + state.spaceName]
        switch state.route {
        case .boards:
            parts.append("Boards")
        case .members:
            parts.append("Members")
        case .status:
            parts.append("Status")
        case .digest:
            parts.append("Digest")
        case .decisions:
            parts.append("Decisions")
        case .search:
            parts.append("Search")
        case .inbox:
            parts.append("Inbox")
        case .followUps:
            parts.append("Follow-ups")
        case .settings:
            parts.append("Settings")
        case .board(let slug):
            let title = state.boards.row(slug)?.board.title
            parts.append("#" + slug.rawValue + (title.map { " · " + $0 } ?? ""))
            if let options = state.board?.options, !options.isDefault {
                parts.append("[" + options.summary + "]")
            }
        case .thread:
            if let slug = state.thread?.detail?.board.slug ?? state.board?.slug {
                parts.append("#" + slug.rawValue)
            }
            if let detail = state.thread?.detail {
                parts.append(detail.thread.redacted ? "[deleted]" : (detail.thread.title ?? ""))
            }
        }
        return parts.joined(separator: " › ")
    }

    /// "42 unread", "all read", or nothing before the first count.
    static func unreadSummary(_ state: State) -> String {
        let inbox = state.inbox.count.map { $0 > 0 ? "inbox \($0) · " : "" } ?? ""
        guard let total = state.totalUnread else { return inbox }
        return inbox + (total == 0 ? "all read" : "\(total) unread")
    }

    /// The keys that work here (or the current notice) and the position.
    static func statusBar(_ state: State) -> StatusBar {
        let context = state.context
        let right: String
        switch context {
        case .help:
            right = state.help.map { HelpOverlay.position($0, area: state.layout.body) } ?? ""
        case .sidebar, .compose, .confirm, .picker:
            right = ""
        default:
            switch state.route {
            case .boards: right = BoardsScreen.position(state)
            case .board: right = BoardScreen.position(state)
            case .thread: right = ThreadScreen.position(state)
            case .members: right = MembersScreen.position(state)
            case .status: right = StatusScreen.position(state)
            case .digest: right = DigestScreen.position(state)
            case .decisions: right = DecisionsScreen.position(state)
            case .search: right = SearchScreen.position(state)
            case .inbox, .followUps, .settings: right = InboxScreen.position(state)
            }
        }
        let sync = SyncUpdate.statusText(state)
        let shown = sync.isEmpty ? right : (right.isEmpty ? sync : sync + "  " + right)
        if state.decisionForm != nil || state.checkinForm != nil {
            let hints = state.checkinForm != nil ? [KeyHint("Tab", "next field")] : []
            if let notice = state.notice, notice.isWarning {
                return StatusBar(message: notice.text, right: shown, messageStyle: Style(.warning, [.bold]))
            }
            return StatusBar(hints: hints + [KeyHint("Enter", "save"), KeyHint("Esc", "cancel")], right: shown)
        }
        if let notice = state.notice {
            return StatusBar(message: notice.text, right: shown,
                             messageStyle: Style(notice.isWarning ? .warning : .status, [.bold]))
        }
        let hints = ThreadMatches.hints(context.hintedCommands.map { KeyHint($0.hintKey, $0.hintLabel(in: context)) }, state)
        return StatusBar(hints: hints, right: shown)
    }
}
