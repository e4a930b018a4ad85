import ArgumentParser
import WeftCore
import WeftStore

struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record a thread's decision: a comment, a summary, or both.",
        discussion: """
            The decision is pinned at the top of the thread and the thread shows as decided.
            Deciding again replaces the standing decision; 'weft reopen' undoes it. Every
            decision and reopening stays in the thread's history.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread (id prefix).") var thread: String
    @Option(help: "The comment that holds the decision (id prefix).") var comment: String?
    @Option(help: "The decision in your words (1 byte - 64 KiB).") var summary: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard comment != nil || summary != nil else {
                throw CommandError("nothing to decide: give --comment ID (the comment that decides) and/or --summary TEXT")
            }
            let text = try summary.map { try Validate.body($0) }
            try withStore(global) { store in
                let threadID = try resolveThread(thread, store)
                var commentID: EventID?
                if let comment {
                    let r = try store.index.resolve(comment)
                    guard r.kind == .comment else { throw StoreError.wrongKind(comment, expected: "comment") }
                    commentID = r.id
                }
                let event = try store.decide(thread: threadID, comment: commentID, summary: text)
                if output.json, let entry = try store.index.decisions(viewer: store.me, history: true).first(where: { $0.decision.id == event.id }) {
                    return Output.json(DecisionEntryJSON(entry))
                }
                print(event.id.rawValue)
            }
        }
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a decided thread (its decision stays in the history)."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread (id prefix).") var thread: String
    @Option(help: "Why it is open again.") var reason: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let why = try reason.map { try Validate.body($0) }
            try withStore(global) { store in
                let event = try store.reopen(thread: try resolveThread(thread, store), reason: why)
                if output.json {
                    return Output.json(CreatedJSON(id: event.id.rawValue, type: event.type, at: event.at.iso8601, author: store.me.rawValue))
                }
                print(event.id.rawValue)
            }
        }
    }
}

/// A thread id from a prefix of the thread's or one of its comments' ids.
func resolveThread(_ prefix: String, _ store: Store) throws -> EventID {
    let r = try store.index.resolve(prefix)
    switch r.kind {
    case .thread: return r.id
    case .comment:
        guard let t = try store.index.post(r.id, viewer: store.me)?.thread else { throw StoreError.unknownID(prefix) }
        return t
    default: throw StoreError.wrongKind(prefix, expected: "thread")
    }
}

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "List decisions across boards.",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List standing decisions, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only on this board.") var board: String?
        @Option(help: "Only since: 7d, 12h, 2w, today, yesterday, 2026-11-20 or \"2026-11-20 09:00\".") var since: String?
        @Flag(help: "Also list replaced decisions and reopenings.") var history = false
        @Option(help: "At most this many.") var limit: Int = 200
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let b = try board.map { try store.existingBoard($0).slug }
                let from = try since.map { try SinceParser.parse($0, store: store) }
                let list = try store.index.decisions(viewer: store.me, board: b, since: from, history: history, limit: limit)
                if output.json { return Output.json(list.map(DecisionEntryJSON.init)) }
                if list.isEmpty { return print("No decisions\(since.map { " since \($0)" } ?? "")\(board.map { " on \($0)" } ?? "").") }
                let clock = Clockface(store)
                var table = Table("WHEN", "BOARD", "THREAD", "BY", "TITLE", "DECISION")
                for e in list {
                    let what = e.decision.isReopening ? "reopened" + (e.decision.summary.map { ": " + $0 } ?? "")
                        : (e.isCurrent ? "" : "(replaced) ") + DigestText.excerpt(e.text, limit: 60)
                    table.add(clock.full(e.decision.at), e.board.rawValue, e.decision.thread.short, e.decision.author.rawValue,
                              e.threadTitle, what)
                }
                print(table.render(maxLast: 60))
            }
        }
    }
}

struct DecisionEntryJSON: Encodable {
    var id, thread, board, title, author, at, text: String
    var comment, summary, commentAuthor: String?
    var current, reopening: Bool

    init(_ e: DecisionEntry) {
        id = e.decision.id.rawValue
        thread = e.decision.thread.rawValue
        board = e.board.rawValue
        title = e.threadTitle
        author = e.decision.author.rawValue
        at = e.decision.at.iso8601
        text = e.text
        comment = e.decision.comment?.rawValue
        summary = e.decision.summary
        commentAuthor = e.commentAuthor?.rawValue
        current = e.isCurrent
        reopening = e.decision.isReopening
    }
}
