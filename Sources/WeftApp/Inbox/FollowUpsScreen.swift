import TerminalUI
import WeftCore
import WeftStore

/// The Follow-ups screen: tabs "for me", "I asked", "all open" and
/// "reminders", soonest due first, overdue in the warning style. Enter opens
/// the thread; `d` done, `x` decline, `X` cancel, `c` change the due date.
enum FollowUpsScreen {
    static func loaded(_ entries: [FollowUpEntry], _ reminders: [Reminder], titles: [EventID: String],
                       _ state: inout State) -> [Effect] {
        state.followUps.entries = entries
        state.followUps.reminders = reminders
        state.followUps.reminderTitles = titles
        state.followUps.list.setRowCount(state.followUps.rows(viewer: state.viewer).count, height: InboxScreen.height(state))
        return []
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        let h = InboxScreen.height(state)
        if state.followUps.list.apply(command, height: h) {
            return []
        }
        let rows = state.followUps.rows(viewer: state.viewer)
        let row = state.followUps.list.selectedIndex.flatMap { $0 < rows.count ? rows[$0] : nil }
        switch command {
        case .nextTab, .previousTab:
            let tabs = FollowUpsTab.allCases
            let i = tabs.firstIndex(of: state.followUps.tab) ?? 0
            state.followUps.tab = tabs[(i + (command == .nextTab ? 1 : tabs.count - 1)) % tabs.count]
            state.followUps.list = ListView()
            state.followUps.list.setRowCount(state.followUps.rows(viewer: state.viewer).count, height: h)
            return []
        case .open:
            guard let thread = row?.thread else { return [] }
            return InboxScreen.openThread(thread, &state)
        case .markDone:
            switch row {
            case .followUp(let e)?: return [.perform(.resolveFollowUp(e.followUp.id, .done, reason: nil))]
            case .reminder(let r)?: return [.perform(.reminderDone(r.id))]
            case nil: return []
            }
        case .cancelFollowUp:
            guard case .followUp(let e)? = row else { return [] }
            return [.perform(.resolveFollowUp(e.followUp.id, .cancelled, reason: nil))]
        case .decline:
            guard case .followUp(let e)? = row else { return [] }
            state.form = FormState(.decline(e.followUp.id), title: "Decline: why?",
                                   fields: [("Reason", .text, "posted as a comment for \(e.followUp.requester)")])
            return []
        case .changeDue:
            switch row {
            case .followUp(let e)?:
                state.form = FormState(.reschedule(e.followUp.id), title: "New due date",
                                       fields: [("Due", .when, "fri, tomorrow 15:00, in 3d …")])
            case .reminder(let r)?:
                state.form = FormState(.moveReminder(r.id), title: "Remind me instead at",
                                       fields: [("When", .when, "1 later today · 2 tomorrow · 3 next week")],
                                       presets: FormState.whenPresets)
            case nil: break
            }
            return []
        case .back:
            return Navigation.back(key: key, &state)
        default:
            return []
        }
    }

    // MARK: Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (tabsRect, listRect) = rect.splitTop(1)
        grid.fill(tabsRect)
        var x = tabsRect.x + 1
        for tab in FollowUpsTab.allCases {
            let current = tab == state.followUps.tab
            let label = " \(tab.rawValue) "
            x += grid.put(label, x: x, y: tabsRect.y, style: current ? Style(.selection, [.bold]) : Style(.dim),
                          maxWidth: max(0, tabsRect.maxX - x))
            x += 1
        }
        let rows = state.followUps.rows(viewer: state.viewer)
        guard !rows.isEmpty else {
            grid.fill(listRect)
            let text = state.followUps.tab == .reminders ? "No reminders. Press b on a thread to set one."
                : "No open follow-ups here. Press f on a thread to ask for one."
            grid.put(text, x: listRect.x + 2, y: listRect.y, style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        state.followUps.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < rows.count else { return }
            draw(rows[row.index], state: state, in: row.rect, into: &grid)
        }
    }

    private static func draw(_ row: FollowUpsRow, state: State, in rect: Rect, into grid: inout CellGrid) {
        let overdue = row.due < state.clock.now
        var writer = RowWriter(in: rect)
        writer.gap(2)
        writer.cell(state.clock.full(row.due), width: 16, style: Style(overdue ? .warning : .normal, overdue ? [.bold] : []), into: &grid)
        writer.cell(overdue ? " overdue" : "", width: 9, style: Style(.warning), into: &grid)
        switch row {
        case .followUp(let e):
            let f = e.followUp
            let who = f.assignee == state.viewer ? "from \(f.requester)" : "to \(f.assignee)"
            writer.cell(who, width: 14, style: Style(.accent), into: &grid)
            writer.cell(e.title + (f.note.map { " · " + $0 } ?? ""), width: writer.remaining, into: &grid)
        case .reminder(let r):
            writer.cell("reminder", width: 14, style: Style(.accent), into: &grid)
            let title = r.thread.flatMap { state.followUps.reminderTitles[$0] } ?? ""
            writer.cell(title + (r.note.map { " · " + $0 } ?? ""), width: writer.remaining, into: &grid)
        }
    }
}

extension FollowUpsState {
    /// Open follow-ups asked of `viewer` (the sidebar's count).
    func openForViewer(_ viewer: Handle) -> Int {
        entries.count { $0.followUp.assignee == viewer && $0.followUp.state == .open }
    }
}
