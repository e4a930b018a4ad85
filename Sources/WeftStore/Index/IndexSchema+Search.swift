/// The index's search tables.
///
/// Posts are searched through `posts_fts` (rowid = the posts table's rowid).
/// Status updates and decision summaries are copied into `notes`, searched
/// through `notes_fts` with the same columns, so one match expression serves
/// both. The two FTS5 tables are contentless and live in their own file
/// (``FullTextSchema``), so a build from scratch fills them on a second thread.
/// Besides title and body, the full-text rows have two columns computed from
/// the row (``FullTextColumns``), never stored: `grams`, the text of scripts
/// written without spaces with each character spaced out (NULL for all other
/// text, so it costs nothing where it is not needed), and `meta`, one word each
/// for the kind, board and author (`SearchMatch.meta`), so those filters are
/// answered inside the full-text index instead of row by row.
extension IndexSchema {
    static let searchStatements = [
        // kind: 2 status update, 3 decision (0 and 1 are the posts' kinds).
        """
        CREATE TABLE notes(rowid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, board TEXT,
            thread TEXT, author TEXT NOT NULL, at TEXT NOT NULL, title TEXT, body TEXT NOT NULL)
        """,
        "CREATE INDEX notes_thread ON notes(thread)",
    ]

    static let searchDataTables = ["notes"]
}
