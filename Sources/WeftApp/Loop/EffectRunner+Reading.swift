import WeftCore
import WeftStore

/// Stars, list options, catching up, unread and pins against the store.
extension EffectRunner {
    func answerReading(_ effect: Effect) throws(StoreError) -> Action? {
        let index = store.index
        switch effect {
        case .loadPreferences:
            return .preferencesLoaded(starred: try index.starredBoards(), views: try index.savedListOptions())
        case .setStar(let board, let starred):
            try index.setStar(board, starred)
            return nil
        case .saveBoardOptions(let board, let options):
            try index.setListOptions(options, board: board)
            return nil
        case .countCatchUp(let board, let options):
            return .catchUpCounted(board, options, threads: try index.unreadThreadCount(board: board, viewer: viewer, options: options))
        case .catchUp(let board, let options):
            return .caughtUp(board, threads: try index.catchUp(board: board, viewer: viewer, options: options).threads)
        case .markThreadUnread(let thread):
            try index.markThreadUnread(thread)
            return .wrote("Marked the thread unread.")
        case .markPostsUnread(let posts, let thread):
            if let thread { try index.markThreadRead(thread) }
            try index.markUnread(posts)
            return nil
        case .setPin(let thread, let board, let pinned):
            let payload = ThreadPin(thread: thread)
            _ = try store.append(pinned ? .threadPinned(payload) : .threadUnpinned(payload), board: board)
            return .wrote(pinned ? "Pinned the thread to the top of the board." : "Unpinned the thread.")
        default:
            return nil
        }
    }
}
