import TerminalUI
import WeftCore
import WeftStore

/// Applies `action` to `state` and returns the work to do next.
///
/// Pure: no store, no terminal, no clock. Results of the effects come back
/// as further actions.
///
/// ```swift
/// var state = State(spaceName: "team", viewer: me, timeZone: zone, now: now, size: Size(width: 80, height: 24))
/// let effects = reduce(&state, .input(.key(.enter)))   // e.g. [.loadThreadPage(…)]
/// ```
public func reduce(_ state: inout State, _ action: Action) -> [Effect] {
    switch action {
    case .input(let event):
        return Input.handle(event, &state)
    case .boardsLoaded(let rows):
        return BoardsScreen.loaded(rows, &state)
    case .unreadCounted(let counts):
        state.boards.unread = counts
        return []
    case .boardRefreshed(let slug, let total, let position):
        return BoardScreen.refreshed(slug, total: total, position: position, &state)
    case .threadPageLoaded(let slug, let offset, let rows):
        return BoardScreen.pageLoaded(slug, offset: offset, rows: rows, &state)
    case .threadLoaded(let detail):
        return ThreadScreen.loaded(detail, &state)
    case .threadMissing(let id):
        return ThreadScreen.missing(id, &state)
    case .membersLoaded(let members):
        return MembersScreen.loaded(members, &state)
    case .digestLoaded(let digest):
        return DigestScreen.loaded(digest, &state)
    case .decisionsLoaded(let entries):
        return DecisionsScreen.loaded(entries, &state)
    case .decisionSaved(let thread, let reopened):
        return DecisionFormScreen.saved(thread, reopened: reopened, &state)
    case .checkinScheduled(let question, let every):
        state.notice = Notice("Check-in scheduled: “\(question)” every \(every).")
        return []
    case .unreadThreadFound(let thread, let position):
        return Navigation.foundUnread(thread, position: position, &state)
    case .noUnreadThread(let direction):
        state.notice = Notice(direction == .down ? "No unread threads below." : "No unread threads above.")
        return []
    case .polled(let now, let version):
        return Refresh.polled(now: now, version: version, &state)
    case .syncStatusLoaded(let status, let interval):
        return SyncUpdate.statusLoaded(status, interval: interval, &state)
    case .syncFinished(let outcome, let now):
        return SyncUpdate.finished(outcome, now: now, &state)
    case .written(let event, let board):
        return ComposeUpdate.written(event, board: board, &state)
    case .writeFailed(let message):
        return ComposeUpdate.writeFailed(message, &state)
    case .draftLoaded(let key, let draft):
        return ComposeUpdate.draftLoaded(key: key, draft, &state)
    case .externalEditorFinished(let text):
        return ComposeUpdate.externalEditorFinished(text, &state)
    case .statusesLoaded(let filter, let updates):
        return StatusScreen.loaded(filter, updates, &state)
    case .latestStatusesLoaded(let updates):
        state.members.latestStatus = Dictionary(updates.map { ($0.author, $0) }) { first, _ in first }
        return []
    case .historyLoaded(let id, let revisions):
        return PostActions.historyLoaded(id, revisions, &state)
    case .typed(let text):
        return ComposeUpdate.typed(text, &state)
    case .preferencesLoaded, .catchUpCounted, .caughtUp, .wrote:
        return Reading.reduce(action, &state)
    case .searchPaused(let generation):
        return SearchScreen.paused(generation, &state)
    case .searchFinished(let generation, let results):
        return SearchScreen.finished(generation, results, &state)
    case .recentSearchesLoaded(let recent):
        return SearchScreen.recentLoaded(recent, &state)
    case .inboxLoaded(let inbox):
        return InboxScreen.loaded(inbox, &state)
    case .followUpsLoaded(let entries, let reminders, let titles):
        return FollowUpsScreen.loaded(entries, reminders, titles: titles, &state)
    case .settingsLoaded(let snapshot):
        return SettingsScreen.loaded(snapshot, &state)
    case .boardCreated(let slug, let visibility, let members):
        return BoardForm.created(slug, visibility: visibility, members: members, &state)
    case .boardAccessLoaded(let view):
        return BoardAccessScreen.loaded(view, &state)
    case .changed(let message):
        state.notice = Notice(message)
        return InboxScreen.reloadsAfterChange(state)
    case .failed(let message):
        state.notice = Notice(message, isWarning: true)
        return []
    }
}

/// Live refresh: what to reload when other people wrote.
enum Refresh {
    /// The first poll only notes the version (the screens load anyway); each
    /// later one that sees a new version reloads what is on screen.
    static func polled(now: Timestamp, version: IndexVersion, _ state: inout State) -> [Effect] {
        // Times on screen show minutes: a new minute is a new frame, a new
        // millisecond is not.
        if now.milliseconds / 60_000 != state.clock.now.milliseconds / 60_000 {
            state.clock.now = now
        }
        let previous = state.indexVersion
        state.indexVersion = version
        let changed = previous != nil && previous != version
        let syncing = SyncUpdate.due(now: now, &state)
        let inbox = InboxScreen.pollEffects(now: now, changed: changed, &state)
        guard changed else { return syncing + inbox }
        // New lines may be this person's: the count of unpushed lines changes.
        return reloads(state) + (state.sync == nil ? [] : [.loadSyncStatus]) + syncing + inbox
    }

    /// Everything the current screen shows, reloaded; selections stay on the
    /// same board, thread or member.
    static func reloads(_ state: State) -> [Effect] {
        var effects: [Effect] = [.loadBoards, .countUnread]
        switch state.route {
        case .boards:
            break
        case .members:
            effects += [.loadMembers, .loadLatestStatuses]
        case .status:
            effects.append(.loadStatuses(state.statusFeed.filter))
        case .digest:
            if let week = state.digest.week { effects.append(.loadDigest(week)) }
        case .decisions:
            effects.append(DecisionsScreen.load(state))
        case .board(let slug):
            effects.append(.refreshBoard(slug, options: state.board?.options ?? .default, keeping: state.board?.selected?.id))
        case .thread(let id):
            effects.append(.loadThread(id))
            if let board = state.board {
                effects.append(.refreshBoard(board.slug, options: board.options, keeping: id))
            }
        case .search:
            break
        case .inbox:
            break
        case .followUps:
            break
        case .settings:
            effects.append(.loadSettings)
        }
        return effects
    }
}
