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
    case preferencesLoaded(starred: Set<BoardSlug>, views: [BoardSlug: ThreadListOptions])
    /// `Effect.countCatchUp`: threads with unread posts in the board as filtered.
    case catchUpCounted(BoardSlug, ThreadListOptions, threads: Int)
    case caughtUp(BoardSlug, threads: Int)
    /// A write finished; the message is shown and the screen reloaded.
    case wrote(String)
    /// A page of a board's threads starting at row `offset`.
    case threadPageLoaded(BoardSlug, offset: Int, rows: [ThreadSummary])
    case threadLoaded(ThreadDetail)
    /// The thread no longer exists (or is not readable).
    case threadMissing(EventID)
    case membersLoaded([Member])
    case digestLoaded(Digest)
    case decisionsLoaded([DecisionEntry])
    /// A decision or reopening was written (`Effect.decide`, `Effect.reopen`).
    case decisionSaved(EventID, reopened: Bool)
    /// `Effect.scheduleCheckin` wrote the check-in.
    case checkinScheduled(question: String, every: String)
    /// `Effect.findUnreadThread` found a thread at `position` of its board.
    case unreadThreadFound(ThreadSummary, position: Int)
    /// `Effect.findUnreadThread` found nothing that way.
    case noUnreadThread(ListDirection)
    /// The journals were checked (`Effect.poll`): the time, and how far the
    /// index has read them (it moves when anyone, here or in another process
    /// sharing the index, applied new events).
    case polled(now: Timestamp, version: IndexVersion)
    /// The sync status of a space synced with git (`Effect.loadSyncStatus`),
    /// with `sync_interval` from config.toml.
    case syncStatusLoaded(SyncStatus, interval: Int?)
    /// A sync (`Effect.sync`) ended at `now`.
    case syncFinished(SyncOutcome, now: Timestamp)
    /// `Effect.write` put the event in the journal (`board` nil: the space journal).
    case written(Event, board: BoardSlug?)
    /// `Effect.write` failed; the composer stays open with the message.
    case writeFailed(String)
    /// `Effect.loadDraft` found the draft saved under the key, or nothing.
    case draftLoaded(key: String, Draft?)
    /// The external editor exited with this text (nil: it failed; see the notice).
    case externalEditorFinished(String?)
    case statusesLoaded(StatusFilter, [StatusUpdate])
    /// Each member's latest status update (for the Members screen).
    case latestStatusesLoaded([StatusUpdate])
    /// Every version of a post, oldest first.
    case historyLoaded(EventID, [Revision])
    /// Characters (and line breaks) that arrived together, e.g. a paste.
    case typed(String)
    /// Typing in the search field paused (`Effect.searchAfterPause`): run the
    /// query if it is still the latest.
    case searchPaused(generation: Int)
    /// Results of the query typed at `generation` (`Effect.runSearch`).
    case searchFinished(generation: Int, [SearchResult])
    /// The recent searches, newest first (`Effect.loadRecentSearches`).
    case recentSearchesLoaded([String])
    /// The inbox as the notification policy delivers it now (`Effect.loadInbox`).
    case inboxLoaded(Inbox)
    /// Open follow-ups with their thread titles, and the viewer's reminders.
    case followUpsLoaded([FollowUpEntry], [Reminder], titles: [EventID: String])
    case settingsLoaded(SettingsSnapshot)
    /// A `Change` was written: the message for the status line.
    case changed(String)
    /// `Effect.createBoard` succeeded.
    case boardCreated(BoardSlug, visibility: Visibility, members: Int)
    case boardAccessLoaded(BoardAccessView)
    /// An effect failed; the message is shown on the status line.
    case failed(String)
}
