import TerminalUI
import WeftCore
import WeftStore

/// What the Inbox screen keeps: the inbox as last computed and its rows (a
/// header per thread, then its items).
public struct InboxState: Equatable, Sendable {
    public internal(set) var inbox: Inbox?
    public internal(set) var rows: [InboxRow] = []
    public internal(set) var list = ListView()
    /// Someone wrote since the inbox was computed; it is computed again soon.
    var isStale = false

    /// Delivered items not done (shown in the title bar).
    public var count: Int? { inbox?.items.count }

    mutating func set(_ inbox: Inbox, height: Int) {
        let selected = list.selectedIndex.flatMap { $0 < rows.count ? rows[$0].key : nil }
        self.inbox = inbox
        rows = inbox.groups.flatMap { group -> [InboxRow] in
            [.group(thread: group.thread, title: group.title ?? group.items.first?.summary ?? "", items: group.items)]
                + group.items.map(InboxRow.item)
        }
        list.setRowCount(rows.count, height: height)
        if let selected, let index = rows.firstIndex(where: { $0.key == selected }) {
            list.select(index, height: height)
        }
    }

    var selected: InboxRow? {
        list.selectedIndex.flatMap { $0 < rows.count ? rows[$0] : nil }
    }
}

/// A row of the Inbox screen: a thread's header (acting on all its items) or one item.
public enum InboxRow: Hashable, Sendable {
    case group(thread: EventID?, title: String, items: [InboxItem])
    case item(InboxItem)

    var key: String {
        switch self {
        case .group(let thread, let title, _): "g:" + (thread?.rawValue ?? title)
        case .item(let item): item.id
        }
    }

    var items: [InboxItem] {
        switch self {
        case .group(_, _, let items): items
        case .item(let item): [item]
        }
    }

    /// A check-in or digest item (alone in its group, having no thread): Enter
    /// answers the check-in or opens the digest.
    var scheduledItem: InboxItem? {
        let only = items.count == 1 ? items.first : nil
        guard let only, only.kind == .checkin || only.kind == .digest else { return nil }
        return only
    }

    /// What Enter opens: the thread of the row.
    var thread: EventID? {
        switch self {
        case .group(let thread, _, _): thread
        case .item(let item): item.thread
        }
    }
}

/// The Follow-ups screen's tabs.
public enum FollowUpsTab: String, CaseIterable, Hashable, Sendable {
    case forMe = "for me", asked = "I asked", allOpen = "all open", reminders = "reminders"
}

/// A follow-up with the title of its thread, as the Follow-ups screen lists it.
public struct FollowUpEntry: Hashable, Sendable {
    public var followUp: FollowUp
    public var thread: EventID?
    public var title: String
}

/// What the Follow-ups screen keeps: open follow-ups, reminders and the tab.
public struct FollowUpsState: Equatable, Sendable {
    public internal(set) var tab: FollowUpsTab = .forMe
    public internal(set) var entries: [FollowUpEntry] = []
    public internal(set) var reminders: [Reminder] = []
    public internal(set) var reminderTitles: [EventID: String] = [:]
    public internal(set) var list = ListView()

    /// The rows of the current tab, soonest due first.
    func rows(viewer: Handle) -> [FollowUpsRow] {
        switch tab {
        case .forMe: entries.filter { $0.followUp.assignee == viewer }.map(FollowUpsRow.followUp)
        case .asked: entries.filter { $0.followUp.requester == viewer }.map(FollowUpsRow.followUp)
        case .allOpen: entries.map(FollowUpsRow.followUp)
        case .reminders: reminders.map(FollowUpsRow.reminder)
        }
    }
}

public enum FollowUpsRow: Hashable, Sendable {
    case followUp(FollowUpEntry)
    case reminder(Reminder)

    var due: Timestamp {
        switch self {
        case .followUp(let e): e.followUp.due
        case .reminder(let r): r.at
        }
    }

    var thread: EventID? {
        switch self {
        case .followUp(let e): e.thread
        case .reminder(let r): r.thread
        }
    }
}

/// The Settings screen's data: the public profile part and the private rest.
public struct SettingsSnapshot: Hashable, Sendable {
    public var timeZone: String
    public var hours: WorkingHours?
    public var prefs: NotificationPrefs
    public var boards: [BoardSlug]
}

public struct SettingsState: Equatable, Sendable {
    public internal(set) var snapshot: SettingsSnapshot?
    public internal(set) var list = ListView()

    var rows: [SettingsRow] {
        guard let s = snapshot else { return [] }
        return [.cadence, .timeZone, .hours, .workdays, .workCanWait, .snooze] + s.boards.map(SettingsRow.board)
    }
}

public enum SettingsRow: Hashable, Sendable {
    case cadence, timeZone, hours, workdays, workCanWait, snooze
    case board(BoardSlug)
}
