import WeftCore
import WeftStore

/// `--json` shapes of follow-ups, reminders, the inbox and notification settings
/// (field names are part of the CLI's contract, Docs/cli.md; times are UTC).
struct FollowUpJSON: Encodable {
    var id, board, target, requester, assignee, due, state, createdAt: String
    var note, reason, thread, threadTitle: String?
    var overdue: Bool

    init(_ f: FollowUp, thread: PostView?, title: String?, now: Timestamp) {
        id = f.id.rawValue
        board = f.board.rawValue
        target = f.target.rawValue
        requester = f.requester.rawValue
        assignee = f.assignee.rawValue
        due = f.due.iso8601
        state = f.state.rawValue
        createdAt = f.createdAt.iso8601
        note = f.note
        reason = f.reason
        self.thread = thread?.thread.rawValue
        threadTitle = title
        overdue = f.state == .open && f.due < now
    }
}

struct ReminderJSON: Encodable {
    var id, target, at, createdAt: String
    var thread, board, note: String?
    var done: Bool

    init(_ r: Reminder) {
        id = r.id.rawValue
        target = r.target.rawValue
        at = r.at.iso8601
        createdAt = r.createdAt.iso8601
        thread = r.thread?.rawValue
        board = r.board?.rawValue
        note = r.note
        done = r.done
    }
}

struct InboxItemJSON: Encodable {
    var id, kind, arrived, summary: String
    var target, subject, board, thread, threadTitle, actor, deliveredAt, heldUntil, due: String?
    /// A check-in item: the check-in and the occurrence an answer names.
    var checkin, occurrence: String?
    /// A digest item: the ISO week it covers.
    var week: String?
    var seen: Bool

    init(_ i: InboxItem) {
        id = i.id
        kind = i.kind.rawValue
        target = i.target?.rawValue
        subject = i.subject?.rawValue
        arrived = i.arrived.iso8601
        summary = i.summary
        board = i.board?.rawValue
        thread = i.thread?.rawValue
        threadTitle = i.threadTitle
        actor = i.actor?.rawValue
        deliveredAt = i.deliveredAt?.iso8601
        heldUntil = i.heldUntil?.iso8601
        due = i.due?.iso8601
        seen = i.seen
        checkin = i.kind == .checkin ? i.subject?.rawValue : nil
        occurrence = i.occurrence
        week = i.week?.description
    }
}

struct InboxJSON: Encodable {
    var now: String
    var items: [InboxItemJSON]
    var held: [InboxItemJSON]?
    var nextChange: String?
}

struct SettingsJSON: Encodable {
    struct BoardJSON: Encodable {
        var board, level: String
        var cadence: String?
    }
    var handle, timeZone, cadence, workdays: String
    var workingHours: String?
    var workCanWait: Bool
    var snoozedUntil: String?
    var boards: [BoardJSON]
}
