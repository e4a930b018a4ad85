/// The names a journal line is made of, each found from raw bytes by ``ByteNames``.

/// Every key of a line Weft reads: the envelope's and every payload's.
enum LineKey: Int, CaseIterable {
    case v, id, at, author, type
    case title, purpose, visibility, blocks, mentions, thread, parent, anchor, body, target, emoji, kind, text
    case checkin, occurrence, assignee, due, note, followup, state, reason, comment, summary
    case name, tz, hours, email, handle, role, added, removed, question, every, audience

    /// The key as written in lines (the case's name).
    var name: String { Self.names[rawValue] }

    static let names = [
        "v", "id", "at", "author", "type",
        "title", "purpose", "visibility", "blocks", "mentions", "thread", "parent", "anchor", "body", "target", "emoji",
        "kind", "text",
        "checkin", "occurrence", "assignee", "due", "note", "followup", "state", "reason", "comment", "summary",
        "name", "tz", "hours", "email", "handle", "role", "added", "removed", "question", "every", "audience",
    ]

    static let table = ByteNames(names)

    /// At least `allCases.count`: the size of ``LineFields``' table of values.
    static var capacity: Int { 40 }
}

/// Every event type, as the `type` field names it.
enum LineType: Int, CaseIterable {
    case boardCreated, boardUpdated, threadCreated, commentCreated, postEdited, postRedacted, reactionAdded
    case reactionRemoved, statusPosted, followupRequested, followupResolved, threadDecided, threadReopened
    case memberProfile, memberRole, boardMembers, boardVisibility, threadPinned, threadUnpinned
    case checkinScheduled, checkinPaused, checkinResumed, checkinDeleted, followupRescheduled

    static let names = [
        "board.created", "board.updated", "thread.created", "comment.created", "post.edited", "post.redacted",
        "reaction.added", "reaction.removed", "status.posted", "followup.requested", "followup.resolved",
        "thread.decided", "thread.reopened", "member.profile", "member.role", "board.members", "board.visibility",
        "thread.pinned", "thread.unpinned", "checkin.scheduled", "checkin.paused", "checkin.resumed",
        "checkin.deleted", "followup.rescheduled",
    ]

    static let table = ByteNames(names)

    /// The type named by `bytes` (a line's `type`, unescaped).
    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> LineType? {
        table.find(bytes).flatMap(LineType.init(rawValue:))
    }
}
