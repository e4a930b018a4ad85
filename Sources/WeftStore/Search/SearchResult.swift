import WeftCore

/// One thing a search found: a thread, a comment, a status update or a decision.
public struct SearchResult: Hashable, Sendable {
    public var kind: SearchQuery.Kind
    /// The post's id, the status update's id, or the decision's event id.
    public var id: EventID
    /// Nil for a status update posted to no board.
    public var board: BoardSlug?
    /// The thread a post or decision belongs to (a thread's own id for a thread).
    public var thread: EventID?
    /// The title of that thread.
    public var threadTitle: String?
    public var author: Handle
    public var at: Timestamp
    /// The text searched (title and body of a thread).
    public var text: String
    /// An excerpt around the first match, matches marked.
    public var snippet: [HighlightRun]
    /// Relevance with the recency boost; lower is better (0 for filter-only lists).
    public var score: Double
}
