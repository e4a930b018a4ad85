/// The payloads of every event type, in one place. Field names are the JSON keys
/// written to journals; `Docs/storage-format.md` documents each.

public struct BoardCreated: Hashable, Sendable, Codable {
    public var title: String
    public var purpose: String?
    public var visibility: Visibility
    public init(title: String, purpose: String? = nil, visibility: Visibility = .public) {
        self.title = title
        self.purpose = purpose
        self.visibility = visibility
    }
}

public struct BoardUpdated: Hashable, Sendable, Codable {
    public var title: String?
    public var purpose: String?
    public init(title: String? = nil, purpose: String? = nil) {
        self.title = title
        self.purpose = purpose
    }
}

public struct ThreadCreated: Hashable, Sendable, Codable {
    public var title: String
    public var blocks: [Block]
    public var mentions: [Handle]?
    public init(title: String, blocks: [Block], mentions: [Handle]? = nil) {
        self.title = title
        self.blocks = blocks
        self.mentions = mentions
    }
}

public struct CommentCreated: Hashable, Sendable, Codable {
    public var thread: EventID
    /// The comment this one replies to; nil for a top-level comment.
    public var parent: EventID?
    /// The id of the thread block this comment is about (a contextual comment).
    public var anchor: String?
    public var body: String
    public var mentions: [Handle]?
    public init(thread: EventID, parent: EventID? = nil, anchor: String? = nil, body: String, mentions: [Handle]? = nil) {
        self.thread = thread
        self.parent = parent
        self.anchor = anchor
        self.body = body
        self.mentions = mentions
    }
}

/// A new version of a thread (title and/or blocks) or a comment (body).
public struct PostEdited: Hashable, Sendable, Codable {
    public var target: EventID
    public var title: String?
    public var blocks: [Block]?
    public var body: String?
    public init(target: EventID, title: String? = nil, blocks: [Block]? = nil, body: String? = nil) {
        self.target = target
        self.title = title
        self.blocks = blocks
        self.body = body
    }
}

public struct PostRedacted: Hashable, Sendable, Codable {
    public var target: EventID
    public var reason: String?
    public init(target: EventID, reason: String? = nil) {
        self.target = target
        self.reason = reason
    }
}

public struct ReactionChange: Hashable, Sendable, Codable {
    public var target: EventID
    public var emoji: String
    public init(target: EventID, emoji: String) {
        self.target = target
        self.emoji = emoji
    }
}

public struct StatusPosted: Hashable, Sendable, Codable {
    public var kind: StatusKind
    public var text: String
    /// The check-in this update answers, and which occurrence of it (the
    /// answerer's local day, `2026-11-20`); both nil for a plain update.
    public var checkin: EventID?
    public var occurrence: String?
    public init(kind: StatusKind, text: String, checkin: EventID? = nil, occurrence: String? = nil) {
        self.kind = kind
        self.text = text
        self.checkin = checkin
        self.occurrence = occurrence
    }
}

public struct FollowupRequested: Hashable, Sendable, Codable {
    public var target: EventID
    public var assignee: Handle
    public var due: Timestamp
    public var note: String?
    public init(target: EventID, assignee: Handle, due: Timestamp, note: String? = nil) {
        self.target = target
        self.assignee = assignee
        self.due = due
        self.note = note
    }
}

public struct FollowupResolved: Hashable, Sendable, Codable {
    public var followup: EventID
    public var state: FollowUpState
    public var reason: String?
    public init(followup: EventID, state: FollowUpState, reason: String? = nil) {
        self.followup = followup
        self.state = state
        self.reason = reason
    }
}

public struct ThreadDecided: Hashable, Sendable, Codable {
    public var thread: EventID
    public var comment: EventID?
    public var summary: String?
    public init(thread: EventID, comment: EventID? = nil, summary: String? = nil) {
        self.thread = thread
        self.comment = comment
        self.summary = summary
    }
}

public struct ThreadReopened: Hashable, Sendable, Codable {
    public var thread: EventID
    public var reason: String?
    public init(thread: EventID, reason: String? = nil) {
        self.thread = thread
        self.reason = reason
    }
}

/// A member's profile; absent fields are left as they were.
public struct MemberProfile: Hashable, Sendable, Codable {
    public var name: String?
    public var tz: String?
    public var hours: String?
    /// Where the weekly digest is mailed (`weft digest --format email`).
    public var email: String?
    public init(name: String? = nil, tz: String? = nil, hours: String? = nil, email: String? = nil) {
        self.name = name
        self.tz = tz
        self.hours = hours
        self.email = email
    }
}

extension Timestamp: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a UTC ISO-8601 time: \(text)"))
        }
        self = t
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }
}
