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
        case .open: "Open the selected board, thread, sidebar item or search result; in the inbox, answer a check-in or read the digest; in Settings, change the setting"
        case .back: "Go back (close help, leave the sidebar); q on Boards quits"
        case .nextUnread:
            "Open the next thread below with unread posts; in a thread, the next unread comment first (from search: the next match)"
        case .previousUnread: "Open the previous thread above with unread posts; in a thread, the previous unread comment first"
        case .switchFocus:
            "Switch between sidebar and main pane (below 90 columns the sidebar opens over the screen)"
        case .help: "Show or close the keys of the current screen"
        case .quit: "Quit from anywhere"
        case .sync: "Sync now with the team's git remote (a space synced with git, see Docs/sync.md)"
        case .click: "Select a row; click the selected row again to open it (closes the help)"
        case .wheel: "Scroll the pane under the pointer"
        case .newThread: "Start a new thread (in the selected or open board)"
        case .reply: "Reply to the selected comment, or comment on the thread"
        case .commentOnBlock: "Comment on the selected paragraph of the thread (a contextual comment)"
        case .react: "React to the selected post (pick one or type your own; again to remove yours)"
        case .editPost: "Edit your selected post"
        case .deletePost: "Delete your selected post (asks first)"
        case .postHistory: "Show the earlier versions of the selected post"
        case .nextPost: "Select the next paragraph or comment"
        case .previousPost: "Select the previous paragraph or comment"
        case .statusUpdate: "Post a status update (on track, at risk, blocked, done, note)"
        case .filterStatus: "Filter status updates by person, board and kind"
        case .send: "Send: post, save the edit, or apply the filter"
        case .preview: "Preview the post exactly as readers will see it (again to go back)"
        case .externalEditor: "Edit the text in $VISUAL / $EDITOR (vi when unset)"
        case .nextField: "Next field; completes a @mention while one is offered"
        case .previousField: "Previous field"
        case .cancel: "Close (asks when there is unsent text; the draft is kept)"
        case .undo: "Undo"
        case .redo: "Redo"
        case .textMove: "Move by character and by display row; ←/→ change a choice"
        case .textLine: "Go to the start / end of the line"
        case .textPage: "Move a page up / down"
        case .textWord: "Move back / forward by word"
        case .textDelete: "Delete before / after the cursor"
        case .textDeleteWord: "Delete the word before the cursor"
        case .textKill: "Delete to the start / end of the line"
        case .textNewLine: "New line (a blank line starts a new paragraph); next field in a one-line field"
        case .confirmYes: "Yes (restore the draft, delete, quit…)"
        case .confirmNo: "No / close"
        case .previousChoice: "Previous reaction"
        case .nextChoice: "Next reaction"
        case .choose: "React with the typed or the highlighted reaction"
        case .toggleUnreadOnly: "Show only threads with unread posts, or all threads again"
        case .cycleDecided: "Filter by decision: decided, undecided, either"
        case .toggleFollowUps: "Show only threads with open follow-ups, or all"
        case .toggleMine: "Show only threads you started or commented on, or all"
        case .cycleSort: "Sort by last activity, creation or unread count (pinned stay on top)"
        case .clearFilters: "Clear the filters and sort (back to all threads by activity)"
        case .catchUp: "Catch up: mark every thread the list shows read (asks first)"
        case .markUnread: "Mark the selected thread unread again; in a thread, the selected comment (on the thread: all, back to the list)"
        case .togglePin: "Pin or unpin the thread for everyone (board admins)"
        case .toggleStar: "Star or unstar the board; starred boards come first"
        case .foldReplies: "Fold the replies to the selected comment into one line (how many, how many unread), or unfold them"
        case .foldAll: "Fold every reply tree, or unfold them all"
        case .expandComment: "Show all of the selected long comment (“… more”), or fold it again"
        case .decide: "Decide: the comment at the top of the view and/or a summary you type"
        case .reopen: "Reopen the decided thread (the decision stays in its history)"
        case .previousWeek: "Show the previous week"
        case .nextWeek: "Show the next week"
        case .thisWeek: "Show this week"
        case .fold: "Fold or unfold the section under the selection (Enter on a section title too)"
        case .filterBoard: "Show one board's decisions, the next board, then all"
        case .filterTime: "Show decisions of the last 7, 30 or 90 days, then all"
        case .newCheckin: "Schedule a check-in: a recurring question on this board (Tab between fields)"
        case .search: "Search everything (pre-filled with the board you are in); see Docs/search.md"
        case .nextResult: "Select the next result (or recent search while the query is empty)"
        case .previousResult: "Select the previous result"
        case .closeSearch: "Close the search and go back"
        case .editQuery: "Delete a character of the query (other keys type); results follow as you pause"
        case .moveInQuery: "Move the cursor in the query"
        case .cutInQuery: "Delete to the start of the query / the word before the cursor"
        case .previousMatch: "In a thread opened from search, go to the previous match (n: next)"
        case .openInbox: "Open the inbox: mentions, replies, follow-ups, reminders and check-ins delivered on your cadence"
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
        case .newBoard: "New board: slug, title, purpose, public or private, members (see Docs/security.md)"
        case .boardMembers: "Show the board's members; its creator and admins add, remove and make it private or public"
        case .addMember: "Add a member to the board (Tab completes handles)"
        case .removeMember: "Remove the selected member (asks first; their access ends at once)"
        case .toggleVisibility: "Make the board private (members only) or public (asks first)"
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
            case .sidebar, .help, .boardAccess: "close"
            default: "back"
            }
        case .nextUnread: "unread"
        case .previousUnread: "previous unread"
        case .switchFocus: context == .sidebar ? "main" : "sidebar"
        case .help: context == .help ? "close" : "help"
        case .quit: "quit"
        case .sync: "sync"
        case .click: "select"
        case .wheel: "scroll"
        case .newThread: "new thread"
        case .reply: "reply"
        case .commentOnBlock: "comment ¶"
        case .react: "react"
        case .editPost: "edit"
        case .deletePost: "delete"
        case .postHistory: "history"
        case .nextPost: "select"
        case .previousPost: "previous post"
        case .statusUpdate: "status"
        case .filterStatus: "filter"
        case .send: "send"
        case .preview: "preview"
        case .externalEditor: "$EDITOR"
        case .nextField: "next field"
        case .previousField: "previous field"
        case .cancel: "cancel"
        case .undo: "undo"
        case .redo: "redo"
        case .textMove, .textLine, .textPage, .textWord: "move"
        case .textDelete, .textDeleteWord, .textKill: "delete"
        case .textNewLine: "new line"
        case .confirmYes: "yes"
        case .confirmNo: "no"
        case .previousChoice: "previous"
        case .nextChoice: "next"
        case .choose: "react"
        case .toggleUnreadOnly: "unread only"
        case .cycleDecided: "decided"
        case .toggleFollowUps: "follow-ups"
        case .toggleMine: "mine"
        case .cycleSort: "sort"
        case .clearFilters: "clear filter"
        case .catchUp: "catch up"
        case .markUnread: "mark unread"
        case .togglePin: "pin"
        case .toggleStar: "star"
        case .foldReplies: "fold"
        case .foldAll: "fold all"
        case .expandComment: "more"
        case .decide: "decide"
        case .reopen: "reopen"
        case .previousWeek: "previous week"
        case .nextWeek: "next week"
        case .thisWeek: "this week"
        case .fold: "fold"
        case .filterBoard: "board"
        case .filterTime: "since"
        case .newCheckin: "check-in"
        case .search: "search"
        case .nextResult: "next"
        case .previousResult: "previous"
        case .closeSearch: "close"
        case .editQuery: "edit"
        case .moveInQuery: "cursor"
        case .cutInQuery: "cut"
        case .previousMatch: "previous match"
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
        case .newBoard: "new board"
        case .boardMembers: "members"
        case .addMember: "add"
        case .removeMember: "remove"
        case .toggleVisibility: "visibility"
        }
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
