import Foundation
import WeftCore
import WeftStore

/// The `--json` shapes. Field names are part of the CLI's contract (Docs/cli.md);
/// times are UTC ISO-8601 strings.
struct BoardJSON: Encodable {
    var slug, title: String
    var purpose: String?
    var visibility, createdAt, createdBy: String
    var threads, posts, unread: Int?
    var lastActivity: String?
    var starred: Bool?
    /// A private board's members (`weft board show`), sorted.
    var members: [String]?

    init(_ b: Board, summary: BoardSummary? = nil, starred: Bool? = nil) {
        slug = b.slug.rawValue
        title = b.title
        purpose = b.purpose
        visibility = b.visibility.rawValue
        createdAt = b.createdAt.iso8601
        createdBy = b.createdBy.rawValue
        threads = summary?.threads
        posts = summary?.posts
        unread = summary?.unread
        lastActivity = summary?.lastActivity?.iso8601
        self.starred = starred
    }
}

struct ThreadJSON: Encodable {
    var id, board, title, author, createdAt, lastActivity: String
    var replies, unread: Int
    var decided, redacted, pinned: Bool

    init(_ t: ThreadSummary) {
        id = t.id.rawValue
        board = t.board.rawValue
        title = t.redacted ? "" : t.title
        author = t.author.rawValue
        createdAt = t.createdAt.iso8601
        lastActivity = t.lastActivity.iso8601
        replies = t.replies
        unread = t.unread
        decided = t.decided
        redacted = t.redacted
        pinned = t.pinned
    }
}

struct ReactionJSON: Encodable {
    var emoji: String
    var authors: [String]
}

struct BlockJSON: Encodable {
    var id, text: String
}

struct PostJSON: Encodable {
    var id, kind, board, thread, author, createdAt, body: String
    var title, parent, anchor, editedAt: String?
    var blocks: [BlockJSON]?
    var mentions: [String]
    var redacted, unread: Bool
    var reactions: [ReactionJSON]

    init(_ p: PostView) {
        id = p.id.rawValue
        kind = p.kind == .thread ? "thread" : "comment"
        board = p.board.rawValue
        thread = p.thread.rawValue
        author = p.author.rawValue
        createdAt = p.createdAt.iso8601
        body = p.body
        title = p.title
        parent = p.parent?.rawValue
        anchor = p.anchor
        editedAt = p.editedAt?.iso8601
        blocks = p.kind == .thread ? p.blocks.map { BlockJSON(id: $0.id, text: $0.text) } : nil
        mentions = p.mentions.map(\.rawValue)
        redacted = p.redacted
        unread = p.unread
        reactions = p.reactions.map { ReactionJSON(emoji: $0.emoji, authors: $0.authors.map(\.rawValue)) }
    }
}

struct DecisionJSON: Encodable {
    var id, author, at: String
    var comment, summary: String?

    init(_ d: Decision) {
        id = d.id.rawValue
        author = d.author.rawValue
        at = d.at.iso8601
        comment = d.comment?.rawValue
        summary = d.summary
    }
}

struct ThreadDetailJSON: Encodable {
    var thread: PostJSON
    var comments: [PostJSON]
    var decision: DecisionJSON?
}

struct StatusJSON: Encodable {
    var id, author, at, kind, text: String
    var board: String?
    var checkin, occurrence: String?

    init(_ s: StatusUpdate) {
        checkin = s.checkin?.rawValue
        occurrence = s.occurrence
        id = s.id.rawValue
        author = s.author.rawValue
        at = s.at.iso8601
        kind = s.kind.rawValue
        text = s.text
        board = s.board?.rawValue
    }
}

struct MemberJSON: Encodable {
    var handle, firstSeen: String
    var name, timeZone, workingHours, localTime: String?
    var inWorkingHours: Bool?
    /// admin, member or guest (set by 'weft member list').
    var role: String?
    var email: String?

    init(_ m: Member, now: Timestamp) {
        email = m.email
        handle = m.handle.rawValue
        firstSeen = m.firstSeen.iso8601
        name = m.name
        timeZone = m.timeZone
        workingHours = m.hours?.description
        let presence = Presence(m, now: now)
        localTime = presence.localClock
        inWorkingHours = presence.inWorkingHours
    }
}

/// Where a member is in their day right now.
struct Presence {
    var localClock: String?
    var inWorkingHours: Bool?

    init(_ m: Member, now: Timestamp) {
        guard let name = m.timeZone, let tz = TimeZone(identifier: name) else { return }
        let local = LocalTime(tz)
        localClock = local.clock(now)
        if let hours = m.hours {
            // Monday to Friday; hours crossing midnight belong to the day they start on.
            inWorkingHours = WorkSchedule(hours: hours).contains(now, in: local)
        }
    }
}

struct CreatedJSON: Encodable {
    var id, type, at, author: String
    var board: String?
}
