import WeftCore
import WeftStore

/// A thread as readable, inert text for the terminal.
enum ThreadText {
    static func render(_ d: ThreadDetail, clock: Clockface) -> String {
        var out: [String] = []
        let t = d.thread
        out.append(t.redacted ? "[deleted thread]" : Inert.line(t.title ?? ""))
        out.append("\(t.author) · \(clock.full(t.createdAt)) · \(d.board.slug) · \(t.id.rawValue)\(t.editedAt != nil ? " · edited" : "")")
        if let dec = d.decision {
            var line = "✓ Decided by \(dec.author) on \(clock.full(dec.at))"
            if let s = dec.summary { line += ": " + Inert.line(s) }
            if let c = dec.comment { line += " (comment \(c.short))" }
            out.append(line)
        }
        out.append("")
        if t.redacted {
            out.append("  [deleted]")
        } else {
            for (n, block) in t.blocks.enumerated() {
                let lines = Inert.text(block.text).split(separator: "\n", omittingEmptySubsequences: false)
                for (i, l) in lines.enumerated() { out.append((i == 0 ? "[\(n + 1)] " : "    ") + l) }
                out.append("")
            }
        }
        if let r = reactions(t) { out.append(r) }
        let order = CommentTree.order(ids: d.comments.map(\.id), parents: d.comments.map(\.parent))
        if !d.comments.isEmpty { out.append("— \(d.comments.count) comment\(d.comments.count == 1 ? "" : "s") —") }
        for entry in order {
            let c = d.comments[entry.index]
            let pad = String(repeating: "  ", count: min(entry.depth, 8))
            var head = "\(pad)▸ \(c.author) · \(clock.full(c.createdAt)) · \(c.id.short)"
            if c.editedAt != nil { head += " · edited" }
            if c.unread { head += " · new" }
            if let a = c.anchor, let n = t.blocks.firstIndex(where: { $0.id == a }) { head += " · on [\(n + 1)]" }
            out.append(head)
            let body = c.redacted ? "[deleted]" : Inert.text(c.body)
            for l in body.split(separator: "\n", omittingEmptySubsequences: false) { out.append(pad + "  " + l) }
            if let r = reactions(c) { out.append(pad + "  " + r) }
        }
        return out.joined(separator: "\n")
    }

    static func reactions(_ p: PostView) -> String? {
        guard !p.reactions.isEmpty else { return nil }
        return p.reactions.map { "\(Inert.line($0.emoji)) \($0.authors.count)" }.joined(separator: "  ")
    }
}
