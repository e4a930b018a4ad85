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
    case refreshBoard(BoardSlug, options: ThreadListOptions = .default, keeping: EventID?)
    /// A page of a board's threads.
    case loadThreadPage(ThreadPage)
    case loadThread(EventID)
    case loadMembers
    /// The viewer's digest of a week (in their zone).
    case loadDigest(ISOWeek)
    /// Decisions, newest first, on one board or all, since a time or ever.
    case loadDecisions(board: BoardSlug?, since: Timestamp?)
    /// Writes a thread's decision: a comment, a summary or both.
    case decide(EventID, comment: EventID?, summary: String?)
    /// Reopens a decided thread.
    case reopen(EventID)
    /// Schedules a check-in (checked by `CheckinFormScreen` first).
    case scheduleCheckin(BoardSlug, question: String, every: String, audience: [Handle])
    /// Saves that the viewer has read the thread and its comments.
    case markThreadRead(EventID)
    /// The nearest thread with unread posts from `anchor` (the top when nil).
    case findUnreadThread(BoardSlug, from: ThreadAnchor?, direction: ListDirection, including: Bool,
                          options: ThreadListOptions = .default)
    /// Starred boards and the saved list options of each board.
    case loadPreferences
    case setStar(BoardSlug, Bool)
    case saveBoardOptions(BoardSlug, ThreadListOptions)
    /// How many threads a catch-up of the board (as filtered) would mark read.
    case countCatchUp(BoardSlug, ThreadListOptions)
    case catchUp(BoardSlug, ThreadListOptions)
    case markThreadUnread(EventID)
    /// Writes a pin or unpin event (the reducer checked the viewer is the board's admin).
    case setPin(EventID, board: BoardSlug, Bool)
    /// Asks the loop for `.searchPaused(generation)` once no key has come for
    /// `AppLoop.searchPauseMilliseconds` (the search field's debounce).
    case searchAfterPause(generation: Int)
    /// Runs a search; answers `.searchFinished`.
    case runSearch(SearchQuery, generation: Int)
    case loadRecentSearches
    /// Saves a search in the viewer's recent searches.
    case rememberSearch(String)
    /// Catches the index up with the journals (another person may have posted).
    case poll
    /// The sync status: last sync, unpushed lines (a space synced with git).
    case loadSyncStatus
    /// Syncs with the git remote, in the background; `.syncFinished` follows.
    case sync
    /// Appends an event (`Store.append`, the only write path), then deletes
    /// the draft it was written from.
    case write(Payload, board: BoardSlug?, draftKey: String?)
    case saveDraft(key: String, title: String, body: String)
    case loadDraft(String)
    case deleteDraft(String)
    /// Suspends the terminal and edits the text in $VISUAL / $EDITOR.
    case externalEditor(String)
    case loadStatuses(StatusFilter)
    case loadLatestStatuses
    case loadHistory(EventID)
    /// The inbox through the notification policy, at the store's now.
    case loadInbox
    case loadFollowUps
    case loadSettings
    /// Writes a change (follow-ups, reminders, inbox marks, settings).
    case perform(Change)
    /// Creates a board (`Store.createBoard`, checked by `BoardForm` first).
    case createBoard(BoardSlug, title: String, purpose: String?, visibility: Visibility, members: [Handle])
    /// A board's members and visibility, and whether the viewer may change them.
    case loadBoardAccess(BoardSlug)
    /// Stops the loop.
    case quit

    /// Whether the loop may draw the current frame before running it.
    public var isDeferred: Bool {
        // The inbox and follow-ups read much of the index for a busy person: the
        // frame that asked for them is drawn first.
        self == .countUnread || self == .loadSyncStatus || self == .loadInbox || self == .loadFollowUps
    }
}
