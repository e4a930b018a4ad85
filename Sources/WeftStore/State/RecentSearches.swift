import GRDB
import WeftCore

/// The searches a person ran lately, kept in their private state
/// (`state.sqlite`, table `searches`), newest first.
enum RecentSearches {
    /// How many are kept.
    static let kept = 30

    static func prepare(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS st.searches(text TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID")
    }
}

extension Index {
    /// Remembers `text` as the newest search (once, however often it is run).
    public func rememberSearch(_ text: String, at now: Timestamp) throws(StoreError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO st.searches(text, at) VALUES(?, ?)", arguments: [text, now.iso8601])
            try db.execute(sql: """
                DELETE FROM st.searches WHERE text NOT IN (SELECT text FROM st.searches ORDER BY at DESC, text LIMIT ?)
                """, arguments: [RecentSearches.kept])
        }
    }

    /// The latest searches, newest first.
    public func recentSearches(limit: Int = 10) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT text FROM st.searches ORDER BY at DESC, text LIMIT ?", arguments: [limit])
        }
    }
}
