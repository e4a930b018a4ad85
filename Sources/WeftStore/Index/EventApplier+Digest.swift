import GRDB
import WeftCore

/// What the applier records for decisions, check-ins and mentions.
extension EventApplier {
    /// Every decision and reopening stays in the log (the `decisions` table holds
    /// only the standing one). Inserting by id makes the order of arrival irrelevant.
    func logDecision(_ stored: StoredEvent, thread: EventID, comment: EventID?, summary: String?, reopening: Bool) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO decision_log(id, thread, board, comment, summary, author, at, reopening) VALUES(?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [stored.event.id.rawValue, thread.rawValue, stored.board?.rawValue, comment?.rawValue,
                                     summary, stored.author.rawValue, stored.event.at.iso8601, reopening])
    }

    /// `mentions` is the space-separated handles the post column holds.
    func addMentions(_ mentions: String?, post: String, board: String, at: String) throws {
        guard let mentions, !mentions.isEmpty else { return }
        for h in mentions.split(separator: " ") {
            insertMention.bind(1, String(h))
            insertMention.bind(2, post)
            insertMention.bind(3, board)
            insertMention.bind(4, at)
            try insertMention.run()
        }
    }

    func linkAnswer(_ status: String, checkin: EventID?, occurrence: String?) throws {
        try db.cachedStatement(sql: "UPDATE statuses SET checkin = ?, occurrence = ? WHERE id = ?")
            .execute(arguments: [checkin?.rawValue, occurrence, status])
    }

    mutating func refoldCheckin(_ id: String, with current: StoredEvent) throws {
        guard let eid = EventID(id) else { return }
        let forum = try fold(["checkin:\(id)"], with: current)
        guard let c = forum.checkins[eid] else { return }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO checkins(id, board, author, created_at, question, every, audience, state, changed_at)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, c.board.rawValue, c.author.rawValue, c.createdAt.iso8601, c.question, c.every.description,
                                     c.audience.map(\.rawValue).joined(separator: " "), c.state.rawValue, c.changedAt.iso8601])
    }
}
