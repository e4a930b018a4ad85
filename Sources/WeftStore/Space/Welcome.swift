import WeftCore

/// The welcome board and thread written into a new default space.
enum Welcome {
    static let slug = "welcome"

    static func write(into store: Store) throws(StoreError) {
        // Validated constants; a failure here is a programming error we still report cleanly.
        guard let slug = try? BoardSlug(slug) else { return }
        try store.createBoard(slug, title: "Welcome", purpose: "How Weft works — read this first")
        try store.append(.threadCreated(ThreadCreated(title: "Start here: how Weft works", blocks: Blocks.split(body))),
                         board: slug)
    }

    static let body = """
        Weft is a forum for teams that do not share a clock. Write when you are ready; read when you are ready. Nothing is lost: everything lives in plain files in this space's directory.

        Boards hold threads. A thread has a title and a body made of paragraphs (blocks). Anyone can comment on a thread, reply to a comment, or comment on one paragraph of the body.

        Status updates say how your work is going: on track, at risk, blocked, done, or a note. Press s anywhere to post one; the Status screen in the sidebar lists them.

        Writing: N starts a thread, r replies, c comments on the selected paragraph ([ and ] select), + reacts, e edits, f asks someone to follow up by a date, d records a decision. Ctrl-S sends; unsent text is kept as a draft.

        Reading: the Inbox (i) holds what needs you, delivered when you chose (Settings). / searches everything. In a board, U shows only unread threads and C catches up; in a thread, n/p walk the new comments. The Digest sums up a week.

        Keys: arrows or j/k move, Enter opens, q or Esc goes back, ? shows every key of the screen you are on, Tab switches between the sidebar and the main pane.

        From the shell: 'weft board list', 'weft thread list --board welcome', 'weft thread new --board welcome --title "Hello"', 'weft status post "Shipping the beta" --kind onTrack', 'weft inbox', 'weft search "launch plan"', 'weft digest'. Run 'weft --help' for everything.
        """
}
