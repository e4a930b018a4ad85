import Foundation
import TerminalUI
import WeftCore
import WeftStore

/// The Settings screen: cadence, time zone and working hours (public, in the
/// profile), working days, "work can wait", snooze-all, then each board's
/// level and cadence. Enter changes the selected row: "work can wait" toggles,
/// the rest opens a small form.
enum SettingsScreen {
    static func loaded(_ snapshot: SettingsSnapshot, _ state: inout State) -> [Effect] {
        state.settings.snapshot = snapshot
        state.settings.list.setRowCount(state.settings.rows.count, height: InboxScreen.height(state))
        return []
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.settings.list.apply(command, height: InboxScreen.height(state)) {
            return []
        }
        let rows = state.settings.rows
        switch command {
        case .open:
            guard let i = state.settings.list.selectedIndex, i < rows.count, let s = state.settings.snapshot else { return [] }
            let row = rows[i]
            switch row {
            case .workCanWait:
                return [.perform(.workCanWait(!s.prefs.holdOutsideHours))]
            case .board(let slug):
                state.form = FormState(.setting(row), title: "#\(slug)", fields: [
                    ("Level", .text, "watching, tracking, normal, muted"),
                    ("Cadence", .text, "empty: yours; or instant, hourly, daily 09:00 …"),
                ])
                state.form?.fields[0].input.setText((s.prefs.boardLevels[slug] ?? .normal).rawValue)
                state.form?.fields[1].input.setText(s.prefs.boardCadences[slug]?.description ?? "")
                return []
            default:
                let (label, placeholder) = prompt(row)
                state.form = FormState(.setting(row), title: label, fields: [(label, row == .snooze ? .when : .text, placeholder)],
                                       presets: row == .snooze ? FormState.whenPresets : [])
                state.form?.fields[0].input.setText(value(row, s, clock: state.clock))
                return []
            }
        case .back:
            return Navigation.back(key: key, &state)
        default:
            return []
        }
    }

    static func prompt(_ row: SettingsRow) -> (String, String) {
        switch row {
        case .cadence: ("Cadence", "instant, hourly, daily 09:00, weekly mon 09:00")
        case .timeZone: ("Time zone", "e.g. Asia/Tokyo (public)")
        case .hours: ("Working hours", "09:00-17:30 or 22:00-06:00; empty clears (public)")
        case .workdays: ("Working days", "mon-fri, sun-thu, mon,wed,fri")
        case .snooze: ("Snooze everything until", "1 later today · 2 tomorrow · 3 next week; empty: off")
        case .workCanWait, .board: ("", "")
        }
    }

    static func value(_ row: SettingsRow, _ s: SettingsSnapshot, clock: ViewerClock) -> String {
        switch row {
        case .cadence: s.prefs.cadence.description
        case .timeZone: s.timeZone
        case .hours: s.hours?.description ?? ""
        case .workdays: WorkSchedule.daysText(s.prefs.workdays)
        case .workCanWait: s.prefs.holdOutsideHours ? "on: held outside working hours" : "off: delivered any time"
        case .snooze: s.prefs.snooze.flatMap { $0.until > clock.now ? clock.full($0.until) : nil } ?? ""
        case .board(let slug):
            (s.prefs.boardLevels[slug] ?? .normal).rawValue + (s.prefs.boardCadences[slug].map { " · \($0)" } ?? "")
        }
    }

    /// The change a submitted settings form asks for.
    static func change(_ row: SettingsRow, text: String, second: String = "", _ state: State) throws -> Change? {
        do {
            switch row {
            case .cadence: return .cadence(try Cadence(parsing: text))
            case .timeZone: return .profile(timeZone: try Validate.timeZone(text).identifier, hours: nil)
            case .hours: return .profile(timeZone: nil, hours: text.isEmpty ? "" : try WorkingHours(parsing: text).description)
            case .workdays: return .workdays(try WorkSchedule.days(parsing: text))
            case .snooze:
                if text.isEmpty || text.lowercased() == "off" { return .snoozeAll(until: nil) }
                return .snoozeAll(until: try DueParser(timeZone: state.clock.local.timeZone, now: state.clock.now).parse(text))
            case .board(let slug):
                return .board(slug, try BoardLevel(parsing: text), cadence: second.isEmpty ? nil : try Cadence(parsing: second))
            case .workCanWait: return nil
            }
        } catch {
            throw FormUpdate.FormError(error.description)
        }
    }

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (header, listRect) = rect.splitTop(1)
        grid.fill(header)
        grid.put("Time zone and working hours are public; the rest is private to you.", x: header.x + 2, y: header.y,
                 style: Style(.dim), maxWidth: header.width - 2)
        guard let s = state.settings.snapshot else {
            grid.fill(listRect)
            return
        }
        let rows = state.settings.rows
        state.settings.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < rows.count else { return }
            let r = rows[row.index]
            var writer = RowWriter(in: row.rect)
            writer.gap(2)
            let label: String
            switch r {
            case .workCanWait: label = "Work can wait"
            case .board(let slug): label = "#" + slug.rawValue
            default: label = prompt(r).0
            }
            writer.cell(label, width: 26, style: Style(.accent), into: &grid)
            let shown = value(r, s, clock: state.clock)
            writer.cell(shown.isEmpty ? "—" : shown, width: writer.remaining, into: &grid)
        }
    }
}
