import ArgumentParser
import WeftCore
import WeftStore

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Private reminders: bring a thread or comment back to your inbox at a time.",
        discussion: "'weft remind ID WHEN' is short for 'weft remind add ID WHEN'. Only you see your reminders.",
        subcommands: [Add.self, List.self, Done.self],
        defaultSubcommand: Add.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Remind yourself of a thread or comment (in 2h, tomorrow 9:00, mon …).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread or comment (id prefix).") var target: String
        @Argument(help: "When, in your time zone.") var when: String
        @Option(help: "A note to yourself.") var note: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let note = try self.note.map { try Validate.body($0) }
                try withStore(global) { store in
                    let r = try store.index.resolve(target)
                    guard r.kind == .thread || r.kind == .comment, let post = try store.index.post(r.id, viewer: store.me) else {
                        throw StoreError.wrongKind(target, expected: "thread or comment")
                    }
                    let at = try DueParser(timeZone: store.viewerTimeZone(), now: store.now).parse(when)
                    let reminder = try store.remind(post, at: at, note: note)
                    if output.json { return Output.json(ReminderJSON(reminder)) }
                    print(reminder.id.rawValue)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List your reminders, soonest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include done ones.") var all = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let list = try store.index.reminders(includingDone: all)
                if output.json { return Output.json(list.map(ReminderJSON.init)) }
                if list.isEmpty { return print("No reminders. Set one: weft remind ID 'tomorrow 9:00'") }
                let clock = Clockface(store)
                var table = Table("ID", "WHEN", "THREAD", "NOTE")
                for r in list {
                    let title = try threadTitle(store, r.thread.flatMap { try? store.index.post($0, viewer: store.me) }) ?? ""
                    table.add(r.id.short, clock.full(r.at) + (r.done ? " done" : ""), title, r.note ?? "")
                }
                print(table.render())
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a reminder done (it leaves the inbox).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reminder (id prefix).") var id: String

        func run() throws {
            try withStore(global) { store in
                let r = try reminder(store, id)
                try store.index.setReminder(r.id, done: true)
                print(r.id.rawValue)
            }
        }
    }
}

func reminder(_ store: Store, _ prefix: String) throws -> Reminder {
    guard prefix.count(where: { $0 != "-" }) >= 4 else { throw StoreError.idTooShort(prefix) }
    let found = try store.index.reminders(matching: prefix)
    guard found.count == 1 else {
        if found.isEmpty { throw CommandError("no reminder has an id starting with '\(prefix)': see 'weft remind list'") }
        throw StoreError.ambiguousID(prefix, found.map { "reminder \($0.id.rawValue.prefix(18))" })
    }
    return found[0]
}

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a thread (its new comments and decisions come to your inbox); --stop to unfollow.",
        discussion: "You follow threads you start, comment on, are mentioned in or are asked to follow up on; --stop overrides that."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread (or a comment in it), id prefix.") var thread: String
    @Flag(help: "Stop following it.") var stop = false

    func run() throws {
        try withStore(global) { store in
            let r = try store.index.resolve(thread)
            guard r.kind == .thread || r.kind == .comment, let post = try store.index.post(r.id, viewer: store.me) else {
                throw StoreError.wrongKind(thread, expected: "thread")
            }
            try store.index.setFollowing(post.thread, !stop, at: store.now)
            print(stop ? "Stopped following \(post.thread.short)" : "Following \(post.thread.short)")
        }
    }
}
