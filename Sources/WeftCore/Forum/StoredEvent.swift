/// An event together with where it was read: the author is the journal's owner
/// (never the line's claim) and the board is the directory the journal lives in.
public struct StoredEvent: Hashable, Sendable {
    public var event: Event
    public var author: Handle
    public var board: BoardSlug?

    public init(event: Event, author: Handle, board: BoardSlug?) {
        self.event = event
        self.author = author
        self.board = board
    }

    /// The order in which events take effect: by time, then by id.
    public static func applicationOrder(_ a: StoredEvent, _ b: StoredEvent) -> Bool {
        a.event.at != b.event.at ? a.event.at < b.event.at : a.event.id < b.event.id
    }
}
