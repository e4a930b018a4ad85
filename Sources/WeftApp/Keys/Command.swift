import TerminalUI

/// The key table: everything the user can do, each command with its keys,
/// its help text, its category and the contexts it works in.
///
/// This is the one place keys are defined (like zulip-terminal's `keys.py`):
/// the reducer looks keys up here, and the help overlay, the status line and
/// `Docs/keys.md` (`weft dev keys-doc`) are generated from it, so none of them
/// can list a key that does not work or miss one that does.
///
/// ```swift
/// Command.matching(.char("j"), in: .board)   // .moveDown
/// ```
public enum Command: String, CaseIterable, Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back, nextUnread, previousUnread
    case switchFocus, help, quit
    case click, wheel
    case openInbox, followUp, remindMe, toggleFollow, markDone, markAllDone, snooze, decline, cancelFollowUp, changeDue
    case nextTab, previousTab

    /// The keys (or mouse actions) that run the command.
    public var bindings: [KeyBinding] {
        switch self {
        case .moveDown: [.key(.char("j"), "j"), .key(.down, "↓")]
        case .moveUp: [.key(.char("k"), "k"), .key(.up, "↑")]
        case .pageDown: [.key(.pageDown, "PgDn"), .key(.ctrl("f"), "Ctrl-F"), .key(.char(" "), "Space")]
        case .pageUp: [.key(.pageUp, "PgUp"), .key(.ctrl("b"), "Ctrl-B")]
        case .top: [.key(.char("g"), "g"), .key(.home, "Home")]
        case .bottom: [.key(.char("G"), "G"), .key(.end, "End")]
        case .open: [.key(.enter, "Enter")]
        case .back: [.key(.char("q"), "q"), .key(.escape, "Esc")]
        case .nextUnread: [.key(.char("n"), "n")]
        case .previousUnread: [.key(.char("p"), "p")]
        case .switchFocus: [.key(.tab, "Tab")]
        case .help: [.key(.char("?"), "?")]
        case .quit: [.key(.ctrl("c"), "Ctrl-C")]
        case .click: [.mouse(.click, "click")]
        case .wheel: [.mouse(.wheel, "wheel")]
        case .openInbox: [.key(.char("i"), "i")]
        case .followUp: [.key(.char("f"), "f")]
        case .remindMe: [.key(.char("b"), "b")]
        case .toggleFollow: [.key(.char("w"), "w")]
        case .markDone: [.key(.char("d"), "d")]
        case .markAllDone: [.key(.char("D"), "D")]
        case .snooze: [.key(.char("z"), "z")]
        case .decline: [.key(.char("x"), "x")]
        case .cancelFollowUp: [.key(.char("X"), "X")]
        case .changeDue: [.key(.char("c"), "c")]
        case .nextTab: [.key(.char("]"), "]"), .key(.right, "→")]
        case .previousTab: [.key(.char("["), "["), .key(.left, "←")]
        }
    }

    /// What the command does, in one line (the help overlay truncates longer
    /// lines on narrow screens).
    public var help: String {
        switch self {
        case .moveDown: "Move down; in a thread, scroll down a line"
        case .moveUp: "Move up; in a thread, scroll up a line"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .top: "Go to the top"
        case .bottom: "Go to the bottom"
        case .open: "Open the selected board, thread or sidebar item; in Settings, change the selected setting"
        case .back: "Go back (close help, leave the sidebar); q on Boards quits"
        case .nextUnread: "Open the next thread below with unread posts"
        case .previousUnread: "Open the previous thread above with unread posts"
        case .switchFocus:
            "Switch between sidebar and main pane (below 90 columns the sidebar opens over the screen)"
        case .help: "Show or close the keys of the current screen"
        case .quit: "Quit from anywhere"
        case .click: "Select a row; click the selected row again to open it (closes the help)"
        case .wheel: "Scroll the pane under the pointer"
        case .openInbox: "Open the inbox: mentions, replies, follow-ups and reminders delivered on your cadence"
        case .followUp: "Ask someone to follow up by a date (on the comment at the top of the view, else the thread)"
        case .remindMe: "Remind me of this thread or comment at a time (private)"
        case .toggleFollow: "Follow or unfollow the thread (its comments and decisions come to your inbox)"
        case .markDone: "Mark the selected item (or thread group) done; on Follow-ups, mark it done"
        case .markAllDone: "Mark every inbox item done"
        case .snooze: "Snooze the selected item: 1 later today, 2 tomorrow, 3 next week, or type a time"
        case .decline: "Decline the selected follow-up asked of you, with a reason (posted as a comment)"
        case .cancelFollowUp: "Cancel the selected follow-up you asked for"
        case .changeDue: "Change the due date of the selected follow-up or reminder"
        case .nextTab: "Next tab (for me, I asked, all open, reminders)"
        case .previousTab: "Previous tab"
        }
    }

    /// The key the status line shows: "j/k" for a command with a partner
    /// going the other way, else the first key.
    var hintKey: String {
        let first = bindings.first?.label ?? ""
        let partner: Command? =
            switch self {
            case .moveDown: .moveUp
            case .nextUnread: .previousUnread
            default: nil
            }
        guard let partnerKey = partner?.bindings.first?.label else { return first }
        return first + "/" + partnerKey
    }

    /// The word the status line shows next to the key.
    func hintLabel(in context: KeyContext) -> String {
        switch self {
        case .moveDown: context == .thread || context == .help ? "scroll" : "move"
        case .moveUp: "up"
        case .pageDown: "page"
        case .pageUp: "page up"
        case .top: "top"
        case .bottom: "bottom"
        case .open: context == .board ? "read" : context == .settings ? "change" : "open"
        case .back:
            switch context {
            case .boards: "quit"
            case .sidebar, .help: "close"
            default: "back"
            }
        case .nextUnread: "unread"
        case .previousUnread: "previous unread"
        case .switchFocus: context == .sidebar ? "main" : "sidebar"
        case .help: context == .help ? "close" : "help"
        case .quit: "quit"
        case .click: "select"
        case .wheel: "scroll"
        case .openInbox: "inbox"
        case .followUp: "follow-up"
        case .remindMe: "remind"
        case .toggleFollow: "follow"
        case .markDone: "done"
        case .markAllDone: "all done"
        case .snooze: "snooze"
        case .decline: "decline"
        case .cancelFollowUp: "cancel"
        case .changeDue: "due"
        case .nextTab: "tab"
        case .previousTab: "tab"
        }
    }

    public var category: KeyCategory {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: .moving
        case .open, .back, .switchFocus: .screens
        case .nextUnread, .previousUnread: .unread
        case .help, .quit: .general
        case .click, .wheel: .mouse
        case .openInbox, .followUp, .remindMe, .toggleFollow, .markDone, .markAllDone, .snooze, .decline, .cancelFollowUp,
             .changeDue, .nextTab, .previousTab: .inbox
        }
    }

    /// Where the command works.
    public var contexts: Set<KeyContext> {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            Set(KeyContext.allCases)
        case .open: [.boards, .board, .sidebar, .inbox, .followUps, .settings]
        case .back, .help, .quit: Set(KeyContext.allCases)
        case .nextUnread, .previousUnread: [.board, .thread]
        case .switchFocus: [.boards, .board, .thread, .members, .sidebar, .inbox, .followUps, .settings]
        case .click: [.boards, .board, .members, .sidebar, .help, .inbox, .followUps, .settings]
        case .wheel: Set(KeyContext.allCases)
        case .openInbox: [.boards, .board, .thread, .members, .followUps, .settings]
        case .followUp, .remindMe, .toggleFollow: [.board, .thread]
        case .markDone: [.inbox, .followUps]
        case .markAllDone, .snooze: [.inbox]
        case .decline, .cancelFollowUp, .changeDue, .nextTab, .previousTab: [.followUps]
        }
    }

    /// The keys of the command as the user types them: "j ↓".
    public var keyLabels: String {
        bindings.map(\.label).joined(separator: " ")
    }

    /// The commands that work in `context`, in table order.
    public static func available(in context: KeyContext) -> [Command] {
        allCases.filter { $0.contexts.contains(context) }
    }

    /// The command `key` runs in `context`, or nil when the key does nothing
    /// there.
    public static func matching(_ key: Key, in context: KeyContext) -> Command? {
        allCases.first { command in
            command.contexts.contains(context) && command.bindings.contains { $0.trigger == .key(key) }
        }
    }
}

/// The groups of the key table, in the order the help shows them.
public enum KeyCategory: String, CaseIterable, Hashable, Sendable {
    case moving, screens, unread, inbox, general, mouse

    public var title: String {
        switch self {
        case .moving: "Moving"
        case .screens: "Screens"
        case .unread: "Unread"
        case .inbox: "Inbox, follow-ups and reminders"
        case .general: "General"
        case .mouse: "Mouse"
        }
    }
}

/// One way to run a command: a key, or a mouse action.
public struct KeyBinding: Hashable, Sendable {
    /// What the terminal reports.
    public enum Trigger: Hashable, Sendable {
        case key(Key)
        case mouse(MouseAction)
    }

    /// The mouse actions Weft uses.
    public enum MouseAction: Hashable, Sendable {
        case click, wheel
    }

    public var trigger: Trigger
    /// The key as the user types it: "j", "PgDn", "Ctrl-C".
    public var label: String

    public static func key(_ key: Key, _ label: String) -> KeyBinding {
        KeyBinding(trigger: .key(key), label: label)
    }

    public static func mouse(_ action: MouseAction, _ label: String) -> KeyBinding {
        KeyBinding(trigger: .mouse(action), label: label)
    }
}
