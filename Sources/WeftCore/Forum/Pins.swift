/// A thread pinned to the top of its board's list, for everyone.
public struct Pin: Hashable, Sendable {
    public var thread: EventID
    public var board: BoardSlug
    public var by: Handle
    public var at: Timestamp

    public init(thread: EventID, board: BoardSlug, by: Handle, at: Timestamp) {
        self.thread = thread
        self.board = board
        self.by = by
        self.at = at
    }
}

extension Forum {
    /// Whether `who` may pin and unpin threads of `board`: its admin, the person
    /// who created it. Pins by anyone else are ignored (and reported by the CLI
    /// before they are written).
    public static func may(_ who: Handle, pinIn board: Board?) -> Bool {
        guard let board else { return false }
        return board.createdBy == who
    }
}
