import TerminalUI
import WeftCore
import WeftStore

/// A thread laid out as screen lines for one width: the pinned header (title
/// and decision) and the scrolling text (body blocks, reactions, comments as
/// an indented tree).
///
/// Built once when the thread loads or the width changes, not per frame.
/// Post text is wrapped by display width with `TextWrap`, which makes it
/// inert: an escape sequence in a post is shown as `^[[2J`, never sent.
struct ThreadDocument: Equatable, Sendable {
    /// A run of text in one style.
    struct Span: Equatable, Sendable {
        var text: String
        var style: Style

        init(_ text: String, _ style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// One screen line.
    struct Line: Equatable, Sendable {
        var indent: Int
        var spans: [Span]
        /// The element of the thread the line comes from (the head, a block,
        /// a comment), so a reading position survives re-wrapping.
        var part: Int
    }

    /// Something a key can act on: the thread, one of its paragraphs, or a
    /// comment (`[`/`]` select; `r`, `c`, `+`, `e`, `D`, `H` act).
    struct Target: Equatable, Sendable {
        /// The element of `lines` it is drawn as.
        var part: Int
        var post: PostView
        /// The paragraph, for a thread's block.
        var block: Block?

        /// What identifies a target across reloads.
        struct Key: Hashable, Sendable {
            var post: EventID
            var block: String?
        }

        var key: Key { Key(post: post.id, block: block?.id) }
    }

    let width: Int
    /// Lines pinned above the scrolling text.
    let header: [Line]
    let lines: [Line]
    /// The selectable posts and paragraphs, in reading order.
    let targets: [Target]
    /// Which comment each comment part shows (for "the comment on screen").
    let commentParts: [Int: EventID]
    /// The first line of each post (thread head and comments), for opening a
    /// thread at a search result.
    var postLines: [EventID: Int] = [:]
    /// Lines with a search match, top to bottom (empty without a highlight).
    var matchLines: [Int] = []
    /// The "new since you last read" line, when something read comes before
    /// something new.
    var dividerLine: Int?
    /// Comments long enough to fold to their first lines (Enter toggles).
    var longComments: Set<EventID> = []

    /// Replies deeper than this are indented no further.
    static let maximumDepth = 6

    init(_ detail: ThreadDetail, width: Int, clock: ViewerClock, highlight: SearchHighlighter? = nil,
         folds: FoldState = FoldState())
    {
        self.width = width
        let textWidth = max(8, width - 2)
        header = Self.header(detail, textWidth: textWidth, clock: clock).map { Self.highlighted($0, highlight) }
        var builder = Builder(textWidth: textWidth)
        builder.highlight = highlight
        builder.folds = folds
        builder.head(detail, clock: clock)
        builder.comments(detail, clock: clock)
        lines = builder.lines
        targets = builder.targets
        commentParts = builder.commentParts
        postLines = builder.postLines
        matchLines = builder.matchLines
        dividerLine = builder.dividerLine
        longComments = builder.longComments
    }

    /// The first line of `part`, for restoring a reading position.
    func firstLine(of part: Int) -> Int? {
        lines.firstIndex { $0.part >= part }
    }

    private static func header(_ detail: ThreadDetail, textWidth: Int, clock: ViewerClock) -> [Line] {
        var header: [Line] = []
        let post = detail.thread
        let title = post.redacted ? "[deleted thread]" : (post.title ?? "")
        for text in clipped(TextWrap.lines(title, width: textWidth), to: 2, width: textWidth) {
            header.append(Line(indent: 1, spans: [Span(text, Style(.normal, [.bold]))], part: 0))
        }
        if let decision = detail.decision {
            var text = "✓ Decided by \(decision.author) on \(clock.full(decision.at))"
            if let summary = decision.summary, !summary.isEmpty {
                text += ": " + summary
            }
            for line in clipped(TextWrap.lines(text, width: textWidth), to: 2, width: textWidth) {
                header.append(Line(indent: 1, spans: [Span(line, Style(.accent, [.bold]))], part: 0))
            }
        }
        if let line = historyLine(detail, clock: clock) {
            header.append(Line(indent: 1, spans: [Span(DisplayWidth.truncate(line, to: textWidth), Style(.dim))], part: 0))
        }
        return header
    }

    /// What came before the standing decision: "↺ Reopened by bob on … · 1 earlier
    /// decision", or "Replaces 2 earlier decisions"; nil without history.
    private static func historyLine(_ detail: ThreadDetail, clock: ViewerClock) -> String? {
        let history = detail.decisionHistory
        let earlier = history.filter { !$0.isReopening && $0.id != detail.decision?.id }.count
        let decisions = "\(earlier) earlier decision\(earlier == 1 ? "" : "s")"
        if detail.decision == nil, let last = history.last, last.isReopening {
            return "↺ Reopened by \(last.author) on \(clock.full(last.at))" + (last.summary.map { ": " + Inert.line($0) } ?? "")
                + (earlier > 0 ? " · " + decisions : "")
        }
        return detail.decision != nil && earlier > 0 ? "Replaces " + decisions + " (weft decision list --history)" : nil
    }

    /// At most `count` lines, the last one ending in "…" when text was cut.
    private static func clipped(_ lines: [String], to count: Int, width: Int) -> [String] {
        guard lines.count > count else { return lines }
        var kept = Array(lines.prefix(count))
        kept[count - 1] = DisplayWidth.truncate(kept[count - 1] + " …", to: width)
        return kept
    }
}

/// Accumulates the scrolling lines of a thread.
private struct Builder {
    let textWidth: Int
    var lines: [ThreadDocument.Line] = []
    var targets: [ThreadDocument.Target] = []
    var part = 0
    var commentParts: [Int: EventID] = [:]
    /// Search matches to mark in post text.
    var highlight: SearchHighlighter?
    var postLines: [EventID: Int] = [:]
    var matchLines: [Int] = []
    var folds = FoldState()
    var dividerLine: Int?
    var longComments: Set<EventID> = []

    init(textWidth: Int) {
        self.textWidth = textWidth
    }

    typealias Span = ThreadDocument.Span

    mutating func add(_ spans: [Span], indent: Int = 1) {
        lines.append(ThreadDocument.Line(indent: indent, spans: spans, part: part))
    }

    mutating func blank() {
        add([])
    }

    /// Lays `text` out (light Markdown, `PostText`) in the width left after
    /// `indent` and adds its lines.
    /// Search matches are marked and their lines remembered.
    /// With a `limit`, a text of more lines shows only its first `limit`
    /// lines; returns whether it was long enough for that.
    @discardableResult
    mutating func paragraph(_ text: String, indent: Int, limit: (long: Int, shown: Int)? = nil) -> Bool {
        var laid = PostText.lines(text, width: max(4, textWidth - indent + 1))
        let isLong = limit.map { laid.count > $0.long } ?? false
        if isLong, let limit {
            laid = Array(laid.prefix(limit.shown))
        }
        for line in laid {
            let spans = ThreadDocument.highlighted(line.spans, highlight)
            if highlight != nil, spans.contains(where: { $0.style == SearchScreen.matchStyle }) { matchLines.append(lines.count) }
            add(spans, indent: indent + line.indent)
        }
        return isLong
    }

    mutating func head(_ detail: ThreadDetail, clock: ViewerClock) {
        let post = detail.thread
        postLines[post.id] = lines.count
        var meta = [
            Span(post.author.rawValue, Style(.accent, [.bold])),
            Span(" · " + clock.full(post.createdAt) + " · #" + detail.board.slug.rawValue, Style(.dim)),
        ]
        if post.editedAt != nil {
            meta.append(Span(" · edited", Style(.dim)))
        }
        if post.unread {
            meta.append(Span(" · new", Style(.unread)))
        }
        targets.append(ThreadDocument.Target(part: part, post: post))
        add(meta)
        blank()
        if post.redacted {
            part += 1
            add([Span("[deleted]", Style(.dim))])
            blank()
        } else {
            for block in post.blocks {
                part += 1
                targets.append(ThreadDocument.Target(part: part, post: post, block: block))
                paragraph(block.text, indent: 1)
                anchored(to: block, in: detail)
                blank()
            }
        }
        if let reactions = Builder.reactions(post) {
            add([Span(reactions)])
            blank()
        }
    }

    mutating func comments(_ detail: ThreadDetail, clock: ViewerClock) {
        part += 1
        let count = detail.comments.count
        guard count > 0 else {
            add([Span("No comments yet.", Style(.dim))])
            return
        }
        add([Span("── \(count) comment\(count == 1 ? "" : "s") ──", Style(.dim))])
        blank()
        // Deep replies stop indenting while the text would get too narrow.
        let depthLimit = min(ThreadDocument.maximumDepth, max(0, (textWidth - 24) / 2))
        let order = CommentTree.order(ids: detail.comments.map(\.id), parents: detail.comments.map(\.parent))
        // Folding needs each subtree's extent and unread count: one pass each,
        // then hidden replies cost nothing.
        let ends = folds.folded.isEmpty ? [] : FoldText.subtreeEnds(order)
        var unreadBefore = [0]
        unreadBefore.reserveCapacity(order.count + 1)
        for entry in order {
            unreadBefore.append(unreadBefore[unreadBefore.count - 1] + (detail.comments[entry.index].unread ? 1 : 0))
        }
        let firstUnread = order.firstIndex { detail.comments[$0.index].unread }
        let dividerAt = firstUnread.flatMap { first in !detail.thread.unread || first > 0 ? first : nil }
        var next = 0
        while next < order.count {
            let position = next
            let entry = order[position]
            next += 1
            if position == dividerAt {
                divider()
            }
            part += 1
            let comment = detail.comments[entry.index]
            commentParts[part] = comment.id
            let indent = 1 + min(entry.depth, depthLimit) * 2
            targets.append(ThreadDocument.Target(part: part, post: comment))
            postLines[comment.id] = lines.count
            add(commentHead(comment, detail: detail, clock: clock), indent: indent)
            if let anchor = comment.anchor, let block = detail.thread.blocks.first(where: { $0.id == anchor }) {
                quote(block.text, indent: indent + 2)
            }
            if comment.redacted {
                add([Span("[deleted]", Style(.dim))], indent: indent + 2)
            } else {
                let expanded = folds.expanded.contains(comment.id)
                let limit = (FoldState.longCommentLines, expanded ? Int.max : FoldState.previewLines)
                if paragraph(comment.body, indent: indent + 2, limit: limit) {
                    longComments.insert(comment.id)
                    if !expanded {
                        add([Span(FoldText.more, Style(.dim))], indent: indent + 2)
                    }
                }
            }
            if let reactions = Builder.reactions(comment) {
                add([Span(reactions)], indent: indent + 2)
            }
            if !ends.isEmpty, folds.folded.contains(comment.id), ends[position] > position + 1 {
                let end = ends[position]
                if let dividerAt, dividerAt > position, dividerAt < end {
                    divider()
                    part += 1
                }
                let text = FoldText.folded(replies: end - position - 1, unread: unreadBefore[end] - unreadBefore[position + 1])
                add([Span(text, Style(unreadBefore[end] > unreadBefore[position + 1] ? .unread : .dim))], indent: indent + 2)
                next = end
            }
            blank()
        }
    }

    /// "── new since you last read ──", across the text, as its own part.
    mutating func divider() {
        part += 1
        dividerLine = lines.count
        let text = FoldText.divider
        let fill = String(repeating: "─", count: max(0, textWidth - DisplayWidth.of(text) - 1))
        add([Span(text + fill, Style(.unread))])
    }

    /// The contextual comments on `block`, one line each, under it.
    mutating func anchored(to block: Block, in detail: ThreadDetail) {
        let comments = detail.comments.filter { $0.anchor == block.id && !$0.redacted }
        guard !comments.isEmpty else { return }
        let room = max(4, textWidth - 3)
        for comment in comments.prefix(3) {
            let text = "↳ \(comment.author): " + WeftCore.Inert.line(PostText.firstLine(comment.body))
            add([Span(DisplayWidth.truncate(text, to: room), Style(.dim))], indent: 3)
        }
        if comments.count > 3 {
            add([Span("↳ \(comments.count - 3) more below", Style(.dim))], indent: 3)
        }
    }

    /// The first line of the paragraph a contextual comment is about.
    mutating func quote(_ text: String, indent: Int) {
        let room = max(4, textWidth - indent - 1)
        let line = WeftCore.Inert.line(PostText.firstLine(text))
        add([Span("│ " + DisplayWidth.truncate(line, to: room - 2), Style(.dim))], indent: indent)
    }

    private func commentHead(_ comment: PostView, detail: ThreadDetail, clock: ViewerClock) -> [Span] {
        var spans = [
            Span("▸ ", Style(.dim)),
            Span(comment.author.rawValue, Style(.accent, [.bold])),
            Span(" · " + clock.full(comment.createdAt), Style(.dim)),
        ]
        if let anchor = comment.anchor, let index = detail.thread.blocks.firstIndex(where: { $0.id == anchor }) {
            spans.append(Span(" · on ¶\(index + 1)", Style(.dim)))
        }
        if comment.editedAt != nil {
            spans.append(Span(" · edited", Style(.dim)))
        }
        if detail.decision?.comment == comment.id {
            spans.append(Span(" · ✓ decision", Style(.accent, [.bold])))
        }
        if comment.unread {
            spans.append(Span(" · new", Style(.unread)))
        }
        return spans
    }

    /// "👍 3  🎉 1", or nil without reactions.
    static func reactions(_ post: PostView) -> String? {
        guard !post.reactions.isEmpty else { return nil }
        return post.reactions.map { "\($0.emoji) \($0.authors.count)" }.joined(separator: "  ")
    }
}

extension ThreadDocument {
    /// `spans` with the search matches of each cut out in the match style.
    static func highlighted(_ spans: [Span], _ highlight: SearchHighlighter?) -> [Span] {
        guard let highlight, !highlight.isEmpty else { return spans }
        return spans.flatMap { span in
            highlight.segments(span.text).map { Span($0.text, $0.isMatch ? SearchScreen.matchStyle : span.style) }
        }
    }

    static func highlighted(_ line: Line, _ highlight: SearchHighlighter?) -> Line {
        Line(indent: line.indent, spans: highlighted(line.spans, highlight), part: line.part)
    }
}

extension ThreadDetail {
    /// Posts of the thread the viewer has not read.
    var unreadCount: Int {
        (thread.unread ? 1 : 0) + comments.count(where: \.unread)
    }
}
