/// Where keys are read: the screen in the main pane, the sidebar when it has
/// the focus, or the help overlay when it is open. Each `Command` lists the
/// contexts it works in.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case boards, board, thread, members, sidebar, help
    /// The Status screen; a composer; a yes/no question; the reaction picker.
    case status, compose, confirm, picker
    case digest, decisions
    case search
    case inbox, followUps, settings
    /// A board's members panel (`A`).
    case boardAccess

    /// The name shown in the help overlay and in `Docs/keys.md`.
    public var title: String {
        switch self {
        case .boards: "Boards"
        case .board: "Board"
        case .thread: "Thread"
        case .members: "Members"
        case .sidebar: "Sidebar"
        case .help: "Help"
        case .status: "Status"
        case .compose: "Composer"
        case .confirm: "Question"
        case .picker: "Reaction picker"
        case .digest: "Digest"
        case .decisions: "Decisions"
        case .search: "Search"
        case .inbox: "Inbox"
        case .followUps: "Follow-ups"
        case .settings: "Settings"
        case .boardAccess: "Board members"
        }
    }

    /// The commands the status line offers here, most useful first (the bar
    /// drops hints from the end when it is narrow).
    var hintedCommands: [Command] {
        switch self {
        case .boards: [.open, .moveDown, .switchFocus, .help, .back, .newBoard]
        case .board: [.open, .newThread, .nextUnread, .back, .moveDown, .switchFocus, .help, .toggleUnreadOnly, .cycleSort, .catchUp]
        case .thread: [.moveDown, .nextPost, .reply, .commentOnBlock, .react, .decide, .back, .help, .nextUnread]
        case .members: [.moveDown, .back, .switchFocus, .help]
        case .sidebar: [.open, .moveDown, .switchFocus, .help]
        case .help: [.moveDown, .help]
        case .status: [.moveDown, .filterStatus, .statusUpdate, .back, .switchFocus, .help]
        case .compose: [.send, .nextField, .preview, .externalEditor, .cancel]
        case .confirm: [.confirmYes, .confirmNo]
        case .picker: [.choose, .nextChoice, .cancel]
        case .digest: [.open, .previousWeek, .nextWeek, .thisWeek, .fold, .back, .help]
        case .decisions: [.open, .filterBoard, .filterTime, .back, .help]
        case .search: [.open, .nextResult, .closeSearch, .editQuery]
        case .inbox: [.open, .markDone, .snooze, .markAllDone, .back, .help]
        case .followUps: [.open, .nextTab, .markDone, .changeDue, .decline, .back, .help]
        case .settings: [.open, .moveDown, .back, .help]
        case .boardAccess: [.addMember, .removeMember, .toggleVisibility, .moveDown, .back]
        }
    }
}

extension KeyContext {
    /// Where the single-letter browsing keys work: everywhere except where
    /// letters are typed (the composer, the reaction picker, the search field) or answered
    /// (a question).
    static var browsing: Set<KeyContext> {
        Set(allCases).subtracting([.compose, .confirm, .picker, .search, .boardAccess])
    }
}
