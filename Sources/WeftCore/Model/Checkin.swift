/// A recurring question on a board, as its events leave it.
public struct Checkin: Hashable, Sendable {
    public enum State: String, Sendable, CaseIterable {
        case active, paused, deleted
    }

    public var id: EventID
    public var board: BoardSlug
    public var author: Handle
    public var createdAt: Timestamp
    public var question: String
    public var every: Recurrence
    /// Empty means everyone in the space.
    public var audience: [Handle]
    public var state: State
    public var changedAt: Timestamp

    public init(id: EventID, board: BoardSlug, author: Handle, createdAt: Timestamp, question: String, every: Recurrence,
                audience: [Handle], state: State = .active, changedAt: Timestamp? = nil) {
        self.id = id
        self.board = board
        self.author = author
        self.createdAt = createdAt
        self.question = question
        self.every = every
        self.audience = audience
        self.state = state
        self.changedAt = changedAt ?? createdAt
    }

    /// Whether `who` is asked this question.
    public func asks(_ who: Handle) -> Bool { audience.isEmpty || audience.contains(who) }
}
