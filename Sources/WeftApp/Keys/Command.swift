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
    case search, nextResult, previousResult, closeSearch, editQuery, moveInQuery, cutInQuery, previousMatch

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
        case .search: [.key(.char("/"), "/")]
        case .nextResult: [.key(.down, "↓"), .key(.ctrl("n"), "Ctrl-N")]
        case .previousResult: [.key(.up, "↑"), .key(.ctrl("p"), "Ctrl-P")]
        case .closeSearch: [.key(.escape, "Esc")]
        case .editQuery: [.key(.backspace, "Backspace"), .key(.delete, "Del")]
        case .moveInQuery: [.key(.left, "←"), .key(.right, "→"), .key(.home, "Home"), .key(.end, "End")]
        case .cutInQuery: [.key(.ctrl("u"), "Ctrl-U"), .key(.ctrl("w"), "Ctrl-W")]
        case .previousMatch: [.key(.char("N"), "N")]
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
        case .open: "Open the selected board, thread, sidebar item or search result"
        case .back: "Go back (close help, leave the sidebar); q on Boards quits"
        case .nextUnread: "Open the next thread below with unread posts; in a thread opened from search, go to the next match"
        case .previousUnread: "Open the previous thread above with unread posts"
        case .switchFocus:
            "Switch between sidebar and main pane (below 90 columns the sidebar opens over the screen)"
        case .help: "Show or close the keys of the current screen"
        case .quit: "Quit from anywhere"
        case .click: "Select a row; click the selected row again to open it (closes the help)"
        case .wheel: "Scroll the pane under the pointer"
        case .search: "Search everything (pre-filled with the board you are in); see Docs/search.md"
        case .nextResult: "Select the next result (or recent search while the query is empty)"
        case .previousResult: "Select the previous result"
        case .closeSearch: "Close the search and go back"
        case .editQuery: "Delete a character of the query (other keys type); results follow as you pause"
        case .moveInQuery: "Move the cursor in the query"
        case .cutInQuery: "Delete to the start of the query / the word before the cursor"
        case .previousMatch: "In a thread opened from search, go to the previous match (n: next)"
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
        case .search: "search"
        case .nextResult: "next"
        case .previousResult: "previous"
        case .closeSearch: "close"
        case .editQuery: "edit"
        case .moveInQuery: "cursor"
        case .cutInQuery: "cut"
        case .previousMatch: "previous match"
        }
    }

    public var category: KeyCategory {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: .moving
        case .open, .back, .switchFocus: .screens
        case .nextUnread, .previousUnread: .unread
        case .help, .quit: .general
        case .click, .wheel: .mouse
        case .search, .nextResult, .previousResult, .closeSearch, .editQuery, .moveInQuery, .cutInQuery, .previousMatch:
            .search
        }
    }

    /// Where the command works.
    public var contexts: Set<KeyContext> {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            Set(KeyContext.allCases).subtracting([.search])
        case .open: [.boards, .board, .sidebar, .search]
        case .back, .help: Set(KeyContext.allCases).subtracting([.search])
        case .quit: Set(KeyContext.allCases)
        case .nextUnread, .previousUnread: [.board, .thread]
        case .switchFocus: [.boards, .board, .thread, .members, .sidebar]
        case .click: [.boards, .board, .members, .sidebar, .help]
        case .wheel: Set(KeyContext.allCases)
        case .search: [.boards, .board, .thread, .members, .sidebar]
        case .nextResult, .previousResult, .closeSearch, .editQuery, .moveInQuery, .cutInQuery: [.search]
        case .previousMatch: [.thread]
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
    case moving, screens, unread, search, general, mouse

    public var title: String {
        switch self {
        case .moving: "Moving"
        case .screens: "Screens"
        case .unread: "Unread"
        case .search: "Search"
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
