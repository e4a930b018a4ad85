/// One line of a journal: an envelope (`v`, `id`, `at`, `author`, `type`) and a payload.
public struct Event: Hashable, Sendable {
    public var id: EventID
    public var at: Timestamp
    /// The author the line claims. Readers take the author from the journal's file
    /// name and reject a line whose claim differs.
    public var author: Handle?
    public var payload: Payload

    public init(id: EventID, at: Timestamp, author: Handle?, payload: Payload) {
        self.id = id
        self.at = at
        self.author = author
        self.payload = payload
    }

    public var type: String { payload.type }
}

/// Every event type Weft knows.
public enum Payload: Hashable, Sendable {
    case boardCreated(BoardCreated)
    case boardUpdated(BoardUpdated)
    case threadCreated(ThreadCreated)
    case commentCreated(CommentCreated)
    case postEdited(PostEdited)
    case postRedacted(PostRedacted)
    case reactionAdded(ReactionChange)
    case reactionRemoved(ReactionChange)
    case statusPosted(StatusPosted)
    case followupRequested(FollowupRequested)
    case followupResolved(FollowupResolved)
    case threadDecided(ThreadDecided)
    case threadReopened(ThreadReopened)
    case memberProfile(MemberProfile)
    /// Roles, board membership and visibility (Payloads+Access.swift).
    case access(AccessChange)
    case threadPinned(ThreadPin)
    case threadUnpinned(ThreadPin)
    case checkinScheduled(CheckinScheduled)
    case checkinPaused(CheckinChange)
    case checkinResumed(CheckinChange)
    case checkinDeleted(CheckinChange)
    case followupRescheduled(FollowupRescheduled)

    /// The `type` string written in the envelope.
    public var type: String {
        switch self {
        case .boardCreated: "board.created"
        case .boardUpdated: "board.updated"
        case .threadCreated: "thread.created"
        case .commentCreated: "comment.created"
        case .postEdited: "post.edited"
        case .postRedacted: "post.redacted"
        case .reactionAdded: "reaction.added"
        case .reactionRemoved: "reaction.removed"
        case .statusPosted: "status.posted"
        case .followupRequested: "followup.requested"
        case .followupResolved: "followup.resolved"
        case .threadDecided: "thread.decided"
        case .threadReopened: "thread.reopened"
        case .memberProfile: "member.profile"
        case .access(let a): a.type
        case .threadPinned: "thread.pinned"
        case .threadUnpinned: "thread.unpinned"
        case .checkinScheduled: "checkin.scheduled"
        case .checkinPaused: "checkin.paused"
        case .checkinResumed: "checkin.resumed"
        case .checkinDeleted: "checkin.deleted"
        case .followupRescheduled: "followup.rescheduled"
        }
    }

    /// Types that may only appear in a board's journal (never space-level).
    public var belongsToBoard: Bool {
        switch self {
        case .memberProfile: false
        case .statusPosted: false  // allowed in both
        case .access(.role): false
        default: true
        }
    }

    /// Types allowed in the space-level journal.
    public var allowedAtSpaceLevel: Bool {
        switch self {
        case .memberProfile, .statusPosted: true
        case .access(.role): true
        default: false
        }
    }
}
