import WeftCore
import WeftStore

/// A request for rows `offset ..< offset + limit` of a board's thread list,
/// with the cheapest way to reach them.
///
/// An SQL offset walks every row it skips, so reaching row 99,000 of a long
/// board by counting from the top costs a hundred times more than row 990.
/// A page therefore starts next to a row already loaded when it can (moving
/// a line or a page past the window), or counts from the nearer end of the
/// list (`g`, `G`), so a page costs about the same anywhere in any board.
public struct ThreadPage: Hashable, Sendable {
    public var board: BoardSlug
    /// The list row of the first thread wanted.
    public var offset: Int
    public var limit: Int
    /// Walk from next to this thread (excluded), or from an end of the list
    /// when nil: the top going `.down`, the bottom going `.up`.
    public var anchor: ThreadAnchor?
    public var direction: ListDirection
    /// Threads to pass over first.
    public var skip: Int
    /// The board's filter and sort.
    public var options: ThreadListOptions

    /// Plans rows `offset ..< offset + limit` of a list of `total` rows,
    /// using the rows of `window` as starting points.
    init(board: BoardSlug, offset: Int, limit: Int, total: Int, window: ThreadWindow, options: ThreadListOptions = .default) {
        self.board = board
        self.options = options
        self.offset = offset
        self.limit = limit
        let end = offset + limit
        if offset == 0 {
            (anchor, direction, skip) = (nil, .down, 0)
        } else if let before = window.row(offset - 1) {
            (anchor, direction, skip) = (ThreadAnchor(before), .down, 0)
        } else if let after = window.row(end) {
            (anchor, direction, skip) = (ThreadAnchor(after), .up, 0)
        } else {
            // Nothing loaded touches the page: count from whatever is nearest.
            var best: (anchor: ThreadAnchor?, direction: ListDirection, skip: Int) = (nil, .down, offset)
            func consider(_ anchor: ThreadAnchor?, _ direction: ListDirection, _ skip: Int) {
                if skip >= 0, skip < best.skip {
                    best = (anchor, direction, skip)
                }
            }
            consider(nil, .up, total - end)
            if let last = window.rows.last {
                consider(ThreadAnchor(last), .down, offset - (window.offset + window.rows.count))
            }
            if let first = window.rows.first {
                consider(ThreadAnchor(first), .up, window.offset - end)
            }
            (anchor, direction, skip) = best
        }
    }
}
