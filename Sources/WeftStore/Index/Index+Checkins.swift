import Foundation
import GRDB
import WeftCore

/// One occurrence of a check-in asked of one person.
public struct CheckinOccurrence: Hashable, Sendable {
    public var checkin: Checkin
    public var occurrence: Recurrence.Occurrence
    /// The person has answered it (a status update linked to it and named by its day).
    public var answered = false
    /// The name answers carry: the person's local day, `2026-11-20`.
    public var name: String { occurrence.day.description }
}

extension Index {
    /// Check-ins, oldest first; deleted ones only when asked.
    public func checkins(viewer: Handle, board: BoardSlug? = nil, includeDeleted: Bool = false) throws(StoreError) -> [Checkin] {
        let readable = try readableBoards(viewer: viewer)
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM checkins WHERE (?1 IS NULL OR board = ?1) ORDER BY created_at, id",
                             arguments: [board?.rawValue])
                .compactMap(Self.checkin)
                .filter { readable.contains($0.board) && (includeDeleted || $0.state != .deleted) }
        }
    }

    /// The check-in an id or unique id prefix names.
    public func checkin(_ prefix: String) throws(StoreError) -> Checkin? {
        let canonical = Self.canonicalPrefix(prefix.lowercased())
        guard canonical.count >= 4 else { throw .idTooShort(prefix) }
        let found = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM checkins WHERE id LIKE ? LIMIT 3", arguments: [canonical + "%"]).compactMap(Self.checkin)
        }
        if found.count > 1 { throw .ambiguousID(prefix, found.map { "checkin \($0.id.rawValue.prefix(18))" }) }
        return found.first
    }

    static func checkin(_ row: Row) -> Checkin? {
        guard let id = EventID(row["id"]), let board = try? BoardSlug(row["board"] as String),
              let who = try? Handle(row["author"] as String), let created = Timestamp(iso8601: row["created_at"]),
              let changed = Timestamp(iso8601: row["changed_at"]), let every = try? Recurrence(parsing: row["every"]),
              let state = Checkin.State(rawValue: row["state"]) else { return nil }
        let audience = ((row["audience"] as String?) ?? "").split(separator: " ").compactMap { try? Handle(String($0)) }
        return Checkin(id: id, board: board, author: who, createdAt: created, question: row["question"], every: every,
                       audience: audience, state: state, changedAt: changed)
    }

    /// The occurrences of active check-ins that fell due for `member` between
    /// `from` (inclusive) and `to` (exclusive), in the member's own time zone,
    /// that they have not answered yet. Occurrences before the check-in was
    /// created or last resumed are not due.
    public func checkinOccurrencesDue(for member: Handle, from: Timestamp, to: Timestamp,
                                      fallbackZone: TimeZone) throws(StoreError) -> [CheckinOccurrence] {
        try checkinOccurrences(for: member, from: from, to: to, fallbackZone: fallbackZone).filter { !$0.answered }
    }

    /// The same occurrences, answered ones included (marked `answered`), oldest first.
    public func checkinOccurrences(for member: Handle, from: Timestamp, to: Timestamp,
                                   fallbackZone: TimeZone) throws(StoreError) -> [CheckinOccurrence] {
        let zone = try self.member(member)?.timeZone.flatMap(TimeZone.init(identifier:)) ?? fallbackZone
        let active = try checkins(viewer: member).filter { $0.state == .active && $0.asks(member) }
        var out: [CheckinOccurrence] = []
        for c in active {
            let start = max(from, c.changedAt)
            for o in c.every.occurrences(in: zone, from: start, to: to) {
                out.append(CheckinOccurrence(checkin: c, occurrence: o))
            }
        }
        guard !out.isEmpty else { return [] }
        let answered: Set<String> = try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT checkin, occurrence FROM statuses WHERE author = ? AND checkin IS NOT NULL",
                                        arguments: [member.rawValue])
            return Set(rows.map { (row: Row) -> String in ((row["checkin"] as String?) ?? "") + "|" + ((row["occurrence"] as String?) ?? "") })
        }
        for i in out.indices {
            out[i].answered = answered.contains(out[i].checkin.id.rawValue + "|" + out[i].name)
        }
        return out.sorted { $0.occurrence.at != $1.occurrence.at ? $0.occurrence.at < $1.occurrence.at : $0.checkin.id < $1.checkin.id }
    }

    /// Answers to a check-in grouped by occurrence, newest occurrence first.
    public func checkinAnswers(_ checkin: EventID) throws(StoreError) -> [(occurrence: String, answers: [StatusUpdate])] {
        let all: [StatusUpdate] = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM statuses WHERE checkin = ? ORDER BY occurrence DESC, at DESC, id DESC",
                             arguments: [checkin.rawValue]).compactMap(Self.status)
        }
        var out: [(occurrence: String, answers: [StatusUpdate])] = []
        for s in all {
            let key = s.occurrence ?? "?"
            if out.last?.occurrence == key { out[out.count - 1].answers.append(s) } else { out.append((key, [s])) }
        }
        return out
    }
}
