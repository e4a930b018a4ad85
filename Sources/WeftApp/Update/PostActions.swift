import TerminalUI
import WeftCore
import WeftStore

/// What the writing keys do on the Thread screen: select a paragraph or
/// comment (`[`/`]`), and reply, comment on it, react, edit, delete, or read
/// its history. Editing and deleting work only on the viewer's own posts;
/// anyone else's gets a clear message and nothing opens.
enum PostActions {
    /// Runs a writing command of the Thread screen; nil for other commands.
    static func handle(_ command: Command, _ state: inout State) -> [Effect]? {
        switch command {
        case .nextPost, .previousPost:
            select(by: command == .nextPost ? 1 : -1, &state)
            return []
        case .reply, .commentOnBlock, .react, .editPost, .deletePost, .postHistory:
            break
        default:
            return nil
        }
        guard let detail = state.thread?.detail, let target = selectedTarget(state) else {
            state.notice = Notice("Wait until the thread has loaded.", isWarning: true)
            return []
        }
        let post = target.post
        switch command {
        case .reply:
            let parent = post.kind == .comment ? post : nil
            return ComposeUpdate.openComment(on: detail, parent: parent, block: nil, &state)
        case .commentOnBlock:
            guard let block = target.block else {
                state.notice = Notice(
                    "Select a paragraph of the thread first ([ and ] move); r replies to a comment.", isWarning: true)
                return []
            }
            return ComposeUpdate.openComment(on: detail, parent: nil, block: block, &state)
        case .react:
            guard !post.redacted else {
                state.notice = Notice("This post was deleted: there is nothing to react to.", isWarning: true)
                return []
            }
            let mine = post.reactions.filter { $0.authors.contains(state.viewer) }.map(\.emoji)
            state.dialog = DialogState(
                kind: .react(target: post.id, board: detail.board.slug, mine: mine),
                title: "React to \(post.author)’s \(post.kind == .thread ? "thread" : "comment")",
                message: mine.isEmpty ? [] : ["Yours: " + mine.joined(separator: " ") + " (pick again to remove)"])
            return []
        case .editPost, .deletePost:
            guard post.author == state.viewer else {
                let verb = command == .editPost ? "edit" : "delete"
                state.notice = Notice(
                    "You can only \(verb) your own posts: this one is by \(post.author).", isWarning: true)
                return []
            }
            guard !post.redacted else {
                state.notice = Notice("This post is already deleted.", isWarning: true)
                return []
            }
            if command == .editPost {
                return ComposeUpdate.openEdit(post, in: detail, &state)
            }
            state.dialog = DialogState(
                kind: .deletePost(post.id, board: detail.board.slug),
                title: post.kind == .thread ? "Delete this thread?" : "Delete this comment?",
                message: [
                    "Readers will see “[deleted]” in its place.", "Its earlier versions stay in the journal.", "",
                    "y delete · n keep",
                ])
            return []
        case .postHistory:
            return [.loadHistory(post.id)]
        default:
            return nil
        }
    }

    /// The selected target: the one chosen with `[`/`]` while it is on
    /// screen, else the first one whose text starts on screen, else the one
    /// the top line belongs to. Looks only at the visible lines, so drawing
    /// costs the same for a thread of any length.
    static func selectedTarget(_ state: State) -> ThreadDocument.Target? {
        guard let thread = state.thread, let document = thread.document, !document.targets.isEmpty else { return nil }
        let lines = document.lines
        let height = max(1, ThreadScreen.viewport(state).height)
        let start = min(max(0, thread.scroll), max(0, lines.count - 1))
        let visible = start..<min(lines.count, start + height)
        guard !visible.isEmpty else { return document.targets.first }
        let targets = document.targets
        if let key = thread.selection, let chosen = targets.first(where: { $0.key == key }),
           lines[visible].contains(where: { $0.part == chosen.part })
        {
            return chosen
        }
        for index in visible where index == 0 || lines[index - 1].part != lines[index].part {
            if let target = target(forPart: lines[index].part, in: targets) {
                return target
            }
        }
        let topPart = lines[visible.lowerBound].part
        return targets.last { $0.part <= topPart } ?? targets.first
    }

    /// The target drawn as `part` (targets are in increasing part order).
    private static func target(forPart part: Int, in targets: [ThreadDocument.Target]) -> ThreadDocument.Target? {
        var low = 0
        var high = targets.count
        while low < high {
            let middle = (low + high) / 2
            if targets[middle].part < part { low = middle + 1 } else { high = middle }
        }
        return low < targets.count && targets[low].part == part ? targets[low] : nil
    }

    /// `]`/`[`: selects the next or previous target and scrolls it into view.
    private static func select(by delta: Int, _ state: inout State) {
        guard var thread = state.thread, let document = thread.document, !document.targets.isEmpty else { return }
        let current = selectedTarget(state).flatMap { target in document.targets.firstIndex(of: target) } ?? 0
        let index = min(max(0, current + delta), document.targets.count - 1)
        thread.selection = document.targets[index].key
        state.thread = thread
        let part = document.targets[index].part
        guard let first = document.firstLine(of: part) else { return }
        let last = (document.lines.lastIndex { $0.part == part }) ?? first
        let height = max(1, ThreadScreen.viewport(state).height)
        if first < thread.scroll {
            ThreadScreen.scroll(by: first - thread.scroll, &state)
        } else if last >= thread.scroll + height {
            ThreadScreen.scroll(by: min(first - thread.scroll, last - (thread.scroll + height) + 1), &state)
        }
    }

    /// `H`: the versions, newest first, in a box.
    static func historyLoaded(_ id: EventID, _ revisions: [Revision], _ state: inout State) -> [Effect] {
        guard !revisions.isEmpty else {
            state.notice = Notice("This post no longer exists.", isWarning: true)
            return []
        }
        let width = max(20, min(72, state.size.width - 8))
        var lines: [String] = []
        for (offset, revision) in revisions.enumerated().reversed() {
            let label = offset == revisions.count - 1 ? "current" : "version \(offset + 1)"
            lines.append("── \(state.clock.full(revision.at)) · \(label)")
            if let title = revision.title {
                lines += TextWrap.lines(title, width: width)
            }
            lines += TextWrap.lines(revision.text, width: width)
            lines.append("")
        }
        let edits = revisions.count - 1
        state.dialog = DialogState(
            kind: .text(lines: lines),
            title: edits == 0 ? "Never edited" : "\(edits) earlier version\(edits == 1 ? "" : "s")", message: lines)
        return []
    }
}
