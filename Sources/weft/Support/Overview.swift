import TerminalUI
import WeftCore
import WeftStore

/// What `weft` prints when it cannot open the full-screen UI: the boards and
/// their latest threads.
enum Overview {
    static func print(_ store: Store) throws {
        let clock = Clockface(store)
        Swift.print("Space '\(WeftCore.Inert.line(store.space.name))' at \(store.space.root) — you are \(store.me)")
        let boards = try store.index.boards(viewer: store.me)
        if boards.isEmpty { Swift.print("No boards yet: weft board create SLUG --title TITLE") }
        for b in boards {
            Swift.print("")
            Swift.print("\(b.board.slug) — \(WeftCore.Inert.line(b.board.title)) (\(b.threads) threads, \(b.unread) unread)")
            for t in try store.index.threads(board: b.board.slug, viewer: store.me, limit: 5) {
                let unread = t.unread > 0 ? "*" : " "
                Swift.print("  \(unread) \(t.id.short)  \(clock.brief(t.lastActivity))  \(DisplayWidth.truncate(WeftCore.Inert.line(t.redacted ? "[deleted]" : t.title), to: 60))  (\(t.replies))")
            }
        }
    }
}
