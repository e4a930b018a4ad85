import WeftCore
import WeftStore

/// Effects of the inbox, follow-ups, reminders and settings.
extension EffectRunner {
    func inboxAnswer(_ effect: Effect) throws(StoreError) -> Action? {
        switch effect {
        case .loadInbox:
            return .inboxLoaded(try store.inbox())
        case .loadFollowUps:
            var entries: [FollowUpEntry] = []
            for f in try store.index.followUps(state: .open) {
                let target = try store.index.threadOf(post: f.target)
                entries.append(FollowUpEntry(followUp: f, thread: target?.thread, title: target?.title ?? f.target.short))
            }
            let reminders = try store.index.reminders()
            var titles: [EventID: String] = [:]
            for r in reminders {
                guard let thread = r.thread, titles[thread] == nil, let target = try store.index.threadOf(post: thread) else { continue }
                titles[thread] = target.title
            }
            return .followUpsLoaded(entries, reminders, titles: titles)
        case .loadSettings:
            let member = try store.index.member(viewer)
            let boards = try store.index.boardActivity().map(\.board.slug)
            return .settingsLoaded(SettingsSnapshot(timeZone: store.viewerTimeZone().identifier, hours: member?.hours,
                                                    prefs: try store.index.notificationPrefs(), boards: boards))
        case .perform(let change):
            return try perform(change)
        default:
            return nil
        }
    }

    private func perform(_ change: Change) throws(StoreError) -> Action? {
        let local = LocalTime(store.viewerTimeZone())
        switch change {
        case .askFollowUp(let target, let assignee, let due, let note):
            guard let post = try store.index.post(target, viewer: viewer) else { throw .unknownID(target.short) }
            try store.askFollowUp(on: post, assignee: assignee, due: due, note: note)
            return .changed("Asked \(assignee) to follow up by \(local.format(due))")
        case .resolveFollowUp(let id, let state, let reason):
            guard let f = try store.followUp(id) else { throw .unknownID(id.short) }
            try store.resolveFollowUp(f, state, reason: reason)
            return .changed("Follow-up \(state.rawValue)")
        case .rescheduleFollowUp(let id, let due):
            guard let f = try store.followUp(id) else { throw .unknownID(id.short) }
            try store.rescheduleFollowUp(f, due: due)
            return .changed("Now due \(local.format(due))")
        case .remind(let target, let at, let note):
            guard let post = try store.index.post(target, viewer: viewer) else { throw .unknownID(target.short) }
            _ = try store.remind(post, at: at, note: note)
            return .changed("I will remind you at \(local.format(at))")
        case .reminderDone(let id):
            try store.index.setReminder(id, done: true)
            return .changed("Reminder done")
        case .moveReminder(let id, let at):
            try store.index.moveReminder(id, to: at)
            return .changed("I will remind you at \(local.format(at))")
        case .setFollowing(let thread, let on):
            try store.index.setFollowing(thread, on, at: store.now)
            return .changed(on ? "Following this thread" : "Stopped following this thread")
        case .toggleFollowing(let thread):
            let on = try !store.isFollowing(thread)
            try store.index.setFollowing(thread, on, at: store.now)
            return .changed(on ? "Following this thread: its comments come to your inbox" : "Stopped following this thread")
        case .inboxDone(let items):
            try store.markInboxDone(items)
            return .changed("\(items.count) done")
        case .inboxSeen(let ids):
            try store.index.markInboxSeen(ids, at: store.now)
            return nil
        case .inboxSnooze(let ids, let until):
            try store.index.snoozeInbox(ids, until: until)
            return .changed("Snoozed until \(local.format(until))")
        case .cadence(let c):
            try store.index.setCadence(c)
            return .changed("Cadence: \(c)")
        case .profile(let tz, let hours):
            try store.append(.memberProfile(MemberProfile(tz: tz, hours: hours)), board: nil)
            return .changed("Profile saved (public)")
        case .workdays(let days):
            try store.index.setWorkdays(days)
            return .changed("Working days: \(WorkSchedule.daysText(days))")
        case .workCanWait(let on):
            try store.index.setHoldOutsideHours(on)
            return .changed(on ? "Work can wait: on" : "Work can wait: off")
        case .snoozeAll(let until):
            try store.index.setSnooze(until.map { Snooze(from: store.now, until: $0) })
            return .changed(until.map { "Snoozed until \(local.format($0))" } ?? "Snooze off")
        case .board(let slug, let level, let cadence):
            let prefs = try store.index.notificationPrefs()
            if prefs.boardLevels[slug] ?? .normal != level { try store.index.setBoardLevel(slug, level, at: store.now) }
            if prefs.boardCadences[slug] != cadence { try store.index.setBoardCadence(slug, cadence, at: store.now) }
            return .changed("#\(slug): \(level.rawValue)" + (cadence.map { ", \($0)" } ?? ""))
        case .boardMembers, .boardVisibility:
            return try boardAnswer(.perform(change))
        }
    }
}
