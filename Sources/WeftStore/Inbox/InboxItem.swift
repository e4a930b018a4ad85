import WeftCore

/// One thing in a person's inbox, delivered or held.
public struct InboxItem: Hashable, Sendable {
    /// Stable across runs: `<kind>:<id>` (a follow-up due also carries its due time,
    /// so moving the due date brings it back; a check-in its occurrence,
    /// `checkin:<id>:2026-11-20`; a digest its week, `digest:2026-W47`).
    public var id: String
    public var kind: InboxKind
    public var board: BoardSlug?
    /// The thread it belongs to (items are grouped by it); nil for none.
    public var thread: EventID?
    public var threadTitle: String?
    /// What opening the item shows: a post, or the post a follow-up or reminder
    /// is about; nil for a check-in (opening answers it) and a digest.
    public var target: EventID?
    /// The post, follow-up, decision, reminder or check-in the item is about;
    /// nil for a digest.
    public var subject: EventID?
    /// Who did it (nil for reminders and digests; a check-in's author).
    public var actor: Handle?
    public var arrived: Timestamp
    /// One line: a comment's first words, a follow-up's note, a reminder's note.
    public var summary: String
    /// A follow-up's due time.
    public var due: Timestamp?
    /// A check-in's occurrence (the person's local day, `2026-11-20`): the
    /// answer names it.
    public var occurrence: String?
    /// The week a digest covers.
    public var week: ISOWeek?
    /// When the policy delivers it.
    public var delivery: Delivery = .dropped
    public var seen = false

    public var deliveredAt: Timestamp? {
        if case .delivered(let at) = delivery { return at }
        return nil
    }

    public var heldUntil: Timestamp? {
        if case .held(let until) = delivery { return until }
        return nil
    }
}

/// A person's inbox at one moment.
public struct Inbox: Hashable, Sendable {
    /// Delivered and not done, newest first.
    public var items: [InboxItem]
    /// Waiting for the cadence, working hours or a snooze, soonest first.
    public var held: [InboxItem]
    public var now: Timestamp

    /// When the next held item is delivered: a screen must look again then.
    public var nextChange: Timestamp? { held.compactMap(\.heldUntil).min() }

    public var unseen: [InboxItem] { items.filter { !$0.seen } }

    /// Items grouped by thread, the group with the newest item first.
    public var groups: [(thread: EventID?, title: String?, items: [InboxItem])] {
        var order: [String] = []
        var byKey: [String: [InboxItem]] = [:]
        for item in items {
            let key = item.thread?.rawValue ?? item.id
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(item)
        }
        return order.map { key in
            let list = byKey[key] ?? []
            return (list.first?.thread, list.first?.threadTitle, list)
        }
    }

    /// `3 new · 1 follow-up due`, or nil when nothing is new.
    public var notifyLine: String? {
        let fresh = unseen
        guard !fresh.isEmpty else { return nil }
        var parts = ["\(fresh.count) new"]
        let due = fresh.count { $0.kind == .followupDue }
        if due > 0 { parts.append("\(due) follow-up\(due == 1 ? "" : "s") due") }
        let reminders = fresh.count { $0.kind == .reminder }
        if reminders > 0 { parts.append("\(reminders) reminder\(reminders == 1 ? "" : "s")") }
        let checkins = fresh.count { $0.kind == .checkin }
        if checkins > 0 { parts.append("\(checkins) check-in\(checkins == 1 ? "" : "s")") }
        if fresh.contains(where: { $0.kind == .digest }) { parts.append("digest ready") }
        return parts.joined(separator: " · ")
    }
}
