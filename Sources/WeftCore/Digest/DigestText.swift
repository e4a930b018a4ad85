import Foundation

/// The digest as plain text (the CLI's default and the e-mail's text part).
public enum DigestText {
    /// `Fri Nov 20 14:05` in `zone`.
    public static func when(_ t: Timestamp, _ local: LocalTime) -> String {
        let p = local.parts(t)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(LocalTime.weekdays[p.weekday - 1]) \(LocalTime.months[p.month - 1]) \(p.day) \(two(p.hour)):\(two(p.minute))"
    }

    /// `[general] Title — text (note) · ann · Fri Nov 20 14:05`, one line, control characters inert.
    public static func line(_ item: DigestItem, _ local: LocalTime) -> String {
        var s = "[\(item.board?.rawValue ?? "space")] " + Inert.line(item.title)
        if let text = item.text, !text.isEmpty { s += " — " + Inert.line(excerpt(text)) }
        if let note = item.note { s += " (\(note))" }
        s += " · \(item.author) · \(when(item.at, local))"
        return s
    }

    /// The first line of a text, at most 100 characters.
    public static func excerpt(_ text: String, limit: Int = 100) -> String {
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let more = first.count < text.trimmingCharacters(in: .whitespacesAndNewlines).count
        if first.count > limit { return String(first.prefix(limit - 1)) + "…" }
        return more ? first + " …" : first
    }

    public static func zone(_ digest: Digest) -> LocalTime {
        LocalTime(TimeZone(identifier: digest.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }

    public static func render(_ digest: Digest) -> String {
        let local = zone(digest)
        var out: [String] = []
        out.append("Weekly digest for \(digest.viewer) — \(digest.title), \(digest.timeZone)")
        out.append(digest.countsLine)
        for section in digest.sections {
            out.append("")
            out.append(section.title + (section.isEmpty ? "" : " (\(section.itemCount))"))
            if section.isEmpty { out.append("  " + section.kind.emptyText) }
            for group in section.groups {
                var indent = "  "
                if let h = group.heading {
                    out.append("  " + Inert.line(h))
                    indent = "    "
                }
                for item in group.items { out.append(indent + (item.highlight ? "! " : "") + line(item, local)) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
