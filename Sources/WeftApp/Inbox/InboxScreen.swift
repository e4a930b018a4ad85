import TerminalUI
import WeftCore
import WeftStore

/// The Inbox screen: delivered items grouped by thread (a header row per
/// thread, then its items, newest first). Enter opens the thread (on a
/// check-in: the status composer answering it; on a digest: the Digest
/// screen at its week), `d` marks
/// the item (or on a header, the whole thread's items) done, `D` everything,
/// `z` snoozes. Showing items marks them seen (what `weft notify` counts).
enum InboxScreen {
    static func height(_ state: State) -> Int {
        state.layout.mainList.height
    }

    /// What opening one of the screens loads.
    static func loads(_ route: Route) -> [Effect] {
        switch route {
        case .inbox: [.loadInbox, .loadMembers]
        case .followUps: [.loadFollowUps, .loadMembers]
        case .settings: [.loadSettings]
        default: []
        }
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.inbox.list.apply(command, height: height(state)) {
            return []
        }
        let row = state.inbox.selected
        switch command {
        case .open:
            if let item = row?.scheduledItem {
                return openScheduled(item, &state)
            }
            guard let thread = row?.thread else {
                if case .item(let item)? = row, let target = item.target { return openThread(target, &state) }
                return []
            }
            return openThread(thread, &state)
        case .markDone:
            guard let row else { return [] }
            return [.perform(.inboxDone(row.items))]
        case .markAllDone:
            guard let items = state.inbox.inbox?.items, !items.isEmpty else { return [] }
            return [.perform(.inboxDone(items))]
        case .snooze:
            guard let row else { return [] }
            state.form = FormState(.snooze(items: row.items.map(\.id)), title: "Snooze until",
                                   fields: [("Until", .when, "1 later today · 2 tomorrow · 3 next week")],
                                   presets: FormState.whenPresets)
            return []
        case .back:
            return Navigation.back(key: key, &state)
        default:
            return []
        }
    }

    /// Enter on a check-in answers it: the status composer, linked to the
    /// check-in and the occurrence (sending it answers, and the item leaves).
    /// Enter on a digest shows the Digest screen at its week; `q` comes back.
    static func openScheduled(_ item: InboxItem, _ state: inout State) -> [Effect] {
        switch item.kind {
        case .checkin:
            guard let checkin = item.subject, let board = item.board, let occurrence = item.occurrence else { return [] }
            return ComposeUpdate.openCheckinAnswer(checkin: checkin, occurrence: occurrence, board: board,
                                                   question: item.summary, &state)
        case .digest:
            guard let week = item.week else { return [] }
            var effects = Navigation.leaveThread(&state)
            if case .thread = state.route { state.stack.removeLast() }
            state.stack.append(.digest)
            effects += DigestScreen.open(week: week, &state)
            return effects
        default:
            return []
        }
    }

    /// Opens a thread on top of the current screen; `q` comes back.
    static func openThread(_ id: EventID, _ state: inout State) -> [Effect] {
        var effects = Navigation.leaveThread(&state)
        if case .thread = state.route {
            state.stack.removeLast()
        }
        state.thread = ThreadState(id: id, anchor: nil)
        state.stack.append(.thread(id))
        effects.append(.loadThread(id))
        return effects
    }

    /// At most this often the inbox is computed again while it is not on screen:
    /// for a busy person in a large space it reads much of the index.
    static let backgroundInterval: Int64 = 5

    /// What a poll reloads: the inbox and follow-ups when someone wrote (at once on
    /// the Inbox and Follow-ups screens, else at most every few seconds), and the
    /// inbox when a held item's time has come even if nobody wrote.
    static func pollEffects(now: Timestamp, changed: Bool, _ state: inout State) -> [Effect] {
        if changed { state.inbox.isStale = true }
        let onScreen = state.route == .inbox || state.route == .followUps
        let last = state.inbox.inbox?.now
        let due = last.map { now >= $0.adding(seconds: backgroundInterval) } ?? true
        if state.inbox.isStale, onScreen || due {
            return [.loadInbox, .loadFollowUps]
        }
        if let next = state.inbox.inbox?.nextChange, now >= next {
            return [.loadInbox]
        }
        return []
    }

    static func loaded(_ inbox: Inbox, _ state: inout State) -> [Effect] {
        state.inbox.isStale = false
        state.inbox.set(inbox, height: height(state))
        guard state.route == .inbox else { return [] }
        let unseen = inbox.unseen.map(\.id)
        return unseen.isEmpty ? [] : [.perform(.inboxSeen(unseen))]
    }

    /// After a write: the inbox (for the title bar) and what the screen shows.
    static func reloadsAfterChange(_ state: State) -> [Effect] {
        var effects: [Effect] = [.loadInbox, .loadFollowUps]
        switch state.route {
        case .settings: effects.append(.loadSettings)
        case .thread(let id): effects.append(.loadThread(id))
        default: break
        }
        if let panel = state.boardAccess { effects += [.loadBoardAccess(panel.slug), .loadBoards] }
        return effects
    }

    /// `f`, `b` and `w` on a board's selected thread or in a thread.
    static func postCommand(_ command: Command, _ state: inout State) -> [Effect] {
        guard let (post, thread) = target(state) else { return [] }
        switch command {
        case .followUp:
            state.form = FormState(.followUp(target: post), title: post == thread ? "Follow-up on this thread" : "Follow-up on this comment",
                                   fields: [("To", .handle, "handle (Tab completes)"),
                                            ("Due", .when, "fri, tomorrow 15:00, in 3d, 2026-11-27"),
                                            ("Note", .text, "what should happen (optional)")],
                                   presets: [])
            return [.loadMembers]
        case .remindMe:
            state.form = FormState(.remind(target: post), title: "Remind me", fields: [
                ("When", .when, "1 later today · 2 tomorrow · 3 next week"), ("Note", .text, "optional"),
            ], presets: FormState.whenPresets)
            return []
        case .toggleFollow:
            return [.perform(.toggleFollowing(thread: thread))]
        default:
            return []
        }
    }

    /// The post `f`/`b` act on and its thread: a board's selected thread, or in a
    /// thread the comment at the top of the view (the thread when none is).
    static func target(_ state: State) -> (EventID, EventID)? {
        switch state.route {
        case .board:
            return state.board?.selected.map { ($0.id, $0.id) }
        case .thread(let id):
            guard let thread = state.thread, let detail = thread.detail, let document = thread.document,
                  thread.scroll < document.lines.count else { return (id, id) }
            let part = document.lines[thread.scroll].part
            let blocks = detail.thread.redacted ? 1 : detail.thread.blocks.count
            let first = blocks + 2
            let order = CommentTree.order(ids: detail.comments.map(\.id), parents: detail.comments.map(\.parent))
            guard part >= first, part - first < order.count else { return (id, id) }
            return (detail.comments[order[part - first].index].id, id)
        default:
            return nil
        }
    }

    // MARK: Lists of the three screens

    static func list(_ state: State) -> ListView {
        switch state.route {
        case .followUps: state.followUps.list
        case .settings: state.settings.list
        default: state.inbox.list
        }
    }

    static func resize(_ state: inout State) {
        let h = height(state)
        state.inbox.list.setRowCount(state.inbox.rows.count, height: h)
        state.followUps.list.setRowCount(state.followUps.rows(viewer: state.viewer).count, height: h)
        state.settings.list.setRowCount(state.settings.rows.count, height: h)
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        let rect = state.layout.mainList
        let h = height(state)
        switch state.route {
        case .followUps:
            if let i = state.followUps.list.index(atY: y, in: rect) { state.followUps.list.select(i, height: h) }
        case .settings:
            if let i = state.settings.list.index(atY: y, in: rect) { state.settings.list.select(i, height: h) }
        default:
            if let i = state.inbox.list.index(atY: y, in: rect) { state.inbox.list.select(i, height: h) }
        }
        return []
    }

    static func scroll(by delta: Int, _ state: inout State) {
        let h = height(state)
        switch state.route {
        case .followUps: state.followUps.list.scroll(by: delta, height: h)
        case .settings: state.settings.list.scroll(by: delta, height: h)
        default: state.inbox.list.scroll(by: delta, height: h)
        }
    }

    static func position(_ state: State) -> String {
        let l = list(state)
        guard let index = l.selectedIndex, l.rowCount > 0 else { return "" }
        return "\(index + 1)/\(l.rowCount)"
    }

    // MARK: Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (header, listRect) = rect.splitTop(1)
        grid.fill(header)
        let held = state.inbox.inbox?.held ?? []
        var title = "Delivered on your cadence"
        if let next = state.inbox.inbox?.nextChange {
            title += " · \(held.count) held, next at \(state.clock.full(next))"
        }
        grid.put(title, x: header.x + 2, y: header.y, style: Style(.dim), maxWidth: header.width - 2)
        let rows = state.inbox.rows
        guard !rows.isEmpty else {
            grid.fill(listRect)
            let text = state.inbox.inbox == nil ? "Loading…" : "Inbox zero. Mentions, replies, follow-ups and reminders arrive here."
            grid.put(text, x: listRect.x + 2, y: listRect.y, style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        state.inbox.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < rows.count else { return }
            draw(rows[row.index], clock: state.clock, in: row.rect, into: &grid)
        }
    }

    private static func draw(_ row: InboxRow, clock: ViewerClock, in rect: Rect, into grid: inout CellGrid) {
        var writer = RowWriter(in: rect)
        switch row {
        case .group(_, let title, let items):
            writer.gap(1)
            let count = "\(items.count)"
            writer.cell(title.isEmpty ? "(no thread)" : title, width: max(0, writer.remaining - count.count - 2),
                        style: Style(.normal, [.bold]), into: &grid)
            writer.gap()
            writer.cell(count, width: count.count, style: Style(.unread), into: &grid)
        case .item(let item):
            writer.gap(3)
            writer.cell(item.seen ? " " : "•", width: 2, style: Style(.unread), into: &grid)
            let urgent = item.kind == .followupDue && (item.due.map { $0 < clock.now } ?? false)
            writer.cell(item.kind.label, width: 19, style: Style(urgent ? .warning : .accent), into: &grid)
            writer.cell(item.actor?.rawValue ?? "", width: 12, style: Style(.accent), into: &grid)
            writer.cell(clock.brief(item.deliveredAt ?? item.arrived), width: 7, style: Style(.dim), into: &grid)
            let due = item.due.map { "due " + clock.full($0) + " · " } ?? ""
            writer.cell(due + item.summary, width: writer.remaining, into: &grid)
        }
    }
}
