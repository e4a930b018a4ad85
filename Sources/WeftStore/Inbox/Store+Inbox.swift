import Foundation
import WeftCore

/// The inbox: candidates from the index and private state, decided by WeftCore's
/// ``NotificationPolicy`` (the only place the delivery rules live).
extension Store {
    /// The viewer's notification settings: time zone and working hours from their
    /// profile, the rest from private state.
    public func notificationSettings() throws(StoreError) -> NotificationSettings {
        let prefs = try index.notificationPrefs()
        let member = try index.member(me)
        return NotificationSettings(
            timeZone: viewerTimeZone(), cadence: prefs.cadence, boardCadence: prefs.boardCadences,
            boardLevel: prefs.boardLevels, schedule: member?.hours.map { WorkSchedule(hours: $0, days: prefs.workdays) },
            holdOutsideHours: prefs.holdOutsideHours, snooze: prefs.snooze)
    }

    /// The inbox at `now` (default: the store's clock).
    public func inbox(at now: Timestamp? = nil) throws(StoreError) -> Inbox {
        let now = now ?? self.now
        let prefs = try index.notificationPrefs()
        let settings = try notificationSettings()
        let policy = NotificationPolicy(settings)
        let marks = try index.inboxMarks()
        var delivered: [InboxItem] = [], held: [InboxItem] = []
        let candidates = try index.inboxCandidates(me: me, prefs: prefs)
            + scheduledInboxItems(cadence: settings.cadence, zone: settings.timeZone, now: now)
        for var item in candidates {
            let mark = marks[item.id]
            if mark?.doneAt != nil { continue }
            let candidate = InboxCandidate(kind: item.kind, board: item.board, arrived: item.arrived,
                                           snoozedUntil: mark?.snoozedUntil)
            item.delivery = policy.decide(candidate, now: now)
            item.seen = mark?.seenAt != nil
            switch item.delivery {
            case .delivered: delivered.append(item)
            case .held: held.append(item)
            case .dropped: break
            }
        }
        delivered.sort { ($0.deliveredAt ?? now, $0.arrived, $0.id) > ($1.deliveredAt ?? now, $1.arrived, $1.id) }
        held.sort { ($0.heldUntil ?? now, $0.id) < ($1.heldUntil ?? now, $1.id) }
        return Inbox(items: delivered, held: held, now: now)
    }
}

extension Store {
    /// Sets a private reminder on a post.
    public func remind(_ post: PostView, at: Timestamp, note: String?) throws(StoreError) -> Reminder {
        var rng = SystemRandomNumberGenerator()
        let r = Reminder(id: EventID.make(at: now, random: &rng), target: post.id, thread: post.thread, board: post.board,
                         at: at, note: note, createdAt: now)
        try index.addReminder(r)
        return r
    }

    /// Marks inbox items done (a reminder's item also marks the reminder done).
    public func markInboxDone(_ items: [InboxItem]) throws(StoreError) {
        try index.markInboxDone(items.map(\.id), at: now)
        for item in items where item.kind == .reminder {
            guard let reminder = item.subject else { continue }
            try index.setReminder(reminder, done: true)
        }
    }

    /// Whether the viewer follows `thread` (by hand, or by taking part in it).
    public func isFollowing(_ thread: EventID) throws(StoreError) -> Bool {
        if let manual = try index.manualFollows()[thread] { return manual.following }
        return try index.takesPart(in: thread, me: me)
    }
}
