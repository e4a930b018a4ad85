import WeftCore
import WeftStore

/// Runs one effect against the store and returns the action that carries its
/// result (nil when there is nothing to report). Store errors become
/// `.failed` with a one-line message, never a crash.
struct EffectRunner {
    let store: Store
    let viewer: Handle

    func run(_ effect: Effect) -> Action? {
        do {
            return try answer(effect)
        } catch {
            return .failed(error.description)
        }
    }

    private func answer(_ effect: Effect) throws(StoreError) -> Action? {
        let index = store.index
        switch effect {
        case .loadBoards:
            return .boardsLoaded(try index.boardActivity())
        case .countUnread:
            return .unreadCounted(try index.unreadCounts(viewer: viewer))
        case .refreshBoard(let slug, let options, let keeping):
            let total = try index.threadCount(board: slug, viewer: viewer, options: options)
            let position = try keeping.flatMap { id throws(StoreError) in
                try index.threadPosition(id, board: slug, viewer: viewer, options: options)
            }
            return .boardRefreshed(slug, total: total, position: position)
        case .loadThreadPage(let page):
            let rows = try index.threads(
                board: page.board, viewer: viewer, options: page.options, from: page.anchor, direction: page.direction, skip: page.skip,
                limit: page.limit)
            return .threadPageLoaded(page.board, offset: page.offset, rows: rows)
        case .loadThread(let id):
            guard var detail = try index.thread(id, viewer: viewer) else { return .threadMissing(id) }
            detail.decisionHistory = try index.decisionHistory(thread: id)
            return .threadLoaded(detail)
        case .loadMembers:
            return .membersLoaded(try index.members())
        case .loadDigest(let week):
            return .digestLoaded(try index.digest(viewer: viewer, week: week, zone: store.viewerTimeZone(), now: store.now))
        case .loadDecisions(let board, let since):
            return .decisionsLoaded(try index.decisions(viewer: viewer, board: board, since: since))
        case .decide(let thread, let comment, let summary):
            try store.decide(thread: thread, comment: comment, summary: summary)
            return .decisionSaved(thread, reopened: false)
        case .reopen(let thread):
            try store.reopen(thread: thread, reason: nil)
            return .decisionSaved(thread, reopened: true)
        case .scheduleCheckin(let board, let question, let every, let audience):
            guard let schedule = try? Recurrence(parsing: every) else { return .failed("cannot read the schedule '\(every)'") }
            try store.scheduleCheckin(board: board, question: question, every: schedule, audience: audience)
            return .checkinScheduled(question: question, every: schedule.description)
        case .markThreadRead(let id):
            try index.markThreadRead(id)
            return nil
        case .findUnreadThread(let slug, let anchor, let direction, let including, let options):
            guard let found = try index.unreadThread(
                board: slug, viewer: viewer, options: options, from: anchor, direction: direction, including: including)
            else { return .noUnreadThread(direction) }
            return .unreadThreadFound(found.thread, position: found.position)
        case .runSearch(let query, let generation):
            return .searchFinished(generation: generation, try index.search(query, viewer: viewer, now: store.now))
        case .loadRecentSearches:
            return .recentSearchesLoaded(try index.recentSearches())
        case .rememberSearch(let text):
            try index.rememberSearch(text, at: store.now)
            return nil
        case .searchAfterPause:
            // The loop keeps the deadline itself (AppLoop.perform).
            return nil
        case .poll:
            try index.catchUp()
            return .polled(now: store.now, version: try index.version())
        case .createBoard, .loadBoardAccess, .perform(.boardMembers), .perform(.boardVisibility):
            return try boardAnswer(effect)
        case .loadInbox, .loadFollowUps, .loadSettings, .perform:
            return try inboxAnswer(effect)
        case .write(let payload, let board, let draftKey):
            let event: Event
            do {
                event = try store.append(payload, board: board)
            } catch {
                return .writeFailed("Not sent: \(error.description)")
            }
            if let draftKey {
                try index.deleteDraft(draftKey)
            }
            return .written(event, board: board)
        case .saveDraft(let key, let title, let body):
            try index.saveDraft(Draft(key: key, title: title, body: body, savedAt: store.now))
            return nil
        case .loadDraft(let key):
            return .draftLoaded(key: key, try index.draft(key))
        case .deleteDraft(let key):
            try index.deleteDraft(key)
            return nil
        case .loadStatuses(let filter):
            return .statusesLoaded(filter, try index.statuses(filter))
        case .loadLatestStatuses:
            return .latestStatusesLoaded(try index.latestStatuses())
        case .loadHistory(let id):
            return .historyLoaded(id, try index.history(of: id))
        case .externalEditor:
            // Needs the terminal: the app loop runs it (`ExternalEditor`).
            return nil
        case .quit, .loadSyncStatus, .sync:
            // The loop's SyncWorker runs the sync effects.
            return nil
        case .loadPreferences, .setStar, .saveBoardOptions, .countCatchUp, .catchUp, .markThreadUnread, .setPin:
            return try answerReading(effect)
        }
    }
}
