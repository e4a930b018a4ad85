import GRDB

/// The index's tables. The index is a cache: when this schema changes, the
/// version goes up and old indexes are rebuilt from the journals.
enum IndexSchema {
    static let version = "15"

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE journals(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, board TEXT, author TEXT NOT NULL,
            device TEXT NOT NULL, offset INTEGER NOT NULL, lines INTEGER NOT NULL)
        """,
        """
        CREATE TABLE problems(journal TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
            transient INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(journal, line))
        """,
        // Every event applied that changes an entity created earlier (edits, reactions,
        // follow-up states, decisions, profiles, boards): dedupe by id, and where its
        // line is (journal, byte offset, length), to re-fold one entity from the
        // journals themselves. Creations of posts and status updates are deduplicated
        // by their own tables, and posts record where their line is.
        """
        CREATE TABLE events(id TEXT PRIMARY KEY, stamp TEXT NOT NULL, author TEXT NOT NULL, board TEXT,
            type TEXT NOT NULL, key TEXT NOT NULL, journal INTEGER NOT NULL, line INTEGER NOT NULL,
            offset INTEGER NOT NULL, length INTEGER NOT NULL) WITHOUT ROWID
        """,
        """
        CREATE TABLE boards(slug TEXT PRIMARY KEY, title TEXT NOT NULL, purpose TEXT, visibility TEXT NOT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL)
        """,
        """
        CREATE TABLE members(handle TEXT PRIMARY KEY, name TEXT, tz TEXT, hours TEXT, first_seen TEXT NOT NULL)
        """,
        // Threads and comments. rowid is the post's row in the full-text index (`fts.posts_fts`)
        // and in `fts.post_text`, which holds its text (body and blocks; see FullTextSchema).
        """
        CREATE TABLE posts(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind INTEGER NOT NULL,
            board TEXT NOT NULL, thread TEXT NOT NULL, parent TEXT, anchor TEXT, author TEXT NOT NULL,
            created_at TEXT NOT NULL, title TEXT, mentions TEXT,
            edited_at TEXT, redacted INTEGER NOT NULL DEFAULT 0,
            journal INTEGER NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL)
        """,

        """
        CREATE TABLE threads(id TEXT PRIMARY KEY, board TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
            title TEXT NOT NULL, last_activity TEXT NOT NULL, replies INTEGER NOT NULL, decided INTEGER NOT NULL DEFAULT 0,
            redacted INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0)
        """,

        """
        CREATE TABLE statuses(id TEXT PRIMARY KEY, board TEXT, author TEXT NOT NULL, at TEXT NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL)
        """,
        "CREATE INDEX statuses_at ON statuses(at DESC)",
        """
        CREATE TABLE followups(id TEXT PRIMARY KEY, board TEXT NOT NULL, target TEXT NOT NULL, requester TEXT NOT NULL,
            assignee TEXT NOT NULL, due TEXT NOT NULL, note TEXT, state TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE decisions(thread TEXT PRIMARY KEY, id TEXT NOT NULL, comment TEXT, summary TEXT,
            author TEXT NOT NULL, at TEXT NOT NULL)
        """,
        """
        CREATE TABLE reactions(target TEXT NOT NULL, emoji TEXT NOT NULL, author TEXT NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY(target, emoji, author)) WITHOUT ROWID
        """,
        "CREATE TABLE pins(thread TEXT PRIMARY KEY, board TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL)",
    ]

    /// Indexes that a first build drops and creates again once the rows are in:
    /// sorting all rows once is much cheaper than growing a B-tree row by row.
    static let bulkIndexes = [
        // Re-folds outside a first build read an entity's events through it (a first
        // build keeps them in memory).
        ("events_key", "CREATE INDEX events_key ON events(key, stamp)"),
        ("posts_thread", "CREATE INDEX posts_thread ON posts(thread, created_at)"),
        // Covers the unread counts per board and marking a board read (in id order).
        // The id comes second: sorting on (board, id) is much cheaper than on (board,
        // author, …), where most comparisons fall through to the id anyway.
        ("posts_unread", "CREATE INDEX posts_unread ON posts(board, id, author, redacted)"),
        ("threads_board_activity",
         "CREATE INDEX threads_board_activity ON threads(board, pinned DESC, last_activity DESC, id DESC)"),
        ("threads_board_created", "CREATE INDEX threads_board_created ON threads(board, pinned DESC, created_at DESC, id DESC)"),
    ] + digestBulkIndexes

    /// Tables emptied by a rebuild (everything but meta).
    static let dataTables = ["journals", "problems", "events", "boards", "members", "posts", "threads",
                             "statuses", "followups", "decisions", "reactions", "pins"] + accessTables + digestTables + searchDataTables

    static func create(_ db: Database) throws {
        for sql in statements + accessStatements + digestStatements + searchStatements { try db.execute(sql: sql) }
        for (_, sql) in bulkIndexes { try db.execute(sql: sql) }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES('schema', ?)", arguments: [version])
    }
}
