import TerminalUI
import WeftCore
import WeftStore

/// Opening a composer for each purpose.
extension ComposeUpdate {
    /// Opens `compose` (over whatever is on screen) and asks for its draft.
    static func open(_ compose: ComposeState, _ state: inout State) -> [Effect] {
        state.compose = compose
        state.help = nil
        layout(&state)
        var effects: [Effect] = []
        if let key = compose.draftKey {
            effects.append(.loadDraft(key))
        }
        if state.members.members.isEmpty {
            effects.append(.loadMembers)
        }
        return effects
    }

    static func body(_ text: String = "", placeholder: String) -> ComposeState.Field {
        ComposeState.Field(
            id: .body, label: "Text",
            content: .text(Editor(text: text, limit: .utf8Bytes(Limits.bodyBytes), placeholder: placeholder)))
    }

    /// A status update's kind (on track, at risk, …), chosen with ←/→.
    static func kindField() -> ComposeState.Field {
        ComposeState.Field(id: .kind, label: "Kind", content: .choice(StatusKind.allCases.map(\.label), selected: 0))
    }

    static func titleField(_ text: String = "") -> ComposeState.Field {
        ComposeState.Field(id: .title, label: "Title", content: .line(LineInput(text: text, placeholder: "one line")))
    }

    /// `N`: a new thread, in the open or selected board.
    static func openNewThread(_ state: inout State) -> [Effect] {
        let slugs = state.boards.rows.map(\.board.slug)
        guard !slugs.isEmpty else {
            state.notice = Notice("There is no board yet: create one with `weft board create`.", isWarning: true)
            return []
        }
        var current = state.board?.slug
        if case .boards = state.route, let index = state.boards.list.selectedIndex, index < slugs.count {
            current = slugs[index]
        }
        let selected = current.flatMap { slugs.firstIndex(of: $0) } ?? 0
        let compose = ComposeState(
            purpose: .newThread, title: "New thread",
            fields: [
                ComposeState.Field(id: .board, label: "Board", content: .choice(slugs.map(\.rawValue), selected: selected)),
                titleField(),
                body(placeholder: "Write the first post. A blank line starts a new paragraph; **bold**, *emphasis*, `code`, - lists, > quotes."),
            ],
            draftKey: "thread")
        return open(compose, &state)
    }

    /// `r` on the thread or a paragraph, `r` on a comment (a reply), `c` on
    /// a paragraph (a contextual comment).
    static func openComment(on detail: ThreadDetail, parent: PostView?, block: Block?, _ state: inout State) -> [Effect] {
        let thread = detail.thread.id
        let title: String
        let key: String
        if let parent {
            title = "Reply to \(parent.author)"
            key = "reply:\(parent.id)"
        } else if let block {
            title = "Comment on ¶\((detail.thread.blocks.firstIndex(of: block) ?? 0) + 1)"
            key = "block:\(thread):\(block.id)"
        } else {
            title = "Comment on “\(detail.thread.title ?? "")”"
            key = "comment:\(thread)"
        }
        var compose = ComposeState(
            purpose: .comment(thread: thread, board: detail.board.slug, parent: parent?.id, anchor: block?.id),
            title: title, fields: [body(placeholder: "Write your comment. @ mentions someone (Tab completes).")],
            draftKey: key)
        compose.quote = block?.text ?? parent.map { $0.redacted ? "[deleted]" : $0.body }
        return open(compose, &state)
    }

    /// `e` on the viewer's post.
    static func openEdit(_ post: PostView, in detail: ThreadDetail, _ state: inout State) -> [Effect] {
        let isThread = post.kind == .thread
        var fields: [ComposeState.Field] = []
        if isThread {
            fields.append(titleField(post.title ?? ""))
        }
        fields.append(body(isThread ? Blocks.join(post.blocks) : post.body, placeholder: "The new text."))
        let compose = ComposeState(
            purpose: .edit(target: post.id, board: detail.board.slug, isThread: isThread, blocks: post.blocks),
            title: isThread ? "Edit thread" : "Edit comment", fields: fields, draftKey: "edit:\(post.id)")
        return open(compose, &state)
    }

    /// `s`: a status update.
    static func openStatus(_ state: inout State) -> [Effect] {
        let boards = ["(no board)"] + state.boards.rows.map(\.board.slug.rawValue)
        let current = state.board.flatMap { boards.firstIndex(of: $0.slug.rawValue) } ?? 0
        let compose = ComposeState(
            purpose: .status, title: "Status update",
            fields: [
                kindField(),
                ComposeState.Field(id: .board, label: "Board", content: .choice(boards, selected: current)),
                body(placeholder: "What is the news? (←/→ above change the kind and board)"),
            ],
            draftKey: "status")
        return open(compose, &state)
    }
}
