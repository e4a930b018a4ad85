import ArgumentParser
import WeftCore
import WeftStore

struct ThreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thread",
        abstract: "Start, list and read threads.",
        subcommands: [New.self, List.self, Show.self, Pin.self, Unpin.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", 
            abstract: "Start a thread.",
            discussion: "The body comes from --body, --body-file (- for stdin) or stdin. A blank line starts a new block (paragraph).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board to post in.") var board: String
        @Option(help: "The thread's title (1-200 characters).") var title: String
        @Option(help: "The body text.") var body: String?
        @Option(help: "Read the body from a file (- for stdin).") var bodyFile: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let t = try Validate.title(title)
                guard let raw = try BodyInput.read(body: body, file: bodyFile) else { return }
                let text = try Validate.body(raw)
                try withStore(global) { store in
                    let b = try store.existingBoard(board)
                    let event = try store.append(.threadCreated(ThreadCreated(title: t, blocks: Blocks.split(text), mentions: MentionScanner.mentions(in: text))), board: b.slug)
                    try store.index.markRead([event.id])
                    try printCreated(store, event, json: output.json)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List a board's threads: pinned first, then most recent activity first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board.") var board: String
        @OptionGroup var filter: ThreadFilterOptions
        @Option(help: "How many threads to show.") var limit: Int = 50
        @Option(help: "Skip this many threads first.") var offset: Int = 0
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
        }

        func run() throws {
            try withStore(global) { store in
                let b = try store.existingBoard(board)
                let threads = try store.index.threads(board: b.slug, viewer: store.me, options: filter.options, limit: limit,
                                                     offset: offset)
                if output.json { return Output.json(threads.map(ThreadJSON.init)) }
                if threads.isEmpty, !filter.options.filters.isEmpty { return print("No threads in \(b.slug) match.") }
                if threads.isEmpty { return print("No threads in \(b.slug) yet. Start one: weft thread new --board \(b.slug) --title TITLE") }
                let clock = Clockface(store)
                var table = Table("ID", "LAST", "REPLIES", "NEW", "AUTHOR", "TITLE")
                for t in threads {
                    let mark = (t.pinned ? "📌 " : "") + (t.decided ? "✓ " : "") + (t.redacted ? "[deleted]" : t.title)
                    table.add(t.id.short, clock.brief(t.lastActivity), "\(t.replies)", t.unread > 0 ? "\(t.unread)" : "",
                              t.author.rawValue, mark)
                }
                print(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a thread with its comments as a tree.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id (a unique prefix is enough).") var id: String
        @Flag(help: "Do not mark the thread read.") var keepUnread = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let resolved = try store.index.resolve(id)
                guard resolved.kind == .thread || resolved.kind == .comment else { throw StoreError.wrongKind(id, expected: "thread") }
                let threadID = resolved.kind == .thread ? resolved.id : try store.index.post(resolved.id, viewer: store.me)?.thread
                guard let threadID, let detail = try store.index.thread(threadID, viewer: store.me) else {
                    throw StoreError.unknownID(id)
                }
                if !keepUnread { try store.index.markThreadRead(threadID) }
                if output.json {
                    return Output.json(ThreadDetailJSON(thread: PostJSON(detail.thread), comments: detail.comments.map(PostJSON.init),
                                                        decision: detail.decision.map(DecisionJSON.init)))
                }
                print(ThreadText.render(detail, clock: Clockface(store)))
            }
        }
    }
}

/// Prints what a create command made: its short id, or with --json the object.
func printCreated(_ store: Store, _ event: Event, json: Bool) throws {
    if json {
        if let post = try store.index.post(event.id, viewer: store.me) { return Output.json(PostJSON(post)) }
        if let s = try store.index.status(event.id) { return Output.json(StatusJSON(s)) }
        return Output.json(CreatedJSON(id: event.id.rawValue, type: event.type, at: event.at.iso8601, author: store.me.rawValue))
    }
    print(event.id.rawValue)
}
