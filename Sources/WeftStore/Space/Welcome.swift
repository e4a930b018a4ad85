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

        Status updates say how your work is going: on track, at risk, blocked, done, or a note. Post one with 'weft status post' and read them with 'weft status list'.

        Keys: arrows or j/k move, Enter opens, q or Esc goes back, ? shows every key of the screen you are on, Tab switches between the sidebar and the main pane, n/p jump to the next/previous unread thread.

        From the shell: 'weft board list', 'weft thread list --board welcome', 'weft thread new --board welcome --title "Hello"', 'weft status post "Shipping the beta" --kind onTrack'. Run 'weft --help' for everything.
        """
}
