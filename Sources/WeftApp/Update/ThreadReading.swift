import TerminalUI
import WeftCore
import WeftStore

/// Reading a thread at speed: it opens at the first unread post, under the
/// "new since you last read" divider; `n`/`p` go from unread post to unread
/// post (then on to the next thread, see `ThreadScreen`); `z`/`Z` fold reply
/// trees; Enter shows a long comment in full; `u` keeps a comment unread.
///
/// Folding rebuilds the thread's lines once per key (like a resize), so
/// drawing a frame costs the same with any number of folds.
enum ThreadReading {
    /// After the first load: selects the first unread post and scrolls to it
    /// (with the divider above it). A thread opened at a search result stays
    /// at the result.
    static func openAtFirstUnread(_ state: inout State) {
        guard var thread = state.thread, !thread.isPositioned, let document = thread.document else { return }
        thread.isPositioned = true
        state.thread = thread
        guard thread.focusPost == nil, let first = document.targets.first(where: isUnread) else { return }
        select(first, &state)
    }

    /// A post (not a paragraph) the viewer has not read.
    static func isUnread(_ target: ThreadDocument.Target) -> Bool {
        target.block == nil && target.post.unread
    }

    /// `n` (+1) or `p` (-1): selects the next or previous unread post after
    /// the selection; false when there is none that way.
    static func step(_ delta: Int, _ state: inout State) -> Bool {
        guard let document = state.thread?.document else { return false }
        let targets = document.targets
        let current = PostActions.selectedTarget(state).flatMap { targets.firstIndex(of: $0) }
        let found: Int?
        if delta > 0 {
            let start = min(targets.count, current.map { $0 + 1 } ?? 0)
            found = targets[start...].firstIndex(where: isUnread)
        } else {
            found = current.flatMap { targets[..<$0].lastIndex(where: isUnread) }
        }
        guard let found else { return false }
        select(targets[found], &state)
        return true
    }

    /// Selects `target` and scrolls it to the top of the view (the divider
    /// stays in view when it is right above).
    static func select(_ target: ThreadDocument.Target, _ state: inout State) {
        guard var thread = state.thread, let document = thread.document,
              let first = document.firstLine(of: target.part) else { return }
        thread.selection = target.key
        thread.scroll = document.dividerLine == first - 1 ? first - 1 : first
        state.thread = thread
        ThreadScreen.scroll(by: 0, &state)
    }

    /// `z`, `Z` and Enter.
    static func fold(_ command: Command, _ state: inout State) {
        guard var thread = state.thread, let detail = thread.detail, let document = thread.document else { return }
        let selected = PostActions.selectedTarget(state)
        let comment = selected.flatMap { $0.post.kind == .comment ? $0.post.id : nil }
        switch command {
        case .foldReplies:
            guard let comment else {
                state.notice = Notice("Select a comment first ([ and ] move); Z folds every reply tree.")
                return
            }
            guard detail.comments.contains(where: { $0.parent == comment }) else {
                state.notice = Notice("This comment has no replies to fold.")
                return
            }
            thread.folds.folded.formSymmetricDifference([comment])
        case .foldAll:
            if thread.folds.folded.isEmpty {
                let parents = Set(detail.comments.compactMap(\.parent))
                thread.folds.folded = Set(detail.comments.map(\.id).filter(parents.contains))
                if thread.folds.folded.isEmpty {
                    state.notice = Notice("No comment in this thread has replies.")
                    return
                }
            } else {
                thread.folds.folded = []
            }
        case .expandComment:
            guard let comment, document.longComments.contains(comment) else {
                state.notice = Notice("Enter shows the rest of a long comment (“… more”): select it with [ and ].")
                return
            }
            thread.folds.expanded.formSymmetricDifference([comment])
        default:
            return
        }
        state.thread = thread
        rebuild(keeping: selected, &state)
    }

    /// `u` on a comment: shows it as new and keeps it unread when the thread
    /// is left. Nil when the thread itself is selected (the caller marks the
    /// whole thread unread).
    static func markCommentUnread(_ state: inout State) -> [Effect]? {
        guard var thread = state.thread, var detail = thread.detail, let target = PostActions.selectedTarget(state),
              target.post.kind == .comment,
              let index = detail.comments.firstIndex(where: { $0.id == target.post.id }) else { return nil }
        detail.comments[index].unread = true
        thread.detail = detail
        thread.keptUnread.insert(target.post.id)
        thread.isSavedRead = false
        state.thread = thread
        rebuild(keeping: target, &state)
        state.notice = Notice("Marked \(target.post.author)’s comment unread: it stays new when you leave the thread.")
        return [.markPostsUnread([target.post.id], afterReading: nil)]
    }

    /// Lays the thread out again after a fold, keeping the selected post (or,
    /// when it went into a fold, the comment it is folded under) on the same
    /// screen row.
    private static func rebuild(keeping target: ThreadDocument.Target?, _ state: inout State) {
        guard let old = state.thread?.document, let oldScroll = state.thread?.scroll else { return }
        let row = target.flatMap { old.firstLine(of: $0.part) }.map { $0 - oldScroll } ?? 0
        ThreadScreen.relayout(&state)
        guard var thread = state.thread, let document = thread.document, let detail = thread.detail,
              let target else { return }
        var shown = document.targets.first { $0.key == target.key }
        if shown == nil {
            let parents = Dictionary(detail.comments.map { ($0.id, $0.parent) }) { first, _ in first }
            var ancestor = parents[target.post.id] ?? nil
            while shown == nil, let id = ancestor {
                shown = document.targets.first { $0.block == nil && $0.post.id == id }
                ancestor = parents[id] ?? nil
            }
        }
        guard let shown, let first = document.firstLine(of: shown.part) else { return }
        thread.selection = shown.key
        thread.scroll = first - max(0, row)
        state.thread = thread
        ThreadScreen.scroll(by: 0, &state)
    }
}
