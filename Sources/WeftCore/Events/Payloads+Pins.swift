/// `thread.pinned` / `thread.unpinned`: a board admin keeps a thread at the top
/// of the board's list for everyone (or stops doing so).
public struct ThreadPin: Hashable, Sendable, Codable {
    public var thread: EventID
    public init(thread: EventID) {
        self.thread = thread
    }
}
