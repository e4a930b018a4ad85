import GRDB

/// Tables for decisions, check-ins, mentions and the weekly digest, created after
/// the core tables (so their statements only add).
extension IndexSchema {
    static let digestStatements = [
        // Every thread.decided and thread.reopened, so decisions can be listed by
        // time across boards and a reopened thread keeps its history.
        """
        CREATE TABLE decision_log(id TEXT PRIMARY KEY, thread TEXT NOT NULL, board TEXT, comment TEXT, summary TEXT,
            author TEXT NOT NULL, at TEXT NOT NULL, reopening INTEGER NOT NULL) WITHOUT ROWID
        """,
        "CREATE INDEX decision_log_at ON decision_log(at)",
        "CREATE INDEX decision_log_thread ON decision_log(thread, at)",
        """
        CREATE TABLE checkins(id TEXT PRIMARY KEY, board TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
            question TEXT NOT NULL, every TEXT NOT NULL, audience TEXT, state TEXT NOT NULL, changed_at TEXT NOT NULL)
        """,
        // Who is mentioned where: "mentions I have not read" without reading post bodies.
        """
        CREATE TABLE mentions(handle TEXT NOT NULL, post TEXT NOT NULL, board TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY(handle, post)) WITHOUT ROWID
        """,
        "CREATE INDEX mentions_time ON mentions(handle, created_at)",
        "ALTER TABLE members ADD COLUMN email TEXT",
        "ALTER TABLE statuses ADD COLUMN checkin TEXT",
        "ALTER TABLE statuses ADD COLUMN occurrence TEXT",
        "CREATE INDEX statuses_checkin ON statuses(checkin, occurrence)",
    ]

    /// Time-range indexes the digest reads a week through. `posts_created` covers
    /// the week's counts and most active threads, so they never read post rows.
    static let digestBulkIndexes = [
        ("posts_created", "CREATE INDEX posts_created ON posts(created_at, kind, board, redacted, thread, author)"),
        ("threads_created", "CREATE INDEX threads_created ON threads(created_at)"),
    ]

    static let digestTables = ["decision_log", "checkins", "mentions"]
}
