import Foundation
import TerminalUI
import WeftCore
import WeftStore

/// Everything the interface shows, as one value.
///
/// `reduce` is the only thing that changes it and `render` draws it; neither
/// touches the store or the terminal. Screens keep only what is visible (a
/// board keeps a window of rows, never the whole list), so a state's size does
/// not grow with the space.
public struct State: Equatable, Sendable {
    public var spaceName: String
    public var viewer: Handle
    public var clock: ViewerClock
    /// The terminal size the state is laid out for (updated on resize).
    public internal(set) var size: Size
    /// The screens, Boards at the bottom; the last one is shown.
    public internal(set) var stack: [Route] = [.boards]
    public internal(set) var focus: Focus = .main
    /// The sidebar's selection, over `sidebarItems`.
    public internal(set) var sidebar = ListView()
    public internal(set) var boards = BoardsState()
    /// The open board, kept while a thread of it is open.
    public internal(set) var board: BoardState?
    public internal(set) var thread: ThreadState?
    public internal(set) var members = MembersState()
    /// The open composer (`ComposeUpdate`), drawn over the main pane.
    public internal(set) var compose: ComposeState?
    /// A question or picker over everything else.
    public internal(set) var dialog: DialogState?
    public internal(set) var statusFeed = StatusFeedState()
    public internal(set) var digest = DigestState()
    public internal(set) var decisions = DecisionsState()
    /// The decision form over the thread, when open.
    public internal(set) var decisionForm: DecisionForm?
    /// The new check-in form over a board, when open.
    public internal(set) var checkinForm: CheckinForm?
    /// The search screen's query and results, kept while a result is open.
    public internal(set) var search: SearchState?
    public internal(set) var inbox = InboxState()
    public internal(set) var followUps = FollowUpsState()
    public internal(set) var settings = SettingsState()
    /// The open dialog (follow-up, remind me, snooze, a setting), which reads every key.
    public internal(set) var form: FormState?
    /// A board's members panel (`A`), when open.
    public internal(set) var boardAccess: BoardAccessPanel?
    /// The help overlay, when open.
    public internal(set) var help: HelpState?
    public internal(set) var notice: Notice?
    /// Syncing with git; nil when the space is not a git repository.
    public internal(set) var sync: SyncState?
    /// How far the index had read the journals at the last poll.
    public internal(set) var indexVersion: IndexVersion?

    public init(spaceName: String, viewer: Handle, timeZone: TimeZone, now: Timestamp, size: Size) {
        self.spaceName = spaceName
        self.viewer = viewer
        self.clock = ViewerClock(timeZone: timeZone, now: now)
        self.size = size
    }

    /// The screen in the main pane.
    public var route: Route { stack.last ?? .boards }

    /// Where keys go now.
    public var context: KeyContext {
        if let dialog { return dialog.context }
        if compose != nil { return .compose }
        if help != nil { return .help }
        if boardAccess != nil { return .boardAccess }
        return focus == .sidebar ? .sidebar : route.context
    }

    /// The context whose keys the help overlay lists (the one it was opened
    /// from), or the current context.
    var screenContext: KeyContext {
        focus == .sidebar ? .sidebar : route.context
    }

    /// Where everything goes at the current size.
    var layout: Layout { Layout(size: size, focus: focus) }

    /// Unread posts over all boards, nil until counted.
    public var totalUnread: Int? {
        boards.unread.map { $0.values.reduce(0, +) }
    }

    /// The items of the sidebar: the screens that work, then the boards.
    var sidebarItems: [SidebarItem] {
        Self.screenItems + boards.rows.map { .board($0.board.slug) }
    }

    /// The screens the sidebar lists before the boards, most used first.
    static let screenItems: [SidebarItem] = [.boards, .inbox, .followUps, .status, .digest, .decisions, .members, .settings]
}
