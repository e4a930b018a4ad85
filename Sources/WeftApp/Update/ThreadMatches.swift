import TerminalUI
import WeftCore

/// Moving between search matches in a thread opened from search: the thread
/// opens at the matching post, and `n`/`N` go to the next/previous line with
/// a match (wrapping around), keeping a couple of lines above it in view.
enum ThreadMatches {
    /// Lines kept above a match when scrolling to it.
    static let context = 2

    /// After loading: scroll to the first match in the result's post (or the
    /// post itself when its match is in a part not shown, such as a title).
    static func showFocus(_ state: inout State) {
        guard var thread = state.thread, let document = thread.document, let focus = thread.focusPost,
              let start = document.postLines[focus] else { return }
        let nextPost = document.postLines.values.filter { $0 > start }.min() ?? document.lines.count
        if let index = document.matchLines.firstIndex(where: { $0 >= start && $0 < nextPost }) {
            thread.currentMatch = index
            thread.scroll = document.matchLines[index] - context
        } else {
            thread.scroll = start
        }
        thread.focusPost = nil
        state.thread = thread
        ThreadScreen.scroll(by: 0, &state)
    }

    /// `n` (+1) or `N` (-1).
    static func step(_ delta: Int, _ state: inout State) {
        guard var thread = state.thread, let document = thread.document else { return }
        let matches = document.matchLines
        guard !matches.isEmpty else {
            state.notice = Notice("No matches in this thread's text.")
            return
        }
        let next: Int
        if let current = thread.currentMatch, current < matches.count {
            next = (current + delta + matches.count) % matches.count
        } else {
            // From the top of the screen.
            let top = thread.scroll + context
            next = delta > 0 ? (matches.firstIndex { $0 >= top } ?? 0) : (matches.lastIndex { $0 < top } ?? matches.count - 1)
        }
        thread.currentMatch = next
        thread.scroll = matches[next] - context
        state.thread = thread
        ThreadScreen.scroll(by: 0, &state)
    }

    /// While matches are highlighted, `n` goes to them: the status line says so.
    static func hints(_ hints: [KeyHint], _ state: State) -> [KeyHint] {
        guard state.context == .thread, state.thread?.highlight != nil else { return hints }
        // While matches are highlighted, n/N is what the reader needs first.
        return [KeyHint("n/N", "match")] + hints.filter { $0.key != Command.nextUnread.hintKey }
    }

    /// "match 2/5" while a search highlight is on.
    static func position(_ state: State) -> String? {
        guard let thread = state.thread, thread.highlight != nil, let document = thread.document else { return nil }
        let count = document.matchLines.count
        guard count > 0 else { return "no matches" }
        return "match \((thread.currentMatch ?? -1) + 1)/\(count)"
    }
}
