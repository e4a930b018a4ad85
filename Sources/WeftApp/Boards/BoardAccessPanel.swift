import TerminalUI
import WeftCore
import WeftStore

/// A board's members as the panel shows them (`Effect.loadBoardAccess`).
public struct BoardAccessView: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var handle: Handle
        public var role: WeftCore.Role
        public var isCreator: Bool
    }

    public var slug: BoardSlug
    public var visibility: Visibility
    public var creator: Handle
    public var members: [Row]
    /// Whether the viewer may change members and visibility
    /// (`SpaceAccess.mayManage`, the same rule the store checks).
    public var mayManage: Bool
}

/// The panel `A` opens over a board: who belongs to it and whether it is
/// private. Its creator and admins add (`a`), remove (`x`) and switch the
/// visibility (`v`) through the store functions `weft board members` and
/// `weft board visibility` use; everyone else only reads.
public struct BoardAccessPanel: Equatable, Sendable {
    public var slug: BoardSlug
    public internal(set) var view: BoardAccessView?
    public internal(set) var selected = 0

    var selectedMember: BoardAccessView.Row? {
        guard let rows = view?.members, rows.indices.contains(selected) else { return nil }
        return rows[selected]
    }
}

enum BoardAccessScreen {
    /// `A` on a board, or on the selected board of the Boards screen.
    static func open(_ state: inout State) -> [Effect] {
        var slug = state.board?.slug
        if case .boards = state.route, let index = state.boards.list.selectedIndex, index < state.boards.rows.count {
            slug = state.boards.rows[index].board.slug
        }
        guard let slug else { return [] }
        state.boardAccess = BoardAccessPanel(slug: slug)
        return [.loadBoardAccess(slug)] + (state.members.members.isEmpty ? [.loadMembers] : [])
    }

    static func loaded(_ view: BoardAccessView, _ state: inout State) -> [Effect] {
        guard var panel = state.boardAccess, panel.slug == view.slug else { return [] }
        let keep = panel.selectedMember?.handle
        panel.view = view
        panel.selected = keep.flatMap { h in view.members.firstIndex { $0.handle == h } } ?? min(panel.selected, max(0, view.members.count - 1))
        state.boardAccess = panel
        return []
    }

    static func handle(_ command: Command, _ state: inout State) -> [Effect] {
        guard var panel = state.boardAccess else { return [] }
        let count = panel.view?.members.count ?? 0
        switch command {
        case .back:
            state.boardAccess = nil
        case .moveDown:
            panel.selected = min(max(0, count - 1), panel.selected + 1)
            state.boardAccess = panel
        case .moveUp:
            panel.selected = max(0, panel.selected - 1)
            state.boardAccess = panel
        case .addMember, .removeMember, .toggleVisibility:
            guard let view = panel.view else { return [] }
            guard view.mayManage else {
                state.notice = Notice("Only #\(view.slug)'s creator (\(view.creator)) or an admin can change its members and visibility.",
                                      isWarning: true)
                return []
            }
            return manage(command, view, panel, &state)
        default:
            break
        }
        return []
    }

    private static func manage(_ command: Command, _ view: BoardAccessView, _ panel: BoardAccessPanel, _ state: inout State) -> [Effect] {
        switch command {
        case .addMember:
            state.form = FormState(.addBoardMember(view.slug), title: "Add a member to #\(view.slug)",
                                   fields: [("Who", .handle, "a handle (Tab completes)")])
            return state.members.members.isEmpty ? [.loadMembers] : []
        case .removeMember:
            guard let row = panel.selectedMember else { return [] }
            guard !row.isCreator else {
                state.notice = Notice("\(row.handle) created #\(view.slug) and owns its directory: they cannot be removed.", isWarning: true)
                return []
            }
            state.dialog = DialogState(
                kind: .boardChange(.boardMembers(view.slug, add: [], remove: [row.handle])),
                title: "Remove \(row.handle) from #\(view.slug)?",
                message: view.visibility == .private
                    ? ["They can no longer read the board, at once."] : ["The board is public: they still read it as a member of the space."])
        case .toggleVisibility:
            let next: Visibility = view.visibility == .private ? .public : .private
            state.dialog = DialogState(
                kind: .boardChange(.boardVisibility(view.slug, next)),
                title: "Make #\(view.slug) \(next.rawValue)?",
                message: next == .private
                    ? ["Only its \(view.members.count) member\(view.members.count == 1 ? "" : "s") will see it."]
                    : ["Everyone in the space (but guests) will see it."])
        default:
            break
        }
        return []
    }

    /// The handle typed in the add form, checked like the new-board form's members.
    static func addChange(_ slug: BoardSlug, text: String, _ state: State) throws(FormUpdate.FormError) -> Change {
        switch BoardForm.handles(text, state) {
        case .failure(let problem): throw FormUpdate.FormError(problem.message)
        case .success(let handles):
            guard !handles.isEmpty else { throw FormUpdate.FormError("give the handle of who to add") }
            if let already = handles.first(where: { h in state.boardAccess?.view?.members.contains { $0.handle == h } == true }) {
                throw FormUpdate.FormError("\(already) is already a member of #\(slug)")
            }
            return .boardMembers(slug, add: handles, remove: [])
        }
    }

    static func render(_ panel: BoardAccessPanel, in area: Rect, into grid: inout CellGrid) {
        let title = "Members of #\(panel.slug)"
        guard let view = panel.view else {
            Modal(title: title, lines: ["Loading…"], footer: "Esc close").render(into: &grid, in: area)
            return
        }
        var lines = [view.visibility == .private ? "Private: only these members can read it." : "Public: every member of the space can read it.", ""]
        for row in view.members {
            let note = [row.role == .member ? nil : row.role.rawValue, row.isCreator ? "creator" : nil].compactMap { $0 }
            lines.append(row.handle.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0) + note.joined(separator: ", "))
        }
        lines.append("")
        lines.append(view.mayManage ? "a add · x remove · v make \(view.visibility == .private ? "public" : "private")"
                                    : "Only its creator or an admin can change this.")
        var modal = Modal(title: title, lines: lines, footer: "j/k move · Esc close")
        // Keep the selected member in view when the list is taller than the box.
        let rows = max(1, area.height - 2)
        modal.firstLine = max(0, min(2 + panel.selected - (rows - 3), lines.count - rows))
        let box = modal.render(into: &grid, in: area)
        let y = box.y + 1 + 2 + panel.selected - modal.firstLine
        if !view.members.isEmpty, y < box.maxY - 1 {
            grid.restyle(Rect(x: box.x + 1, y: y, width: box.width - 2, height: 1)) { $0.with(role: .selection) }
        }
    }
}
