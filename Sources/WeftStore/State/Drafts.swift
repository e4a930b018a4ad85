import Foundation
import GRDB
import WeftCore

/// Unsent text of a composer, kept in the person's private state
/// (`state.sqlite`, table `drafts`) so nothing written is lost when the UI
/// quits or is killed.
public struct Draft: Hashable, Sendable {
    /// Which composer it belongs to: `thread:<board>`, `comment:<thread>`,
    /// `reply:<comment>`, `block:<thread>:<block>`, `edit:<post>`, `status`.
    public var key: String
    public var title: String
    public var body: String
    public var savedAt: Timestamp

    public init(key: String, title: String, body: String, savedAt: Timestamp) {
        self.key = key
        self.title = title
        self.body = body
        self.savedAt = savedAt
    }

    /// Whether there is any text worth keeping.
    public var isEmpty: Bool {
        title.allSatisfy(\.isWhitespace) && body.allSatisfy(\.isWhitespace)
    }
}

extension Index {
    /// The drafts table lives in the attached private state; it is created on
    /// first use, so older state files keep working.
    private static let createDrafts = """
        CREATE TABLE IF NOT EXISTS st.drafts(key TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
            saved_at TEXT NOT NULL) WITHOUT ROWID
        """

    /// Saves (replaces) a draft; an empty one is deleted instead.
    public func saveDraft(_ draft: Draft) throws(StoreError) {
        guard !draft.isEmpty else { return try deleteDraft(draft.key) }
        try write { db in
            try db.execute(sql: Self.createDrafts)
            try db.execute(sql: "INSERT OR REPLACE INTO st.drafts(key, title, body, saved_at) VALUES(?, ?, ?, ?)",
                           arguments: [draft.key, draft.title, draft.body, draft.savedAt.iso8601])
        }
    }

    public func draft(_ key: String) throws(StoreError) -> Draft? {
        try write { db in
            try db.execute(sql: Self.createDrafts)
            return try Row.fetchOne(db, sql: "SELECT * FROM st.drafts WHERE key = ?", arguments: [key]).flatMap { row in
                Timestamp(iso8601: row["saved_at"]).map { Draft(key: key, title: row["title"], body: row["body"], savedAt: $0) }
            }
        }
    }

    public func deleteDraft(_ key: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: Self.createDrafts)
            try db.execute(sql: "DELETE FROM st.drafts WHERE key = ?", arguments: [key])
        }
    }
}
