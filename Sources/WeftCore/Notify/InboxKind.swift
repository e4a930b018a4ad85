/// Why something is in a person's inbox. New kinds are added here, with the
/// board level that admits them.
public enum InboxKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Someone mentioned you (`@you`) in a thread or comment.
    case mention
    /// Someone replied to your comment.
    case reply
    /// Someone commented on a thread you started.
    case commentOnYourThread = "comment-on-your-thread"
    /// Someone commented on a thread you follow.
    case followedThread = "followed-thread"
    /// A new thread on a board you watch or track.
    case newThread = "new-thread"
    /// A comment on a board you watch.
    case boardActivity = "board-activity"
    /// Someone asked you to follow up.
    case followupAsked = "followup-asked"
    /// A follow-up asked of you is due within 24 hours or overdue.
    case followupDue = "followup-due"
    /// A follow-up you asked for was done, declined or cancelled.
    case followupResolved = "followup-resolved"
    /// A thread you follow was decided (or reopened).
    case decision
    /// A reminder you set is due.
    case reminder
    /// A check-in asks you its question (one occurrence, in your time zone).
    case checkin
    /// Your weekly digest is ready (only with a weekly cadence).
    case digest

    /// The lowest board level at which the kind is delivered.
    public var minimumLevel: BoardLevel {
        switch self {
        case .boardActivity: .watching
        case .newThread: .tracking
        case .mention, .reply, .commentOnYourThread, .followedThread, .followupResolved, .decision: .normal
        // Asked of you (a check-in's audience), or set by you: even a muted board lets them through.
        // A digest belongs to no board.
        case .followupAsked, .followupDue, .reminder, .checkin, .digest: .muted
        }
    }

    /// Delivered at its time, whatever the cadence and working hours (a
    /// reminder is a time the person chose); snooze-all still holds it.
    /// A check-in's occurrence is not exact: like a follow-up due, it waits for
    /// the cadence and working hours. A digest arrives at a slot of the weekly
    /// cadence itself, so only working hours or a snooze can move it.
    public var isExact: Bool { self == .reminder }

    /// A short label for lists: "mention", "follow-up due".
    public var label: String {
        switch self {
        case .mention: "mention"
        case .reply: "reply"
        case .commentOnYourThread: "comment on your thread"
        case .followedThread: "comment"
        case .newThread: "new thread"
        case .boardActivity: "comment"
        case .followupAsked: "follow-up asked"
        case .followupDue: "follow-up due"
        case .followupResolved: "follow-up resolved"
        case .decision: "decision"
        case .reminder: "reminder"
        case .checkin: "check-in"
        case .digest: "weekly digest"
        }
    }
}

/// How closely a person follows a board, like Discourse's levels.
public enum BoardLevel: String, CaseIterable, Hashable, Sendable, Comparable, Codable {
    /// Nothing from the board, except follow-ups asked of you and your reminders.
    case muted
    /// Only when involved: mentions, replies, your and followed threads.
    case normal
    /// Also every new thread.
    case tracking
    /// Also every comment.
    case watching

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: BoardLevel, b: BoardLevel) -> Bool { a.rank < b.rank }

    public init(parsing text: String) throws(ValidationError) {
        guard let l = BoardLevel(rawValue: text.lowercased()) else { throw .badBoardLevel(text) }
        self = l
    }
}
