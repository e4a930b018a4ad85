import Foundation
import TerminalUI
import WeftCore

/// What the Members screen keeps.
public struct MembersState: Equatable, Sendable {
    public internal(set) var members: [Member] = []
    public internal(set) var list = ListView()
    /// Each member's latest status update.
    public internal(set) var latestStatus: [Handle: StatusUpdate] = [:]
}

/// The Members screen: each member's handle, name, local time now, working
/// hours and whether they are inside them right now.
enum MembersScreen {
    static func height(_ state: State) -> Int {
        state.layout.mainList.height
    }

    static func handle(_ command: Command, key: Key, _ state: inout State) -> [Effect] {
        if state.members.list.apply(command, height: height(state)) {
            return []
        }
        return command == .back ? Navigation.back(key: key, &state) : []
    }

    /// New member rows: the selection stays on the same person.
    static func loaded(_ members: [Member], _ state: inout State) -> [Effect] {
        let selected = state.members.list.selectedIndex.flatMap { index in
            index < state.members.members.count ? state.members.members[index].handle : nil
        }
        state.members.members = members
        state.members.list.setRowCount(members.count, height: height(state))
        if let selected, let index = members.firstIndex(where: { $0.handle == selected }) {
            state.members.list.select(index, height: height(state))
        }
        return []
    }

    static func click(y: Int, _ state: inout State) -> [Effect] {
        guard let index = state.members.list.index(atY: y, in: state.layout.mainList) else { return [] }
        state.members.list.select(index, height: height(state))
        return []
    }

    static func scroll(by delta: Int, _ state: inout State) {
        state.members.list.scroll(by: delta, height: height(state))
    }

    /// Whether `member` is inside their working hours at `now`, in their own
    /// time zone; nil when their profile has no hours or no known zone.
    ///
    /// Profiles do not say which days a person works, so this assumes Monday
    /// to Friday (hours crossing midnight belong to the day they start on), as
    /// WeftCore's `WorkSchedule` does for the notification policy.
    static func isWorking(_ member: Member, at now: Timestamp) -> Bool? {
        guard let hours = member.hours, let zone = member.timeZone.flatMap(TimeZone.init(identifier:)) else {
            return nil
        }
        return WorkSchedule(hours: hours).contains(now, in: LocalTime(zone))
    }

    // MARK: - Rendering

    private struct Columns {
        var name: Int
        var showHours: Bool
        var showZone: Bool

        static let marker = 2, handle = 12, local = 9, status = 7, hours = 11, zone = 19

        init(width: Int) {
            let plan = ColumnPlan(
                total: width, fixed: Columns.marker + Columns.handle + 1 + 2 + Columns.local + 2 + Columns.status,
                optional: [Columns.hours + 2, Columns.zone + 2], minimumFlexible: 12)
            name = plan.flexible
            showHours = plan.shown[0]
            showZone = plan.shown[1]
        }
    }

    static func render(_ state: State, in rect: Rect, into grid: inout CellGrid) {
        let (header, listRect) = rect.splitTop(1)
        let columns = Columns(width: rect.width)
        drawHeader(columns, in: header, into: &grid)
        let members = state.members.members
        guard !members.isEmpty else {
            grid.fill(listRect)
            grid.put("No members yet: people appear here once they write.", x: listRect.x + 2, y: listRect.y,
                     style: Style(.dim), maxWidth: listRect.width - 2)
            return
        }
        state.members.list.render(into: &grid, in: listRect) { row, grid in
            guard row.index < members.count else { return }
            let member = members[row.index]
            drawRow(member, latest: state.members.latestStatus[member.handle], columns: columns, now: state.clock.now,
                    in: row.rect, into: &grid)
        }
    }

    private static func drawHeader(_ columns: Columns, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let dim = Style(.dim)
        var writer = RowWriter(in: rect)
        writer.gap(Columns.marker)
        writer.cell("Handle", width: Columns.handle, style: dim, into: &grid)
        writer.gap()
        writer.cell("Name · latest status", width: columns.name, style: dim, into: &grid)
        writer.gap(2)
        writer.cell("Local", width: Columns.local, style: dim, into: &grid)
        writer.gap(2)
        writer.cell("Now", width: Columns.status, style: dim, into: &grid)
        if columns.showHours {
            writer.gap(2)
            writer.cell("Hours", width: Columns.hours, style: dim, into: &grid)
        }
        if columns.showZone {
            writer.gap(2)
            writer.cell("Time zone", width: Columns.zone, style: dim, into: &grid)
        }
    }

    private static func drawRow(_ member: Member, latest: StatusUpdate?, columns: Columns, now: Timestamp, in rect: Rect,
                                into grid: inout CellGrid) {
        let working = isWorking(member, at: now)
        let zone = member.timeZone.flatMap(TimeZone.init(identifier:))
        var writer = RowWriter(in: rect)
        writer.cell(working == true ? "●" : "", width: Columns.marker, style: Style(.accent), into: &grid)
        writer.cell(member.handle.rawValue, width: Columns.handle, style: Style(.accent), into: &grid)
        writer.gap()
        // The name column also shows the member's latest status update.
        var name = member.name ?? ""
        if let latest {
            name += (name.isEmpty ? "" : " · ") + "[\(latest.kind.label)] " + WeftCore.Inert.line(latest.text)
        }
        writer.cell(name, width: columns.name, into: &grid)
        writer.gap(2)
        writer.cell(zone.map { LocalTime($0).clock(now) } ?? "—", width: Columns.local, style: Style(.dim), into: &grid)
        writer.gap(2)
        let status = working.map { $0 ? "working" : "off" } ?? "—"
        writer.cell(status, width: Columns.status, style: Style(working == true ? .accent : .dim), into: &grid)
        if columns.showHours {
            writer.gap(2)
            writer.cell(member.hours?.description ?? "—", width: Columns.hours, style: Style(.dim), into: &grid)
        }
        if columns.showZone {
            writer.gap(2)
            writer.cell(member.timeZone ?? "—", width: Columns.zone, style: Style(.dim), into: &grid)
        }
    }

    /// "5/50" for the status line.
    static func position(_ state: State) -> String {
        guard let index = state.members.list.selectedIndex else { return "" }
        return "\(index + 1)/\(state.members.members.count)"
    }
}
