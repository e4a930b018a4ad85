import GRDB
import WeftCore

/// Reading at speed: stars, per-board list options, catching up and marking
/// unread. All of it is private state; none of it is written to the space.
extension Index {
    // MARK: Stars

    public func starredBoards() throws(StoreError) -> Set<BoardSlug> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT board FROM st.stars").compactMap { try? BoardSlug($0) })
        }
    }

    public func setStar(_ board: BoardSlug, _ starred: Bool) throws(StoreError) {
        try write { db in
            if starred {
                try db.execute(sql: "INSERT OR IGNORE INTO st.stars(board) VALUES(?)", arguments: [board.rawValue])
            } else {
                try db.execute(sql: "DELETE FROM st.stars WHERE board = ?", arguments: [board.rawValue])
            }
        }
    }

    // MARK: List options per board

    public func listOptions(board: BoardSlug) throws(StoreError) -> ThreadListOptions {
        try read { db in
            try String.fetchOne(db, sql: "SELECT options FROM st.board_view WHERE board = ?", arguments: [board.rawValue])
                .map(ThreadListOptions.init(encoded:)) ?? .default
        }
    }

    /// Every board's saved list options that are not the default, in one query.
    public func savedListOptions() throws(StoreError) -> [BoardSlug: ThreadListOptions] {
        try read { db in
            var views: [BoardSlug: ThreadListOptions] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT board, options FROM st.board_view") {
                guard let slug = try? BoardSlug(row["board"] as String) else { continue }
                let options = ThreadListOptions(encoded: row["options"])
                if !options.isDefault { views[slug] = options }
            }
            return views
        }
    }

    public func setListOptions(_ options: ThreadListOptions, board: BoardSlug) throws(StoreError) {
        try write { db in
            if options.isDefault {
                try db.execute(sql: "DELETE FROM st.board_view WHERE board = ?", arguments: [board.rawValue])
            } else {
                try db.execute(sql: "INSERT OR REPLACE INTO st.board_view(board, options) VALUES(?, ?)",
                               arguments: [board.rawValue, options.encoded])
            }
        }
    }

    // MARK: Catching up

    /// Threads of `board` shown with `options` that have posts `viewer` has not
    /// read: what a catch-up would mark.
    public func unreadThreadCount(board: BoardSlug, viewer: Handle, options: ThreadListOptions = .default) throws(StoreError) -> Int {
        var withUnread = options
        withUnread.filters.insert(.unread)
        return try threadCount(board: board, viewer: viewer, options: withUnread)
    }

    /// Marks every post of `board`'s threads shown with `options` read, in one
    /// statement (in id order: the read markers' B-tree then grows at its end,
    /// about twice as fast as inserting in index order); returns how many threads had unread posts and how many posts
    /// were marked.
    @discardableResult
    public func catchUp(board: BoardSlug, viewer: Handle,
                        options: ThreadListOptions = .default) throws(StoreError) -> (threads: Int, posts: Int) {
        let threads = try unreadThreadCount(board: board, viewer: viewer, options: options)
        let posts: Int = try write { db in
            let arguments: StatementArguments = ["board": board.rawValue, "me": viewer.rawValue]
            if options.filters.isEmpty {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO st.read(post) SELECT p.id FROM posts p INDEXED BY posts_unread
                    WHERE p.board = :board AND p.author != :me AND p.redacted = 0 ORDER BY p.id
                    """, arguments: arguments)
            } else {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO st.read(post) SELECT p.id FROM threads t JOIN posts p INDEXED BY posts_thread
                        ON p.thread = t.id AND p.board = t.board
                    WHERE t.board = :board AND p.author != :me AND p.redacted = 0 \(options.whereSQL) ORDER BY p.id
                    """, arguments: arguments)
            }
            return db.changesCount
        }
        return (threads, posts)
    }

    /// Makes a thread unread again: every post in it by someone else.
    public func markThreadUnread(_ thread: EventID) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM st.read WHERE post IN (SELECT id FROM posts WHERE thread = ?)",
                           arguments: [thread.rawValue])
        }
    }
}

extension Index {
    public func isPinned(_ thread: EventID) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM pins WHERE thread = ?", arguments: [thread.rawValue]) ?? false
        }
    }
}

extension Index {
    /// Forgets every read marker of `board` (for benchmarks and tests that
    /// catch up the same board again).
    public func markBoardUnread(_ board: BoardSlug) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM st.read WHERE post IN (SELECT id FROM posts WHERE board = ?)",
                           arguments: [board.rawValue])
        }
    }
}
