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
    case sync
    case click, wheel
    // Writing (see Docs/writing.md).
    case newThread, reply, commentOnBlock, react, editPost, deletePost, postHistory, nextPost, previousPost
    case statusUpdate, filterStatus
    case send, preview, externalEditor, nextField, previousField, cancel, undo, redo
    case textMove, textLine, textPage, textWord, textDelete, textDeleteWord, textKill, textNewLine
    case confirmYes, confirmNo, previousChoice, nextChoice, choose
    case toggleUnreadOnly, cycleDecided, toggleFollowUps, toggleMine, cycleSort, clearFilters
    case catchUp, markUnread, togglePin, toggleStar
    case foldReplies, foldAll, expandComment
    case decide, reopen
    case previousWeek, nextWeek, thisWeek, fold
    case filterBoard, filterTime
    case newCheckin
    case search, nextResult, previousResult, closeSearch, editQuery, moveInQuery, cutInQuery, previousMatch
    case openInbox, followUp, remindMe, toggleFollow, markDone, markAllDone, snooze, decline, cancelFollowUp, changeDue
    case nextTab, previousTab
    case newBoard, boardMembers, addMember, removeMember, toggleVisibility

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
        case .sync: [.key(.char("S"), "S")]
        case .click: [.mouse(.click, "click")]
        case .wheel: [.mouse(.wheel, "wheel")]
        case .newThread: [.key(.char("N"), "N")]
        case .reply: [.key(.char("r"), "r")]
        case .commentOnBlock: [.key(.char("c"), "c")]
        case .react: [.key(.char("+"), "+")]
        case .editPost: [.key(.char("e"), "e")]
        case .deletePost: [.key(.char("D"), "D")]
        case .postHistory: [.key(.char("H"), "H")]
        case .nextPost: [.key(.char("]"), "]")]
        case .previousPost: [.key(.char("["), "[")]
        case .statusUpdate: [.key(.char("s"), "s")]
        case .filterStatus: [.key(.char("F"), "F")]
        case .send: [.key(.ctrl("s"), "Ctrl-S")]
        case .preview: [.key(.ctrl("p"), "Ctrl-P")]
        case .externalEditor: [.key(.ctrl("e"), "Ctrl-E")]
        case .nextField: [.key(.tab, "Tab")]
        case .previousField: [.key(.backTab, "Shift-Tab")]
        case .cancel: [.key(.escape, "Esc")]
        case .undo: [.key(.ctrl("z"), "Ctrl-Z")]
        case .redo: [.key(.ctrl("y"), "Ctrl-Y")]
        case .textMove: [.key(.left, "←"), .key(.right, "→"), .key(.up, "↑"), .key(.down, "↓")]
        case .textLine: [.key(.home, "Home"), .key(.ctrl("a"), "Ctrl-A"), .key(.end, "End")]
        case .textPage: [.key(.pageUp, "PgUp"), .key(.pageDown, "PgDn")]
        case .textWord: [.key(.ctrl("b"), "Ctrl-B"), .key(.ctrl("f"), "Ctrl-F")]
        case .textDelete: [.key(.backspace, "Backspace"), .key(.delete, "Del")]
        case .textDeleteWord: [.key(.ctrl("w"), "Ctrl-W")]
        case .textKill: [.key(.ctrl("u"), "Ctrl-U"), .key(.ctrl("k"), "Ctrl-K")]
        case .textNewLine: [.key(.enter, "Enter")]
        case .confirmYes: [.key(.char("y"), "y"), .key(.enter, "Enter")]
        case .confirmNo: [.key(.char("n"), "n"), .key(.escape, "Esc")]
        case .previousChoice: [.key(.left, "←")]
        case .nextChoice: [.key(.right, "→")]
        case .choose: [.key(.enter, "Enter")]
        case .toggleUnreadOnly: [.key(.char("U"), "U")]
        case .cycleDecided: [.key(.char("D"), "D")]
        case .toggleFollowUps: [.key(.char("F"), "F")]
        case .toggleMine: [.key(.char("M"), "M")]
        case .cycleSort: [.key(.char("o"), "o")]
        case .clearFilters: [.key(.char("X"), "X")]
        case .catchUp: [.key(.char("C"), "C")]
        case .markUnread: [.key(.char("u"), "u")]
        case .togglePin: [.key(.char("P"), "P")]
        case .toggleStar: [.key(.char("*"), "*")]
        case .foldReplies: [.key(.char("z"), "z")]
        case .foldAll: [.key(.char("Z"), "Z")]
        case .expandComment: [.key(.enter, "Enter")]
        case .decide: [.key(.char("d"), "d")]
        case .reopen: [.key(.char("R"), "R")]
        case .previousWeek: [.key(.char("["), "[")]
        case .nextWeek: [.key(.char("]"), "]")]
        case .thisWeek: [.key(.char("t"), "t")]
        case .fold: [.key(.char("z"), "z")]
        case .filterBoard: [.key(.char("b"), "b")]
        case .filterTime: [.key(.char("w"), "w")]
        case .newCheckin: [.key(.char("K"), "K")]
        case .search: [.key(.char("/"), "/")]
        case .nextResult: [.key(.down, "↓"), .key(.ctrl("n"), "Ctrl-N")]
        case .previousResult: [.key(.up, "↑"), .key(.ctrl("p"), "Ctrl-P")]
        case .closeSearch: [.key(.escape, "Esc")]
        case .editQuery: [.key(.backspace, "Backspace"), .key(.delete, "Del")]
        case .moveInQuery: [.key(.left, "←"), .key(.right, "→"), .key(.home, "Home"), .key(.end, "End")]
        case .cutInQuery: [.key(.ctrl("u"), "Ctrl-U"), .key(.ctrl("w"), "Ctrl-W")]
        case .previousMatch: [.key(.char("N"), "N")]
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
        case .newBoard: [.key(.char("B"), "B")]
        case .boardMembers: [.key(.char("A"), "A")]
        case .addMember: [.key(.char("a"), "a")]
        case .removeMember: [.key(.char("x"), "x")]
        case .toggleVisibility: [.key(.char("v"), "v")]
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

    public var category: KeyCategory {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: .moving
        case .open, .back, .switchFocus: .screens
        case .nextUnread, .previousUnread: .unread
        case .help, .quit, .sync: .general
        case .click, .wheel: .mouse
        case .newThread, .reply, .commentOnBlock, .react, .editPost, .deletePost, .postHistory, .nextPost,
            .previousPost, .statusUpdate, .filterStatus:
            .writing
        case .send, .preview, .externalEditor, .nextField, .previousField, .cancel, .undo, .redo, .textMove, .textLine,
            .textPage, .textWord, .textDelete, .textDeleteWord, .textKill, .textNewLine:
            .composing
        case .confirmYes, .confirmNo, .previousChoice, .nextChoice, .choose: .dialogs
        case .toggleUnreadOnly, .cycleDecided, .toggleFollowUps, .toggleMine, .cycleSort, .clearFilters: .filtering
        case .catchUp, .markUnread, .togglePin, .toggleStar, .foldReplies, .foldAll, .expandComment: .unread
        case .decide, .reopen: .decisions
        case .previousWeek, .nextWeek, .thisWeek, .fold: .digest
        case .filterBoard, .filterTime: .decisions
        case .newCheckin: .screens
        case .search, .nextResult, .previousResult, .closeSearch, .editQuery, .moveInQuery, .cutInQuery, .previousMatch:
            .search
        case .openInbox, .followUp, .remindMe, .toggleFollow, .markDone, .markAllDone, .snooze, .decline, .cancelFollowUp,
             .changeDue, .nextTab, .previousTab: .inbox
        case .newBoard, .boardMembers, .addMember, .removeMember, .toggleVisibility: .boardAccess
        }
    }

    /// Where the command works.
    public var contexts: Set<KeyContext> {
        switch self {
        case .moveDown, .moveUp:
            KeyContext.browsing.union([.confirm, .boardAccess])
        case .pageDown, .pageUp, .top, .bottom:
            KeyContext.browsing
        case .open: [.boards, .board, .sidebar, .digest, .decisions, .search, .inbox, .followUps, .settings]
        case .back: KeyContext.browsing.union([.boardAccess])
        case .help: KeyContext.browsing
        case .quit: Set(KeyContext.allCases)
        case .nextUnread, .previousUnread: [.board, .thread]
        case .switchFocus, .sync:
            [.boards, .board, .thread, .members, .sidebar, .status, .digest, .decisions, .inbox, .followUps, .settings]
        case .click: [.boards, .board, .members, .sidebar, .help, .digest, .decisions, .inbox, .followUps, .settings]
        case .wheel: KeyContext.browsing
        case .newThread: [.boards, .board]
        case .reply, .commentOnBlock, .react, .editPost, .deletePost, .postHistory, .nextPost, .previousPost:
            [.thread]
        case .statusUpdate: KeyContext.browsing.subtracting([.help])
        case .filterStatus: [.status]
        case .send, .preview, .externalEditor, .nextField, .previousField, .undo, .redo, .textMove, .textLine,
            .textPage, .textWord, .textDelete, .textDeleteWord, .textKill, .textNewLine:
            [.compose]
        case .cancel: [.compose, .picker]
        case .confirmYes, .confirmNo: [.confirm]
        case .previousChoice, .nextChoice, .choose: [.picker]
        case .toggleUnreadOnly, .cycleDecided, .toggleFollowUps, .toggleMine, .cycleSort, .clearFilters, .catchUp: [.board]
        case .markUnread: [.board, .thread]
        case .togglePin: [.board, .thread]
        case .toggleStar: [.boards, .board, .sidebar]
        case .foldReplies, .foldAll, .expandComment: [.thread]
        case .decide, .reopen: [.thread]
        case .previousWeek, .nextWeek, .thisWeek, .fold: [.digest]
        case .filterBoard, .filterTime: [.decisions]
        case .newCheckin: [.board]
        case .search: [.boards, .board, .thread, .members, .sidebar, .status, .digest, .decisions, .inbox, .followUps]
        case .nextResult, .previousResult, .closeSearch, .editQuery, .moveInQuery, .cutInQuery: [.search]
        case .previousMatch: [.thread]
        case .openInbox: [.boards, .board, .thread, .members, .followUps, .settings, .status, .digest, .decisions]
        case .followUp, .remindMe, .toggleFollow: [.board, .thread]
        case .markDone: [.inbox, .followUps]
        case .markAllDone, .snooze: [.inbox]
        case .decline, .cancelFollowUp, .changeDue, .nextTab, .previousTab: [.followUps]
        case .newBoard: [.boards, .sidebar]
        case .boardMembers: [.boards, .board]
        case .addMember, .removeMember, .toggleVisibility: [.boardAccess]
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
    case moving, screens, unread, filtering, search, writing, composing, dialogs, inbox, decisions, digest, general, boardAccess,
        mouse

    public var title: String {
        switch self {
        case .moving: "Moving"
        case .screens: "Screens"
        case .unread: "Reading"
        case .filtering: "Filter and sort"
        case .writing: "Writing"
        case .composing: "In the composer"
        case .dialogs: "Questions and pickers"
        case .decisions: "Decisions"
        case .digest: "Weekly digest"
        case .search: "Search"
        case .inbox: "Inbox, follow-ups and reminders"
        case .boardAccess: "Boards, members and privacy"
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
