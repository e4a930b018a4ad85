import TerminalUI
import WeftCore
import WeftStore

/// Something that happened: input from the terminal, or the answer to an
/// `Effect`. `reduce` turns actions into a new state and further effects.
public enum Action: Equatable, Sendable {
    /// A key, a mouse action, a resize, a tick, or the end of input.
    case input(InputEvent)
    /// The boards with their thread counts (`Effect.loadBoards`).
    case boardsLoaded([BoardActivity])
    /// Unread posts per board (`Effect.countUnread`).
    case unreadCounted([BoardSlug: Int])
    /// A board's thread count and where the kept thread now is
    /// (`Effect.refreshBoard`).
    case boardRefreshed(BoardSlug, total: Int, position: Int?)
    /// A page of a board's threads starting at row `offset`.
    case threadPageLoaded(BoardSlug, offset: Int, rows: [ThreadSummary])
    case threadLoaded(ThreadDetail)
    /// The thread no longer exists (or is not readable).
    case threadMissing(EventID)
    case membersLoaded([Member])
    /// `Effect.findUnreadThread` found a thread at `position` of its board.
    case unreadThreadFound(ThreadSummary, position: Int)
    /// `Effect.findUnreadThread` found nothing that way.
    case noUnreadThread(ListDirection)
    /// The journals were checked (`Effect.poll`): the time, and how far the
    /// index has read them (it moves when anyone, here or in another process
    /// sharing the index, applied new events).
    case polled(now: Timestamp, version: IndexVersion)
    /// The inbox as the notification policy delivers it now (`Effect.loadInbox`).
    case inboxLoaded(Inbox)
    /// Open follow-ups with their thread titles, and the viewer's reminders.
    case followUpsLoaded([FollowUpEntry], [Reminder], titles: [EventID: String])
    case settingsLoaded(SettingsSnapshot)
    /// A `Change` was written: the message for the status line.
    case changed(String)
    /// An effect failed; the message is shown on the status line.
    case failed(String)
}
