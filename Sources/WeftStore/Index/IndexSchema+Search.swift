/// The index's search tables.
///
/// Posts are searched through `posts_fts` (over the posts table). Status
/// updates and decision summaries are copied into `notes`, searched through
/// `notes_fts` with the same columns, so one match expression serves both.
/// `grams` holds text of scripts written without spaces with each character
/// spaced out (see `SearchText.spacedOut`); it is NULL for all other text, so
/// it costs nothing where it is not needed. `meta` holds one word each for
/// the kind, board and author (`SearchMatch.meta`), so those filters are
/// answered inside the full-text index instead of row by row.
extension IndexSchema {
    static let searchStatements = [
        // kind: 2 status update, 3 decision (0 and 1 are the posts' kinds).
        """
        CREATE TABLE notes(rowid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, board TEXT,
            thread TEXT, author TEXT NOT NULL, at TEXT NOT NULL, title TEXT, body TEXT NOT NULL, grams TEXT, meta TEXT)
        """,
        "CREATE INDEX notes_thread ON notes(thread)",
        // Who each post mentions, for `mentions:`.
        """
        CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, grams, meta, content='notes', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2')
        """,
    ]

    static let searchDataTables = ["notes"]
}
