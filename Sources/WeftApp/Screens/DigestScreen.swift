import TerminalUI
import WeftCore
import WeftStore

/// What the Digest screen keeps: the week shown, its digest once loaded, the
/// folded sections and the rows they make.
public struct DigestState: Equatable, Sendable {
    public internal(set) var week: ISOWeek?
    public internal(set) var digest: Digest?
    public internal(set) var folded: Set<DigestSection.Kind> = []
    public internal(set) var rows: [DigestRow] = []
    public internal(set) var list = ListView()
}

/// One row of the Digest screen.
public enum DigestRow: Hashable, Sendable {
    case section(DigestSection.Kind, count: Int, folded: Bool)
    case heading(String)
    case item(DigestItem)
    case empty(String)
}

/// The weekly digest: the header with the week's counts pinned at the top,
/// then each section with its items. Enter on a section title folds it, on an
/// item opens its thread (`q` comes back); `[` `]` move by a week, `t` returns
/// to this week.
enum DigestScreen {
    /// Rows of the pinned header: title, counts, rule.
    static let headerHeight = 3

    static func listRect(_ state: State) -> Rect {
        state.layout.main.splitTop(headerHeight).rest
    }

    static func height(_ state: State) -> Int { listRect(state).height }

    static func thisWeek(_ state: State) -> ISOWeek {
        WeekCalendar(state.clock.local.timeZone).week(containing: state.clock.now)
    }

    /// Shows the digest of `week` (this week when nil).
    static func open(week: ISOWeek?, _ state: inout State) -> [Effect] {
        let w = week ?? state.digest.week ?? thisWeek(state)
        if state.digest.week != w {
            state.digest.digest = nil
            state.digest.rows = []
            state.digest.list = ListView()
        }
        state.digest.week = w
        return [.loadDigest(w)]
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.digest.list.apply(command, height: height(state)) { return [] }
        guard let week = state.digest.week else { return command == .back ? Navigation.back(key: key, &state) : [] }
        switch command {
        case .previousWeek: return open(week: week.previous, &state)
        case .nextWeek: return open(week: week.next, &state)
        case .thisWeek: return open(week: thisWeek(state), &state)
        case .fold: foldSelected(&state)
        case .open: return openSelected(&state)
        case .back: return Navigation.back(key: key, &state)
        default: break
        }
        return []
    }

    static func loaded(_ digest: Digest, _ state: inout State) -> [Effect] {
        guard digest.week == state.digest.week else { return [] }
        state.digest.digest = digest
        rebuildRows(&state)
        return []
    }

    static func rebuildRows(_ state: inout State) {
        guard let digest = state.digest.digest else { return }
        var rows: [DigestRow] = []
        for section in digest.sections {
            let folded = state.digest.folded.contains(section.kind)
            rows.append(.section(section.kind, count: section.itemCount, folded: folded))
            if folded { continue }
            if section.isEmpty { rows.append(.empty(section.kind.emptyText)) }
            for group in section.groups {
                if let h = group.heading { rows.append(.heading(h)) }
                rows += group.items.map(DigestRow.item)
            }
        }
        state.digest.rows = rows
        state.digest.list.setRowCount(rows.count, height: height(state))
    }

    /// The section the selected row belongs to, and that section's title row.
    static func sectionOfSelection(_ state: State) -> (DigestSection.Kind, Int)? {
        guard let index = state.digest.list.selectedIndex else { return nil }
        for i in stride(from: min(index, state.digest.rows.count - 1), through: 0, by: -1) {
            if case .section(let kind, _, _) = state.digest.rows[i] { return (kind, i) }
        }
        return nil
    }

    static func foldSelected(_ state: inout State) {
        guard let (kind, row) = sectionOfSelection(state) else { return }
        if state.digest.folded.contains(kind) { state.digest.folded.remove(kind) } else { state.digest.folded.insert(kind) }
        rebuildRows(&state)
        state.digest.list.select(row, height: height(state))
    }

    static func openSelected(_ state: inout State) -> [Effect] {
        guard let index = state.digest.list.selectedIndex, index < state.digest.rows.count else { return [] }
        switch state.digest.rows[index] {
        case .section:
            foldSelected(&state)
            return []
        case .item(let item):
            guard let thread = item.thread else {
                state.notice = Notice("A status update has no thread to open.")
                return []
            }
            return Navigation.openThread(id: thread, &state)
        case .heading, .empty:
            return []
        }
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard let index = state.digest.list.index(atY: y, in: listRect(state)) else { return [] }
        if state.digest.list.selectedIndex == index { return openSelected(&state) }
        state.digest.list.select(index, height: height(state))
        return []
    }

    static func scroll(by delta: Int, _ state: inout State) {
        state.digest.list.scroll(by: delta, height: height(state))
    }

    // MARK: - Rendering

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let (header, listRect) = rect.splitTop(headerHeight)
        let week = state.digest.week ?? thisWeek(state)
        let isThisWeek = week == thisWeek(state)
        let title = state.digest.digest?.title ?? week.description
        grid.put(" Weekly digest · " + title + (isThisWeek ? " · this week" : ""), x: header.x, y: header.y,
                 style: Style(.accent, [.bold]), maxWidth: header.width)
        guard let digest = state.digest.digest else {
            grid.put(" Loading…", x: header.x, y: header.y + 1, style: Style(.dim), maxWidth: header.width)
            return
        }
        if header.height > 1 {
            grid.put(" " + digest.countsLine, x: header.x, y: header.y + 1, style: Style(.dim), maxWidth: header.width)
        }
        if header.height > 2 {
            grid.put(String(repeating: "─", count: max(0, rect.width)), x: rect.x, y: header.y + 2, style: Style(.dim))
        }
        let rows = state.digest.rows
        let local = state.clock.local
        state.digest.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < rows.count else { return }
            drawRow(rows[row.index], local: local, week: digest.interval, in: row.rect, into: &grid)
        }
    }

    private static func drawRow(_ row: DigestRow, local: LocalTime, week: Range<Timestamp>, in rect: Rect,
                                into grid: inout CellGrid) {
        var x = rect.x
        func put(_ text: String, _ style: Style) {
            guard x < rect.maxX else { return }
            x += grid.put(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        }
        switch row {
        case .section(let kind, let count, let folded):
            put((folded ? " ▸ " : " ▾ ") + kind.title, Style(.accent, [.bold]))
            put(count > 0 ? " (\(count))" : "", Style(.dim))
        case .heading(let text):
            put("   " + Inert.line(text), Style(.normal, [.bold]))
        case .empty(let text):
            put("   " + text, Style(.dim))
        case .item(let item):
            // When, who and where first, so narrow screens cut the text, not them.
            put(item.highlight ? "   ! " : "     ", Style(.warning, [.bold]))
            var writer = RowWriter(in: Rect(x: x, y: rect.y, width: max(0, rect.maxX - x), height: 1))
            writer.cell(shortWhen(item.at, local, week: week), width: 12, style: Style(.dim), into: &grid)
            writer.gap()
            writer.cell(item.author.rawValue, width: 8, style: Style(.accent), into: &grid)
            writer.gap()
            writer.cell("#" + (item.board?.rawValue ?? "space"), width: 11, style: Style(.dim), into: &grid)
            writer.gap()
            x = rect.maxX - writer.remaining
            put(Inert.line(item.title), item.highlight ? Style(.warning) : .normal)
            if let text = item.text, !text.isEmpty { put(" — " + Inert.line(DigestText.excerpt(text, limit: 60)), .normal) }
            if let note = item.note { put(" (\(note))", Style(.dim)) }
        }
    }

    /// `Fri 14:05` inside the week on screen; `Nov 25 17:00` outside it (a
    /// follow-up due next week, a mention from before).
    static func shortWhen(_ t: Timestamp, _ local: LocalTime, week: Range<Timestamp>) -> String {
        let words = DigestText.when(t, local).split(separator: " ").map(String.init)  // Fri Nov 20 14:05
        guard words.count == 4 else { return words.joined(separator: " ") }
        return week.contains(t) ? words[0] + " " + words[3] : words[1] + " " + words[2] + " " + words[3]
    }

    /// "12/40" for the status line.
    static func position(_ state: State) -> String {
        guard let index = state.digest.list.selectedIndex else { return "" }
        return "\(index + 1)/\(state.digest.rows.count)"
    }
}
