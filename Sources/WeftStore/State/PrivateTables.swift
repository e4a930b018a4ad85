import GRDB

/// The tables of a person's private state (`state.sqlite`, attached to the
/// index as `st`). Unlike the index they are never rebuilt: they hold what
/// only this person knows, so changes only ever add tables or columns.
enum PrivateTables {
    static let statements = [
        // Posts the person has read.
        "CREATE TABLE IF NOT EXISTS st.read(post TEXT PRIMARY KEY) WITHOUT ROWID",
        // Boards the person starred: they lead the sidebar and the board list.
        "CREATE TABLE IF NOT EXISTS st.stars(board TEXT PRIMARY KEY) WITHOUT ROWID",
        // The thread list filter and sort chosen per board (ThreadListOptions.encoded).
        "CREATE TABLE IF NOT EXISTS st.board_view(board TEXT PRIMARY KEY, options TEXT NOT NULL) WITHOUT ROWID",
    ]

    static func create(_ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
    }
}
