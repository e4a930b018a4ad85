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
    case decide, reopen
    case previousWeek, nextWeek, thisWeek, fold
    case filterBoard, filterTime
    case newCheckin

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
        case .decide: [.key(.char("d"), "d")]
        case .reopen: [.key(.char("D"), "D")]
        case .previousWeek: [.key(.char("["), "[")]
        case .nextWeek: [.key(.char("]"), "]")]
        case .thisWeek: [.key(.char("t"), "t")]
        case .fold: [.key(.char("z"), "z")]
        case .filterBoard: [.key(.char("b"), "b")]
        case .filterTime: [.key(.char("w"), "w")]
        case .newCheckin: [.key(.char("C"), "C")]
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
        case .open: "Open the selected board, thread or sidebar item"
        case .back: "Go back (close help, leave the sidebar); q on Boards quits"
        case .nextUnread: "Open the next thread below with unread posts"
        case .previousUnread: "Open the previous thread above with unread posts"
        case .switchFocus:
            "Switch between sidebar and main pane (below 90 columns the sidebar opens over the screen)"
        case .help: "Show or close the keys of the current screen"
        case .quit: "Quit from anywhere"
        case .click: "Select a row; click the selected row again to open it (closes the help)"
        case .wheel: "Scroll the pane under the pointer"
        case .decide: "Decide: the comment at the top of the view and/or a summary you type"
        case .reopen: "Reopen the decided thread (the decision stays in its history)"
        case .previousWeek: "Show the previous week"
        case .nextWeek: "Show the next week"
        case .thisWeek: "Show this week"
        case .fold: "Fold or unfold the section under the selection (Enter on a section title too)"
        case .filterBoard: "Show one board's decisions, the next board, then all"
        case .filterTime: "Show decisions of the last 7, 30 or 90 days, then all"
        case .newCheckin: "Schedule a check-in: a recurring question on this board (Tab between fields)"
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
        case .open: context == .board ? "read" : "open"
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
        case .decide: "decide"
        case .reopen: "reopen"
        case .previousWeek: "previous week"
        case .nextWeek: "next week"
        case .thisWeek: "this week"
        case .fold: "fold"
        case .filterBoard: "board"
        case .filterTime: "since"
        case .newCheckin: "check-in"
        }
    }

    public var category: KeyCategory {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: .moving
        case .open, .back, .switchFocus: .screens
        case .nextUnread, .previousUnread: .unread
        case .help, .quit: .general
        case .click, .wheel: .mouse
        case .decide, .reopen: .decisions
        case .previousWeek, .nextWeek, .thisWeek, .fold: .digest
        case .filterBoard, .filterTime: .decisions
        case .newCheckin: .screens
        }
    }

    /// Where the command works.
    public var contexts: Set<KeyContext> {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            Set(KeyContext.allCases)
        case .open: [.boards, .board, .sidebar, .digest, .decisions]
        case .back, .help, .quit: Set(KeyContext.allCases)
        case .nextUnread, .previousUnread: [.board, .thread]
        case .switchFocus: [.boards, .board, .thread, .members, .sidebar, .digest, .decisions]
        case .click: [.boards, .board, .members, .sidebar, .help, .digest, .decisions]
        case .wheel: Set(KeyContext.allCases)
        case .decide, .reopen: [.thread]
        case .previousWeek, .nextWeek, .thisWeek, .fold: [.digest]
        case .filterBoard, .filterTime: [.decisions]
        case .newCheckin: [.board]
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
    case moving, screens, unread, decisions, digest, general, mouse

    public var title: String {
        switch self {
        case .moving: "Moving"
        case .screens: "Screens"
        case .unread: "Unread"
        case .decisions: "Decisions"
        case .digest: "Weekly digest"
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
