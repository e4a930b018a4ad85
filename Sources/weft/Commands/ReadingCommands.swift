import ArgumentParser
import WeftCore
import WeftStore

/// `weft read`, `weft unread` and `weft catchup`: read markers from the command line.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Mark a thread (with all its comments) or one comment read.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A thread or comment id (a unique prefix is enough).") var target: String

    func run() throws { try ReadTarget.mark(target, read: true, global) }
}

struct UnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unread",
        abstract: "Mark a thread (all its posts) or one comment unread again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A thread or comment id (a unique prefix is enough).") var target: String

    func run() throws { try ReadTarget.mark(target, read: false, global) }
}

struct CatchupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchup",
        abstract: "Mark every thread of a board read (optionally only the threads a filter shows).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The board.") var board: String
    @OptionGroup var filter: ThreadFilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try withStore(global) { store in
            let b = try store.existingBoard(board)
            let done = try store.index.catchUp(board: b.slug, viewer: store.me, options: filter.options)
            if output.json { return Output.json(CatchupJSON(board: b.slug.rawValue, threads: done.threads, posts: done.posts)) }
            if done.threads == 0 { return print("Nothing unread in \(b.slug).") }
            print("Marked \(done.threads) thread\(done.threads == 1 ? "" : "s") (\(done.posts) post\(done.posts == 1 ? "" : "s")) in \(b.slug) read.")
        }
    }
}

struct CatchupJSON: Encodable {
    var board: String
    var threads, posts: Int
}

/// Filters and sort shared by `weft thread list` and `weft catchup`.
struct ThreadFilterOptions: ParsableArguments {
    @Flag(help: "Only threads with posts you have not read.") var unread = false
    @Flag(help: "Only pinned threads.") var pinned = false
    @Flag(help: "Only decided threads.") var decided = false
    @Flag(help: "Only threads without a decision.") var undecided = false
    @Flag(help: "Only threads with open follow-ups.") var followups = false
    @Flag(help: "Only threads you started or commented on.") var mine = false
    @Option(help: "Order: activity (default), created or unread. Pinned threads come first.") var sort: ThreadSort = .activity

    func validate() throws {
        guard !(decided && undecided) else { throw ValidationError("--decided and --undecided exclude each other; pick one") }
    }

    var options: ThreadListOptions {
        var filters: Set<ThreadFilter> = []
        if unread { filters.insert(.unread) }
        if pinned { filters.insert(.pinned) }
        if decided { filters.insert(.decided) }
        if undecided { filters.insert(.undecided) }
        if followups { filters.insert(.followups) }
        if mine { filters.insert(.mine) }
        return ThreadListOptions(filters: filters, sort: sort)
    }
}

extension ThreadSort: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The post a reading command is about.
enum ReadTarget {
    /// `weft read` / `weft unread`: a thread with all its posts, or one comment.
    static func mark(_ text: String, read: Bool, _ global: GlobalOptions) throws {
        try withStore(global) { store in
            let post = try post(text, store)
            let index = store.index
            switch (post.kind, read) {
            case (.thread, true): try index.markThreadRead(post.id)
            case (.thread, false): try index.markThreadUnread(post.id)
            case (.comment, true): try index.markRead([post.id])
            case (.comment, false): try index.markUnread([post.id])
            }
            print("Marked \(post.kind == .thread ? "thread" : "comment") \(post.id.short) \(read ? "read" : "unread").")
        }
    }

    static func post(_ text: String, _ store: Store) throws -> PostView {
        let resolved = try store.index.resolve(text)
        guard resolved.kind == .thread || resolved.kind == .comment,
              let post = try store.index.post(resolved.id, viewer: store.me)
        else { throw StoreError.wrongKind(text, expected: "thread or comment") }
        return post
    }
}
