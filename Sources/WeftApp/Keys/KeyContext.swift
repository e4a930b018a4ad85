/// Where keys are read: the screen in the main pane, the sidebar when it has
/// the focus, or the help overlay when it is open. Each `Command` lists the
/// contexts it works in.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case boards, board, thread, members, sidebar, help
    case inbox, followUps, settings

    /// The name shown in the help overlay and in `Docs/keys.md`.
    public var title: String {
        switch self {
        case .boards: "Boards"
        case .board: "Board"
        case .thread: "Thread"
        case .members: "Members"
        case .sidebar: "Sidebar"
        case .help: "Help"
        case .inbox: "Inbox"
        case .followUps: "Follow-ups"
        case .settings: "Settings"
        }
    }

    /// The commands the status line offers here, most useful first (the bar
    /// drops hints from the end when it is narrow).
    var hintedCommands: [Command] {
        switch self {
        case .boards: [.open, .moveDown, .switchFocus, .help, .back]
        case .board: [.open, .nextUnread, .back, .moveDown, .switchFocus, .help]
        case .thread: [.moveDown, .pageDown, .nextUnread, .back, .help]
        case .members: [.moveDown, .back, .switchFocus, .help]
        case .sidebar: [.open, .moveDown, .switchFocus, .help]
        case .help: [.moveDown, .help]
        case .inbox: [.open, .markDone, .snooze, .markAllDone, .back, .help]
        case .followUps: [.open, .nextTab, .markDone, .changeDue, .decline, .back, .help]
        case .settings: [.open, .moveDown, .back, .help]
        }
    }
}
