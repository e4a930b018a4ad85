import GRDB
import WeftCore

/// Reading and writing the person's private state: reminders, followed threads,
/// board levels, notification settings and inbox marks.
extension Index {
    // MARK: Reminders

    public func addReminder(_ r: Reminder) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO st.reminders(id, target, thread, board, at, note, created_at, done) VALUES(?, ?, ?, ?, ?, ?, ?, 0)
                """, arguments: [r.id.rawValue, r.target.rawValue, r.thread?.rawValue, r.board?.rawValue, r.at.iso8601,
                                 r.note, r.createdAt.iso8601])
        }
    }

    /// Reminders, soonest first; done ones only when asked.
    public func reminders(includingDone: Bool = false) throws(StoreError) -> [Reminder] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM st.reminders WHERE ? OR done = 0 ORDER BY at, id",
                             arguments: [includingDone]).compactMap { row in
                guard let id = EventID(row["id"]), let target = EventID(row["target"]),
                      let at = Timestamp(iso8601: row["at"]), let created = Timestamp(iso8601: row["created_at"]) else { return nil }
                return Reminder(id: id, target: target, thread: (row["thread"] as String?).flatMap(EventID.init),
                                board: (row["board"] as String?).flatMap { try? BoardSlug($0) }, at: at, note: row["note"],
                                createdAt: created, done: row["done"])
            }
        }
    }

    /// Reminders whose id starts with `prefix` (dashes optional).
    public func reminders(matching prefix: String) throws(StoreError) -> [Reminder] {
        let p = Self.canonicalPrefix(prefix.lowercased())
        return try reminders(includingDone: true).filter { $0.id.rawValue.hasPrefix(p) }
    }

    public func setReminder(_ id: EventID, done: Bool) throws(StoreError) {
        try write { db in try db.execute(sql: "UPDATE st.reminders SET done = ? WHERE id = ?", arguments: [done, id.rawValue]) }
    }

    public func moveReminder(_ id: EventID, to at: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE st.reminders SET at = ?, done = 0 WHERE id = ?", arguments: [at.iso8601, id.rawValue])
            try db.execute(sql: "DELETE FROM st.inbox_marks WHERE item = ?", arguments: ["reminder:" + id.rawValue])
        }
    }

    // MARK: Following threads

    /// Follows (or unfollows) a thread by hand, from `at`.
    public func setFollowing(_ thread: EventID, _ following: Bool, at: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO st.follows(thread, following, at) VALUES(?, ?, ?)",
                           arguments: [thread.rawValue, following, at.iso8601])
        }
    }

    /// Threads followed or unfollowed by hand, with since when.
    public func manualFollows() throws(StoreError) -> [EventID: (following: Bool, since: Timestamp)] {
        try read { db in
            var out: [EventID: (Bool, Timestamp)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM st.follows") {
                if let id = EventID(row["thread"]), let at = Timestamp(iso8601: row["at"]) { out[id] = (row["following"], at) }
            }
            return out
        }
    }

    // MARK: Settings

    public func notificationPrefs() throws(StoreError) -> NotificationPrefs {
        try read { db in
            var prefs = NotificationPrefs()
            var values: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM st.settings") { values[row["key"]] = row["value"] }
            if let c = values["cadence"], let cadence = try? Cadence(parsing: c) { prefs.cadence = cadence }
            if let d = values["workdays"], let days = try? WorkSchedule.days(parsing: d) { prefs.workdays = days }
            if let h = values["hold_outside_hours"] { prefs.holdOutsideHours = h == "1" }
            if let from = values["snooze_from"].flatMap(Timestamp.init(iso8601:)),
               let until = values["snooze_until"].flatMap(Timestamp.init(iso8601:)) {
                prefs.snooze = Snooze(from: from, until: until)
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM st.boards") {
                guard let slug = try? BoardSlug(row["board"] as String) else { continue }
                if let level = BoardLevel(rawValue: row["level"]) { prefs.boardLevels[slug] = level }
                prefs.boardSince[slug] = Timestamp(iso8601: row["since"])
                if let c = (row["cadence"] as String?).flatMap({ try? Cadence(parsing: $0) }) { prefs.boardCadences[slug] = c }
            }
            return prefs
        }
    }

    /// Sets (or with nil clears) one private setting.
    func setSetting(_ key: String, _ value: String?) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO st.settings(key, value) VALUES(?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM st.settings WHERE key = ?", arguments: [key])
            }
        }
    }

    public func setCadence(_ c: Cadence) throws(StoreError) { try setSetting("cadence", c.description) }
    public func setWorkdays(_ days: Set<Int>) throws(StoreError) { try setSetting("workdays", WorkSchedule.daysText(days)) }
    public func setHoldOutsideHours(_ hold: Bool) throws(StoreError) { try setSetting("hold_outside_hours", hold ? "1" : "0") }

    /// Snoozes everything until `until` (nil: stop snoozing).
    public func setSnooze(_ s: Snooze?) throws(StoreError) {
        try setSetting("snooze_from", s?.from.iso8601)
        try setSetting("snooze_until", s?.until.iso8601)
    }

    public func setBoardLevel(_ board: BoardSlug, _ level: BoardLevel, at: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO st.boards(board, level, since) VALUES(?, ?, ?)
                ON CONFLICT(board) DO UPDATE SET level = excluded.level, since = excluded.since
                """, arguments: [board.rawValue, level.rawValue, at.iso8601])
        }
    }

    /// A board's own cadence (nil: the person's cadence).
    public func setBoardCadence(_ board: BoardSlug, _ cadence: Cadence?, at: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO st.boards(board, since, cadence) VALUES(?, ?, ?)
                ON CONFLICT(board) DO UPDATE SET cadence = excluded.cadence
                """, arguments: [board.rawValue, at.iso8601, cadence?.description])
        }
    }

    // MARK: Inbox marks

    public func inboxMarks() throws(StoreError) -> [String: InboxMark] {
        try read { db in
            // Every item ever seen has a mark, so there can be tens of thousands:
            // columns are read by position from one cursor.
            var out: [String: InboxMark] = [:]
            out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM st.inbox_marks") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT item, seen_at, done_at, snoozed_until FROM st.inbox_marks")
            while let row = try rows.next() {
                out[row[0]] = InboxMark(seenAt: (row[1] as String?).flatMap(Timestamp.init(iso8601:)),
                                        doneAt: (row[2] as String?).flatMap(Timestamp.init(iso8601:)),
                                        snoozedUntil: (row[3] as String?).flatMap(Timestamp.init(iso8601:)))
            }
            return out
        }
    }

    public func markInboxSeen(_ items: [String], at: Timestamp) throws(StoreError) {
        try updateMarks(items, "seen_at = coalesce(seen_at, ?)", at.iso8601)
    }

    public func markInboxDone(_ items: [String], at: Timestamp) throws(StoreError) {
        try updateMarks(items, "done_at = ?, seen_at = coalesce(seen_at, ?)", at.iso8601, at.iso8601)
    }

    public func markInboxNotDone(_ items: [String]) throws(StoreError) {
        try updateMarks(items, "done_at = NULL")
    }

    /// Hides items until `until`; they come back (unseen) then.
    public func snoozeInbox(_ items: [String], until: Timestamp) throws(StoreError) {
        try updateMarks(items, "snoozed_until = ?, seen_at = NULL", until.iso8601)
    }

    private func updateMarks(_ items: [String], _ set: String, _ values: String...) throws(StoreError) {
        guard !items.isEmpty else { return }
        try write { db in
            for item in items {
                try db.execute(sql: "INSERT OR IGNORE INTO st.inbox_marks(item) VALUES(?)", arguments: [item])
                try db.execute(sql: "UPDATE st.inbox_marks SET \(set) WHERE item = ?",
                               arguments: StatementArguments(values + [item]))
            }
        }
    }
}
