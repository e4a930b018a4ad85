import GRDB
import WeftCore

/// Pins: whether a pin counts depends on who created the board, so pins are
/// folded with the board's own events, and folded again when those change.
extension EventApplier {
    mutating func refoldPin(_ thread: String, board: String, with current: StoredEvent) throws {
        guard let eid = EventID(thread) else { return }
        let saved = alone
        alone = false  // the board's events are always needed, even for a first pin
        defer { alone = saved }
        let forum = try fold(["pin:\(thread)", "board:\(board)"], with: current)
        try db.cachedStatement(sql: "DELETE FROM pins WHERE thread = ?").execute(arguments: [thread])
        if let pin = forum.pins[eid] {
            try db.cachedStatement(sql: "INSERT INTO pins(thread, board, by, at) VALUES(?, ?, ?, ?)")
                .execute(arguments: [thread, pin.board.rawValue, pin.by.rawValue, pin.at.iso8601])
        }
        if !firstBuild {
            try db.cachedStatement(sql: "UPDATE threads SET pinned = ? WHERE id = ? AND board = ?")
                .execute(arguments: [forum.pins[eid] != nil, thread, board])
        }
    }

    /// Re-folds every pin of `board` (of every board when nil): a board's
    /// creation may be applied after pins its admin made on another device.
    mutating func refoldPins(board: String?) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, journal, offset, length, author, board, key FROM events
            WHERE (?1 IS NULL OR board = ?1) AND type IN ('thread.pinned', 'thread.unpinned') GROUP BY key
            """), arguments: [board])
        for row in rows {
            guard let slug = row["board"] as String?,
                  let bytes = try lineBytes(journal: row["journal"], offset: row["offset"], length: row["length"]),
                  let event = try? EventCodec.decode(bytes), let author = try? Handle(row["author"] as String)
            else { continue }
            let stored = StoredEvent(event: event, author: author, board: try? BoardSlug(slug))
            try refoldPin(String((row["key"] as String).dropFirst(4)), board: slug, with: stored)
        }
    }
}
