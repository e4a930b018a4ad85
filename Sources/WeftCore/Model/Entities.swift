/// What the forum holds once its events are folded. These are read models:
/// they are rebuilt from events, never written directly.

public struct Board: Hashable, Sendable {
    public var slug: BoardSlug
    public var title: String
    public var purpose: String?
    public var visibility: Visibility
    public var createdAt: Timestamp
    public var createdBy: Handle

    public init(slug: BoardSlug, title: String, purpose: String? = nil, visibility: Visibility, createdAt: Timestamp, createdBy: Handle) {
        self.slug = slug
        self.title = title
        self.purpose = purpose
        self.visibility = visibility
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

public struct Member: Hashable, Sendable {
    public var handle: Handle
    public var name: String?
    public var timeZone: String?
    public var hours: WorkingHours?
    public var firstSeen: Timestamp
    /// Where the weekly digest is mailed; nil when not given.
    public var email: String? = nil

    public init(handle: Handle, name: String? = nil, timeZone: String? = nil, hours: WorkingHours? = nil, firstSeen: Timestamp,
                email: String? = nil) {
        self.handle = handle
        self.email = email
        self.name = name
        self.timeZone = timeZone
        self.hours = hours
        self.firstSeen = firstSeen
    }
}

/// A former version of a post, kept when it is edited.
public struct Revision: Hashable, Sendable {
    public var at: Timestamp
    public var title: String?
    public var text: String

    public init(at: Timestamp, title: String? = nil, text: String) {
        self.at = at
        self.title = title
        self.text = text
    }
}

public struct ForumThread: Hashable, Sendable {
    public var id: EventID
    public var board: BoardSlug
    public var author: Handle
    public var createdAt: Timestamp
    public var title: String
    public var blocks: [Block]
    public var mentions: [Handle]
    /// Older versions, oldest first (empty when never edited).
    public var history: [Revision] = []
    public var editedAt: Timestamp? = nil
    public var redacted = false
    public var lastActivity: Timestamp
    public var decision: Decision?

    public init(id: EventID, board: BoardSlug, author: Handle, createdAt: Timestamp, title: String, blocks: [Block], mentions: [Handle], history: [Revision] = [], editedAt: Timestamp? = nil, lastActivity: Timestamp, decision: Decision? = nil) {
        self.id = id
        self.board = board
        self.author = author
        self.createdAt = createdAt
        self.title = title
        self.blocks = blocks
        self.mentions = mentions
        self.history = history
        self.editedAt = editedAt
        self.lastActivity = lastActivity
        self.decision = decision
    }
}

public struct Comment: Hashable, Sendable {
    public var id: EventID
    public var thread: EventID
    public var board: BoardSlug
    public var parent: EventID?
    public var anchor: String?
    public var author: Handle
    public var createdAt: Timestamp
    public var body: String
    public var mentions: [Handle]
    public var history: [Revision] = []
    public var editedAt: Timestamp? = nil
    public var redacted = false

    public init(id: EventID, thread: EventID, board: BoardSlug, parent: EventID? = nil, anchor: String? = nil, author: Handle, createdAt: Timestamp, body: String, mentions: [Handle], history: [Revision] = [], editedAt: Timestamp? = nil) {
        self.id = id
        self.thread = thread
        self.board = board
        self.parent = parent
        self.anchor = anchor
        self.author = author
        self.createdAt = createdAt
        self.body = body
        self.mentions = mentions
        self.history = history
        self.editedAt = editedAt
    }
}

public struct StatusUpdate: Hashable, Sendable {
    public var id: EventID
    public var board: BoardSlug?
    public var author: Handle
    public var at: Timestamp
    public var kind: StatusKind
    public var text: String
    /// The check-in this update answers and the occurrence (answerer's local day).
    public var checkin: EventID?
    public var occurrence: String?

    public init(id: EventID, board: BoardSlug? = nil, author: Handle, at: Timestamp, kind: StatusKind, text: String,
                checkin: EventID? = nil, occurrence: String? = nil) {
        self.id = id
        self.board = board
        self.author = author
        self.at = at
        self.kind = kind
        self.text = text
        self.checkin = checkin
        self.occurrence = occurrence
    }
}

public struct FollowUp: Hashable, Sendable {
    public var id: EventID
    public var board: BoardSlug
    public var target: EventID
    public var requester: Handle
    public var assignee: Handle
    public var due: Timestamp
    public var note: String?
    public var state: FollowUpState
    public var reason: String?
    public var createdAt: Timestamp

    public init(id: EventID, board: BoardSlug, target: EventID, requester: Handle, assignee: Handle, due: Timestamp, note: String? = nil, state: FollowUpState, reason: String? = nil, createdAt: Timestamp) {
        self.id = id
        self.board = board
        self.target = target
        self.requester = requester
        self.assignee = assignee
        self.due = due
        self.note = note
        self.state = state
        self.reason = reason
        self.createdAt = createdAt
    }
}

public struct Decision: Hashable, Sendable {
    public var id: EventID
    public var thread: EventID
    public var comment: EventID?
    public var summary: String?
    public var author: Handle
    public var at: Timestamp
    /// True for a `thread.reopened` entry in a thread's decision history.
    public var isReopening: Bool

    public init(id: EventID, thread: EventID, comment: EventID? = nil, summary: String? = nil, author: Handle, at: Timestamp, isReopening: Bool) {
        self.id = id
        self.thread = thread
        self.comment = comment
        self.summary = summary
        self.author = author
        self.at = at
        self.isReopening = isReopening
    }
}

/// One emoji on one post and who gave it.
public struct Reaction: Hashable, Sendable {
    public var emoji: String
    public var authors: [Handle]

    public init(emoji: String, authors: [Handle]) {
        self.emoji = emoji
        self.authors = authors
    }
}
