import TerminalUI
import WeftCore

/// Draws `state` as one frame of `size`: title bar, main pane, sidebar,
/// status line and, when open, the help overlay.
///
/// Pure, and it draws only what is visible: lists render their visible rows
/// from the loaded window, the thread its visible lines, so a frame costs the
/// same for a space of 100 posts or 1,000,000.
public func render(_ state: State, size: Size) -> CellGrid {
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
    case .inbox: InboxScreen.render(state, in: layout.main, into: &grid)
    case .followUps: FollowUpsScreen.render(state, in: layout.main, into: &grid)
    case .settings: SettingsScreen.render(state, in: layout.main, into: &grid)
    }
    Sidebar.render(state, layout: layout, into: &grid)
    Chrome.statusBar(state).render(into: &grid, in: layout.status)
    if let help = state.help {
        HelpOverlay.render(help, in: layout.body, into: &grid)
    }
    if let form = state.form {
        FormView.render(form, members: state.members.members.filter { $0.handle != state.viewer }, in: layout.body, into: &grid)
    }
    return grid
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
        case .inbox:
            parts.append("Inbox")
        case .followUps:
            parts.append("Follow-ups")
        case .settings:
            parts.append("Settings")
        case .board(let slug):
            let title = state.boards.row(slug)?.board.title
            parts.append("#" + slug.rawValue + (title.map { " · " + $0 } ?? ""))
        case .thread:
            if let slug = state.board?.slug {
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
        case .sidebar:
            right = ""
        default:
            switch state.route {
            case .boards: right = BoardsScreen.position(state)
            case .board: right = BoardScreen.position(state)
            case .thread: right = ThreadScreen.position(state)
            case .members: right = MembersScreen.position(state)
            case .inbox, .followUps, .settings: right = InboxScreen.position(state)
            }
        }
        if let notice = state.notice {
            return StatusBar(message: notice.text, right: right,
                             messageStyle: Style(notice.isWarning ? .warning : .status, [.bold]))
        }
        let hints = context.hintedCommands.map { KeyHint($0.hintKey, $0.hintLabel(in: context)) }
        return StatusBar(hints: hints, right: right)
    }
}
