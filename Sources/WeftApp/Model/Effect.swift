import WeftCore
import WeftStore

/// Work `reduce` asks for and the app loop does against the store; each
/// answer comes back as an `Action`.
public enum Effect: Hashable, Sendable {
    /// Boards with thread counts and last activity (cheap at any size).
    case loadBoards
    /// Unread counts per board: one pass over the posts, so the loop runs it
    /// after drawing the frame that asked for it.
    case countUnread
    /// A board's thread count and the row of thread `keeping` (to keep the
    /// selection on it when the list changed).
    case refreshBoard(BoardSlug, keeping: EventID?)
    /// A page of a board's threads.
    case loadThreadPage(ThreadPage)
    case loadThread(EventID)
    case loadMembers
    /// Saves that the viewer has read the thread and its comments.
    case markThreadRead(EventID)
    /// The nearest thread with unread posts from `anchor` (the top when nil).
    case findUnreadThread(BoardSlug, from: ThreadAnchor?, direction: ListDirection, including: Bool)
    /// Catches the index up with the journals (another person may have posted).
    case poll
    /// The inbox through the notification policy, at the store's now.
    case loadInbox
    case loadFollowUps
    case loadSettings
    /// Writes a change (follow-ups, reminders, inbox marks, settings).
    case perform(Change)
    /// Stops the loop.
    case quit

    /// Whether the loop may draw the current frame before running it.
    public var isDeferred: Bool {
        // The inbox and follow-ups read much of the index for a busy person: the
        // frame that asked for them is drawn first.
        self == .countUnread || self == .loadInbox || self == .loadFollowUps
    }
}
