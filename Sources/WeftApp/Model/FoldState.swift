import WeftCore

/// What is folded in the open thread: reply trees hidden under a one-line
/// summary (`z`, `Z`) and long comments shown in full (Enter). Kept in the
/// thread's state while it is open, never saved.
struct FoldState: Equatable, Sendable {
    /// Comments whose replies are hidden.
    var folded: Set<EventID> = []
    /// Long comments shown in full instead of their first lines.
    var expanded: Set<EventID> = []

    /// A comment with more lines than this is long: it folds to its first
    /// `previewLines` lines and "… more (Enter)".
    static let longCommentLines = 8
    static let previewLines = 4

    var isEmpty: Bool { folded.isEmpty && expanded.isEmpty }
}

/// The lines a folded reply tree, a clipped long comment and the unread
/// divider are drawn as.
enum FoldText {
    static let divider = "── new since you last read ──"
    static let more = "… more (Enter)"

    /// "▸ 4 replies (2 unread)".
    static func folded(replies: Int, unread: Int) -> String {
        "▸ \(replies) repl\(replies == 1 ? "y" : "ies")" + (unread > 0 ? " (\(unread) unread)" : "")
    }

    /// For each entry of a threaded order, the index just past its subtree
    /// (its replies, theirs, and so on follow it in the order).
    static func subtreeEnds(_ order: [CommentTree.Entry]) -> [Int] {
        var ends = Array(repeating: order.count, count: order.count)
        var open: [Int] = []
        for (index, entry) in order.enumerated() {
            while let last = open.last, order[last].depth >= entry.depth {
                ends[last] = index
                open.removeLast()
            }
            open.append(index)
        }
        return ends
    }
}
