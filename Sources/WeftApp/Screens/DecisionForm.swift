import TerminalUI
import WeftCore
import WeftStore

/// The small form `d` opens over a thread: the comment at the top of the view
/// (if any) becomes the decision, and/or the summary typed here. Enter saves,
/// Esc cancels.
public struct DecisionForm: Equatable, Sendable {
    public let thread: EventID
    public let comment: EventID?
    /// "bob: Postgres." — the comment as the form shows it.
    let commentLine: String?
    let replaces: Bool
    public internal(set) var summary = LineInput(fieldWidth: 40, placeholder: "summary (optional with a comment)")
}

enum DecisionFormScreen {
    /// Opens the form for the thread on screen.
    static func open(_ state: inout State) -> [Effect] {
        guard let thread = state.thread, let detail = thread.detail, let document = thread.document else { return [] }
        let height = max(1, ThreadScreen.viewport(state).height)
        let visibleParts = document.lines.dropFirst(thread.scroll).prefix(height).map(\.part)
        let comment = visibleParts.lazy.compactMap { document.commentParts[$0] }.first
        let post = comment.flatMap { id in detail.comments.first { $0.id == id } }
        state.decisionForm = DecisionForm(
            thread: detail.thread.id, comment: post?.id,
            commentLine: post.map { $0.author.rawValue + ": " + Inert.line(DigestText.excerpt($0.body, limit: 60)) },
            replaces: detail.decision != nil)
        return []
    }

    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var form = state.decisionForm else { return [] }
        switch key {
        case .escape:
            state.decisionForm = nil
            state.notice = Notice("No decision recorded.")
            return []
        case .enter:
            let text = form.summary.text.trimmingCharacters(in: .whitespaces)
            guard form.comment != nil || !text.isEmpty else {
                state.notice = Notice("Type a summary, or scroll so the deciding comment is on screen.", isWarning: true)
                return []
            }
            state.decisionForm = nil
            return [.decide(form.thread, comment: form.comment, summary: text.isEmpty ? nil : text)]
        default:
            _ = form.summary.handle(key)
            state.decisionForm = form
            return []
        }
    }

    static func saved(_ thread: EventID, reopened: Bool, _ state: inout State) -> [Effect] {
        state.notice = Notice(reopened ? "Thread reopened; its decision stays in the history." : "Decision recorded.")
        var effects: [Effect] = [.loadBoards]
        if state.thread?.id == thread { effects.append(.loadThread(thread)) }
        if let board = state.board { effects.append(.refreshBoard(board.slug, keeping: board.selected?.id)) }
        return effects
    }

    static func reopen(_ state: inout State) -> [Effect] {
        guard let detail = state.thread?.detail else { return [] }
        guard detail.decision != nil else {
            state.notice = Notice("This thread is not decided.")
            return []
        }
        return [.reopen(detail.thread.id)]
    }

    static func render(_ form: DecisionForm, in area: Rect, into grid: inout CellGrid) {
        var lines = [form.commentLine.map { "Decision: " + $0 } ?? "No comment on screen: the summary is the decision."]
        if form.replaces { lines.append("This replaces the thread's standing decision.") }
        lines.append("")
        lines.append(String(repeating: " ", count: 44))
        let modal = Modal(title: "Decide", lines: lines, footer: "Enter save · Esc cancel")
        let box = modal.render(into: &grid, in: area)
        guard box.height >= 3, box.width > 6 else { return }
        let field = Rect(x: box.x + 2, y: box.maxY - 2, width: box.width - 4, height: 1)
        var input = form.summary
        input.fieldWidth = field.width
        _ = input.render(into: &grid, in: field, style: Style(.normal, [.underline]))
    }
}
