import WeftCore

/// A screen of the main pane. The app keeps a stack of them: Boards is always
/// at the bottom, so `q` goes back until it quits from Boards.
public enum Route: Hashable, Sendable {
    case boards
    case members
    case board(BoardSlug)
    case thread(EventID)
    /// Status updates, newest first (`StatusScreen`).
    case status
    case digest
    case decisions
    /// The search screen (issue 7): query field and results.
    case search
    case inbox, followUps, settings

    /// The key context of the screen.
    var context: KeyContext {
        switch self {
        case .boards: .boards
        case .members: .members
        case .board: .board
        case .thread: .thread
        case .status: .status
        case .digest: .digest
        case .decisions: .decisions
        case .search: .search
        case .inbox: .inbox
        case .followUps: .followUps
        case .settings: .settings
        }
    }
}

/// Which pane reads the keys.
public enum Focus: Hashable, Sendable {
    case main, sidebar
}

/// A one-line message for the status line, shown until the next key.
public struct Notice: Hashable, Sendable {
    public var text: String
    public var isWarning: Bool

    public init(_ text: String, isWarning: Bool = false) {
        self.text = text
        self.isWarning = isWarning
    }
}
