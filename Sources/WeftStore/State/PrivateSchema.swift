import GRDB

/// The person's private tables in `state.sqlite` (attached as `st`), beside the
/// read markers. Unlike the index they are not a cache: they are created if
/// missing and never dropped.
///
/// - `reminders`: "remind me" bookmarks with a time.
/// - `follows`: threads followed or unfollowed by hand (`w`); the latest choice wins
///   over following automatically.
/// - `boards`: per-board level (watching, tracking, normal, muted), since when, and
///   an optional cadence override.
/// - `settings`: cadence, working days, "work can wait", snooze-all.
/// - `inbox_marks`: per inbox item, when it was first seen, marked done, or snoozed until.
enum PrivateSchema {
    static let statements = [
        """
        CREATE TABLE IF NOT EXISTS st.reminders(id TEXT PRIMARY KEY, target TEXT NOT NULL, thread TEXT, board TEXT,
            at TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID
        """,
        "CREATE TABLE IF NOT EXISTS st.follows(thread TEXT PRIMARY KEY, following INTEGER NOT NULL, at TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE IF NOT EXISTS st.boards(board TEXT PRIMARY KEY, level TEXT NOT NULL DEFAULT 'normal',
            since TEXT NOT NULL, cadence TEXT) WITHOUT ROWID
        """,
        "CREATE TABLE IF NOT EXISTS st.settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE IF NOT EXISTS st.inbox_marks(item TEXT PRIMARY KEY, seen_at TEXT, done_at TEXT,
            snoozed_until TEXT) WITHOUT ROWID
        """,
    ]

    static func create(_ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
    }
}
