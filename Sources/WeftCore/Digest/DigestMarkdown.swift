/// The digest as CommonMark, and as the HTML of the e-mail's rich part.
public enum DigestMarkdown {
    /// Makes a post's text read as text: backslash escapes for the characters both
    /// CommonMark and Python-Markdown treat as markup, entities for `<`, `>`, `&`
    /// (which Python-Markdown does not unescape).
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in Inert.line(s) {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if "\\`*_{}[]#!".contains(ch) { out.append("\\") }
                out.append(ch)
            }
        }
        return out
    }

    static func line(_ item: DigestItem, _ local: LocalTime) -> String {
        var s = "**[\(escape(item.board?.rawValue ?? "space"))]** " + escape(item.title)
        if let text = item.text, !text.isEmpty { s += " — " + escape(DigestText.excerpt(text)) }
        if let note = item.note { s += " *(\(escape(note)))*" }
        s += " · \(escape(item.author.rawValue)) · \(escape(DigestText.when(item.at, local)))"
        return item.highlight ? "⚠ " + s : s
    }

    public static func render(_ digest: Digest) -> String {
        let local = DigestText.zone(digest)
        var out: [String] = []
        out.append("# Weekly digest for \(escape(digest.viewer.rawValue))")
        out.append("")
        out.append("\(escape(digest.title)), \(escape(digest.timeZone))")
        out.append("")
        out.append(escape(digest.countsLine))
        for section in digest.sections {
            if out.last != "" { out.append("") }
            out.append("## " + section.title)
            out.append("")
            if section.isEmpty { out.append("*" + escape(section.kind.emptyText) + "*") }
            if section.isEmpty { out.append("") }
            for group in section.groups {
                if let h = group.heading {
                    out.append("### " + escape(h))
                    out.append("")
                }
                for item in group.items { out.append("- " + line(item, local)) }
                out.append("")
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}

/// The digest as a small HTML document (the e-mail's rich part).
public enum DigestHTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in Inert.line(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func line(_ item: DigestItem, _ local: LocalTime) -> String {
        var s = "<b>[\(escape(item.board?.rawValue ?? "space"))]</b> " + escape(item.title)
        if let text = item.text, !text.isEmpty { s += " — " + escape(DigestText.excerpt(text)) }
        if let note = item.note { s += " <i>(\(escape(note)))</i>" }
        s += " · \(escape(item.author.rawValue)) · \(escape(DigestText.when(item.at, local)))"
        return item.highlight ? "<strong style=\"color:#b00\">⚠</strong> " + s : s
    }

    public static func render(_ digest: Digest) -> String {
        let local = DigestText.zone(digest)
        var out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>Weekly digest \(digest.week)</title></head>",
                   "<body style=\"font-family:sans-serif\">",
                   "<h1>Weekly digest for \(escape(digest.viewer.rawValue))</h1>",
                   "<p>\(escape(digest.title)), \(escape(digest.timeZone))<br>\(escape(digest.countsLine))</p>"]
        for section in digest.sections {
            out.append("<h2>\(escape(section.title))</h2>")
            if section.isEmpty { out.append("<p><i>\(escape(section.kind.emptyText))</i></p>") }
            for group in section.groups {
                if let h = group.heading { out.append("<h3>\(escape(h))</h3>") }
                out.append("<ul>")
                for item in group.items { out.append("<li>" + line(item, local) + "</li>") }
                out.append("</ul>")
            }
        }
        out.append("</body></html>")
        return out.joined(separator: "\n") + "\n"
    }
}
