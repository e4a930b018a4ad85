import ArgumentParser
import WeftCore
import WeftStore

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Comment on a thread, reply to a comment, or comment on one block.",
        discussion: "The text comes from --body, --body-file (- for stdin) or stdin."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread (or a comment in it) — a unique id prefix.") var thread: String
    @Option(help: "The comment text.") var body: String?
    @Option(help: "Read the text from a file (- for stdin).") var bodyFile: String?
    @Option(help: "Reply to this comment (id prefix).") var replyTo: String?
    @Option(help: "Comment on block N of the thread's body (numbered from 1).") var block: Int?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard let raw = try BodyInput.read(body: body, file: bodyFile) else { return }
            let text = try Validate.body(raw)
            try withStore(global) { store in
                let target = try store.index.resolve(thread)
                var threadID = target.id
                var parent: EventID?
                switch target.kind {
                case .thread: break
                case .comment:
                    // Commenting "on a comment" means replying to it.
                    guard let c = try store.index.post(target.id, viewer: store.me) else { throw StoreError.unknownID(thread) }
                    threadID = c.thread
                    parent = c.id
                default: throw StoreError.wrongKind(thread, expected: "thread")
                }
                guard let detail = try store.index.thread(threadID, viewer: store.me) else { throw StoreError.unknownID(thread) }
                if let replyTo {
                    let r = try store.index.resolve(replyTo)
                    guard r.kind == .comment, detail.comments.contains(where: { $0.id == r.id }) else {
                        throw CommandError("--reply-to \(replyTo) is not a comment in this thread: give the id of one of its comments")
                    }
                    parent = r.id
                }
                var anchor: String?
                if let block {
                    let blocks = detail.thread.blocks
                    guard block >= 1, block <= blocks.count else { throw WeftCore.ValidationError.badBlock(block, count: blocks.count) }
                    anchor = blocks[block - 1].id
                }
                let event = try store.append(.commentCreated(CommentCreated(thread: threadID, parent: parent, anchor: anchor, body: text, mentions: MentionScanner.mentions(in: text))),
                                             board: detail.board.slug)
                try store.index.markRead([event.id])
                try printCreated(store, event, json: output.json)
            }
        }
    }
}

struct ReactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "react",
        abstract: "React to a thread or comment with an emoji (again with --remove to take it back)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread or comment (id prefix).") var target: String
    @Argument(help: "One emoji or a short word, e.g. 👍 or +1.") var emoji: String
    @Flag(help: "Remove your reaction instead.") var remove = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let e = try Validate.emoji(emoji)
            try withStore(global) { store in
                let r = try store.index.resolve(target)
                guard r.kind == .thread || r.kind == .comment, let board = r.board else {
                    throw StoreError.wrongKind(target, expected: "thread or comment")
                }
                let change = ReactionChange(target: r.id, emoji: e)
                let mine = try store.index.post(r.id, viewer: store.me)?.reactions
                    .contains { $0.emoji == e && $0.authors.contains(store.me) } ?? false
                if remove && !mine { throw CommandError("you have not reacted with \(e) to \(r.id.short): nothing to remove") }
                if !remove && mine { throw CommandError("you already reacted with \(e) to \(r.id.short)") }
                let event = try store.append(remove ? .reactionRemoved(change) : .reactionAdded(change), board: board)
                if output.json {
                    Output.json(CreatedJSON(id: event.id.rawValue, type: event.type, at: event.at.iso8601,
                                            author: store.me.rawValue, board: board.rawValue))
                } else {
                    print(event.id.rawValue)
                }
            }
        }
    }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit one of your threads or comments (earlier versions are kept).",
        discussion: "The new text comes from --body, --body-file (- for stdin) or stdin; --title alone changes only a thread's title."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread or comment (id prefix).") var target: String
    @Option(help: "A new title (threads only).") var title: String?
    @Option(help: "The new text.") var body: String?
    @Option(help: "Read the new text from a file (- for stdin).") var bodyFile: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let newTitle = try title.map { try Validate.title($0) }
            let raw = try BodyInput.read(body: body, file: bodyFile, required: newTitle == nil)
            let text = try raw.map { try Validate.body($0) }
            try withStore(global) { store in
                let r = try store.index.resolve(target)
                guard r.kind == .thread || r.kind == .comment,
                      let post = try store.index.post(r.id, viewer: store.me) else {
                    throw StoreError.wrongKind(target, expected: "thread or comment")
                }
                guard post.author == store.me else { throw StoreError.notAuthor(r.id.short) }
                if post.redacted { throw CommandError("\(r.id.short) was deleted and cannot be edited") }
                let payload: PostEdited
                if post.kind == .thread {
                    payload = PostEdited(target: r.id, title: newTitle, blocks: text.map { Blocks.split($0, reusing: post.blocks) })
                } else {
                    if newTitle != nil { throw CommandError("--title applies to threads only; \(r.id.short) is a comment") }
                    payload = PostEdited(target: r.id, body: text)
                }
                let event = try store.append(.postEdited(payload), board: post.board)
                if output.json, let edited = try store.index.post(r.id, viewer: store.me) {
                    return Output.json(PostJSON(edited))
                }
                print(event.id.rawValue)
            }
        }
    }
}
