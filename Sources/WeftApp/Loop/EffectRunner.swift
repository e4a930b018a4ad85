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
        case .refreshBoard(let slug, let keeping):
            let total = try index.threadCount(board: slug)
            let position = try keeping.flatMap { id throws(StoreError) in try index.threadPosition(id, board: slug) }
            return .boardRefreshed(slug, total: total, position: position)
        case .loadThreadPage(let page):
            let rows = try index.threads(
                board: page.board, viewer: viewer, from: page.anchor, direction: page.direction, skip: page.skip,
                limit: page.limit)
            return .threadPageLoaded(page.board, offset: page.offset, rows: rows)
        case .loadThread(let id):
            guard let detail = try index.thread(id, viewer: viewer) else { return .threadMissing(id) }
            return .threadLoaded(detail)
        case .loadMembers:
            return .membersLoaded(try index.members())
        case .markThreadRead(let id):
            try index.markThreadRead(id)
            return nil
        case .findUnreadThread(let slug, let anchor, let direction, let including):
            guard let found = try index.unreadThread(
                board: slug, viewer: viewer, from: anchor, direction: direction, including: including)
            else { return .noUnreadThread(direction) }
            return .unreadThreadFound(found.thread, position: found.position)
        case .poll:
            try index.catchUp()
            return .polled(now: store.now, version: try index.version())
        case .loadInbox, .loadFollowUps, .loadSettings, .perform:
            return try inboxAnswer(effect)
        case .quit:
            return nil
        }
    }
}
