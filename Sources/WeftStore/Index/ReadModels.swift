import WeftCore

/// A board as lists show it.
public struct BoardSummary: Hashable, Sendable {
    public var board: Board
    public var threads: Int
    public var posts: Int
    public var unread: Int
    public var lastActivity: Timestamp?
}

/// A thread as a board's list shows it.
public struct ThreadSummary: Hashable, Sendable {
    public var id: EventID
    public var board: BoardSlug
    public var title: String
    public var author: Handle
    public var createdAt: Timestamp
    public var lastActivity: Timestamp
    public var replies: Int
    public var unread: Int
    public var decided: Bool
    public var redacted: Bool
    public var pinned: Bool = false
    /// Where the list query placed it (see ``ThreadAnchor``).
    public var sortKey: String = ""
}

/// A thread or comment as it reads now (latest edit applied, redactions hidden).
public struct PostView: Hashable, Sendable {
    public enum Kind: Int, Sendable { case thread = 0, comment = 1 }
    public var id: EventID
    public var kind: Kind
    public var board: BoardSlug
    public var thread: EventID
    public var parent: EventID?
    public var anchor: String?
    public var author: Handle
    public var createdAt: Timestamp
    public var title: String?
    public var body: String
    public var blocks: [Block]
    public var mentions: [Handle]
    public var editedAt: Timestamp?
    public var redacted: Bool
    public var reactions: [Reaction]
    public var unread: Bool
}

/// A thread with everything shown on its page.
public struct ThreadDetail: Hashable, Sendable {
    public var board: Board
    public var thread: PostView
    /// In creation order; see ``CommentTree`` for the threaded order.
    public var comments: [PostView]
    public var decision: Decision?
    /// Every decision and reopening of the thread, oldest first (filled by
    /// `Index.decisionHistory(thread:)` where a screen shows it).
    public var decisionHistory: [Decision] = []
}

/// What an id prefix resolved to.
public struct ResolvedID: Hashable, Sendable {
    public enum Kind: String, Sendable { case thread, comment, status, followup }
    public var id: EventID
    public var kind: Kind
    public var board: BoardSlug?
}
