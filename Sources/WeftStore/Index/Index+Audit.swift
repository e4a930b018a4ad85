import Foundation
import GRDB
import WeftCore

/// One line of `weft audit`: who did what, when, where.
public struct AuditEntry: Sendable, Equatable {
    public var id: EventID
    public var at: Timestamp
    public var author: Handle
    public var board: BoardSlug?
    public var type: String
    /// What the event was about, in a few words (ids, handles, roles).
    public var detail: String
}

extension Index {
    /// Every event the viewer may read, oldest first: creations, edits, redactions,
    /// reactions, follow-ups, decisions, profiles, and role, membership and
    /// visibility changes (including those that broke a rule, marked as ignored).
    public func audit(board: BoardSlug? = nil, since: Timestamp? = nil) throws(StoreError) -> [AuditEntry] {
        try read { db in
            let (access, _) = try Self.access(db, space: space)
            let ignored = Set(access.ignored.map(\.id.rawValue))
            let sql = """
                SELECT id, created_at AS at, author, board, CASE kind WHEN 0 THEN 'thread.created' ELSE 'comment.created' END AS type,
                    CASE kind WHEN 0 THEN coalesce(title, '') ELSE 'on ' || thread END AS detail
                    FROM posts WHERE (?1 IS NULL OR board = ?1) AND (?2 IS NULL OR created_at >= ?2)
                UNION ALL
                SELECT id, at, author, board, 'status.posted', kind FROM statuses
                    WHERE (?1 IS NULL OR board = ?1) AND (?2 IS NULL OR at >= ?2)
                UNION ALL
                SELECT id, substr(stamp, 1, 24), author, board, type, key FROM events
                    WHERE (?1 IS NULL OR board = ?1) AND (?2 IS NULL OR stamp >= ?2)
                ORDER BY at, id
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: [board?.rawValue, since?.iso8601])
            var accessText: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, text FROM access_events") { accessText[row["id"]] = row["text"] }
            return rows.compactMap { row -> AuditEntry? in
                guard let id = EventID(row["id"] as String), let at = Timestamp(iso8601: row["at"] as String),
                      let author = try? Handle(row["author"] as String) else { return nil }
                let type: String = row["type"]
                var detail = Self.auditDetail(type: type, raw: row["detail"] as String? ?? "", accessLine: accessText[id.rawValue])
                if ignored.contains(id.rawValue) { detail += " (ignored: not allowed)" }
                return AuditEntry(id: id, at: at, author: author, board: (row["board"] as String?).flatMap { try? BoardSlug($0) },
                                  type: type, detail: detail)
            }
        }
    }

    static func auditDetail(type: String, raw: String, accessLine: String?) -> String {
        if let line = accessLine, let e = try? EventCodec.decode(Array(line.utf8)) {
            switch e.payload {
            case .access(.role(let p)): return "\(p.handle) → \(p.role.rawValue)"
            case .access(.members(let p)):
                let parts = (p.added ?? []).map { "+\($0)" } + (p.removed ?? []).map { "-\($0)" }
                return parts.joined(separator: " ")
            case .access(.visibility(let p)): return "→ \(p.visibility.rawValue)"
            case .boardCreated(let p): return "\(p.visibility.rawValue): \(p.title)"
            default: break
            }
        }
        // Keys name the entity: "post:<id>", "fu:<id>", "decision:<thread>", "member:<handle>".
        if let colon = raw.firstIndex(of: ":"), ["post", "fu", "decision", "react"].contains(String(raw[..<colon])) {
            let target = raw[raw.index(after: colon)...]
            return "on " + (EventID(String(target))?.short ?? String(target))
        }
        if raw.hasPrefix("on "), let id = EventID(String(raw.dropFirst(3))) { return "on " + id.short }
        if raw.hasPrefix("member:") || raw.hasPrefix("board:") { return "" }
        return raw
    }
}
