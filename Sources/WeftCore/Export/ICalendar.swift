/// Follow-ups as an iCalendar file (RFC 5545) that calendar programs import:
/// one `VTODO` per follow-up with its due time in UTC.
///
/// Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
/// character); text values escape `\`, `;`, `,` and line breaks.
public enum ICalendar {
    public struct Todo: Hashable, Sendable {
        public var uid: String
        public var created: Timestamp
        public var due: Timestamp
        public var summary: String
        public var description: String?
        public var state: FollowUpState

        public init(uid: String, created: Timestamp, due: Timestamp, summary: String, description: String? = nil,
                    state: FollowUpState) {
            self.uid = uid
            self.created = created
            self.due = due
            self.summary = summary
            self.description = description
            self.state = state
        }
    }

    public static let productID = "-//Weft//Weft follow-ups//EN"

    /// The whole file; `stamp` is when it was made (DTSTAMP).
    public static func document(_ todos: [Todo], stamp: Timestamp) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN"]
        for t in todos {
            lines += ["BEGIN:VTODO", "UID:" + escape(t.uid), "DTSTAMP:" + utc(stamp), "CREATED:" + utc(t.created),
                      "DUE:" + utc(t.due), "SUMMARY:" + escape(t.summary)]
            if let d = t.description, !d.isEmpty { lines.append("DESCRIPTION:" + escape(d)) }
            lines.append("STATUS:" + status(t.state))
            lines.append("END:VTODO")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func status(_ s: FollowUpState) -> String {
        switch s {
        case .open: "NEEDS-ACTION"
        case .done: "COMPLETED"
        case .declined, .cancelled: "CANCELLED"
        }
    }

    /// `20261127T160000Z`
    public static func utc(_ t: Timestamp) -> String {
        let iso = Array(t.iso8601)  // 2026-11-27T16:00:00.000Z
        return String(iso[0..<4]) + String(iso[5..<7]) + String(iso[8..<10]) + "T" + String(iso[11..<13])
            + String(iso[14..<16]) + String(iso[17..<19]) + "Z"
    }

    /// Escapes a TEXT value. Other control characters are dropped: they have no
    /// place in a calendar and some programs reject them.
    public static func escape(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets per physical line, each
    /// continuation starting with a space.
    public static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit {
                out += "\r\n "
                used = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }
}
