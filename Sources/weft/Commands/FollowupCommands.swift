import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Ask someone to act on a thread or comment by a date; list, resolve and reschedule follow-ups.",
        discussion: """
            Due dates are read in your time zone: 2026-11-27 (17:00), '2026-11-27 15:00', today, tomorrow,
            a weekday (fri), 'fri 16:00', 'in 3d', 'in 2h', 'next week'. Each person sees them in their own zone.
            """,
        subcommands: [Add.self, List.self, Done.self, Decline.self, Cancel.self, Reschedule.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Ask a member to follow up on a thread or comment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread or comment (id prefix).") var target: String
        @Option(help: "Who should act (a member's handle).") var to: String
        @Option(help: "When it is due, in your time zone.") var due: String
        @Option(help: "What you are asking for.") var note: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let assignee = try Handle(to.hasPrefix("@") ? String(to.dropFirst()) : to)
                let note = try self.note.map { try Validate.body($0) }
                try withStore(global) { store in
                    let r = try store.index.resolve(target)
                    guard r.kind == .thread || r.kind == .comment else {
                        throw StoreError.wrongKind(target, expected: "thread or comment")
                    }
                    guard let post = try store.index.post(r.id, viewer: store.me) else { throw StoreError.unknownID(target) }
                    let dueAt = try DueParser(timeZone: store.viewerTimeZone(), now: store.now).parse(due)
                    let event = try store.askFollowUp(on: post, assignee: assignee, due: dueAt, note: note)
                    try printFollowUp(store, event.id, json: output.json)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List follow-ups, soonest due first (default: open ones asked of you or by you).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only those asked of you.") var mine = false
        @Flag(help: "Only those you asked.") var asked = false
        @Flag(help: "Every open follow-up in the space.") var open = false
        @Flag(help: "Include done, declined and cancelled ones.") var all = false
        @Option(help: "Output format: table (default), json or ics (iCalendar, one VTODO per follow-up).") var format: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let fmt = output.json ? "json" : (format ?? "table")
                guard ["table", "json", "ics"].contains(fmt) else {
                    throw CommandError("unknown format '\(fmt)': use table, json or ics")
                }
                try withStore(global) { store in
                    let me = store.me
                    var list = try store.index.followUps(state: all ? nil : .open)
                    if mine { list = list.filter { $0.assignee == me } }
                    if asked { list = list.filter { $0.requester == me } }
                    if !mine && !asked && !open { list = list.filter { $0.assignee == me || $0.requester == me } }
                    let now = store.now
                    switch fmt {
                    case "json":
                        Output.json(try list.map { f in
                            let post = try store.index.post(f.target, viewer: me)
                            return FollowUpJSON(f, thread: post, title: try threadTitle(store, post), now: now)
                        })
                    case "ics":
                        let todos = try list.map { f in
                            let post = try store.index.post(f.target, viewer: me)
                            let title = try threadTitle(store, post) ?? f.target.short
                            var text = "Asked by \(f.requester) of \(f.assignee) in #\(f.board)."
                            if let n = f.note { text += "\n" + n }
                            text += "\nweft thread show \(post?.thread.short ?? f.target.short)"
                            return ICalendar.Todo(uid: f.id.rawValue + "@weft", created: f.createdAt, due: f.due,
                                                  summary: "Follow up: " + title, description: text, state: f.state)
                        }
                        FileHandle.standardOutput.write(Data(ICalendar.document(todos, stamp: now).utf8))
                    default:
                        if list.isEmpty { return print("No follow-ups. Ask for one: weft followup add ID --to HANDLE --due WHEN") }
                        let clock = Clockface(store)
                        var table = Table("ID", "DUE", "STATE", "FROM", "TO", "NOTE")
                        for f in list {
                            let overdue = f.state == .open && f.due < now
                            table.add(f.id.short, clock.full(f.due) + (overdue ? " overdue" : ""), f.state.rawValue,
                                      f.requester.rawValue, f.assignee.rawValue, f.note ?? "")
                        }
                        print(table.render())
                    }
                }
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a follow-up asked of you done.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up (id prefix).") var id: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try resolveFollowUp(global, id, .done, reason: nil, json: output.json)
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline", 
            abstract: "Decline a follow-up asked of you; the reason is posted as a comment on its thread.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up (id prefix).") var id: String
        @Option(help: "Why (required; posted as a comment).") var reason: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let reason else { fail("say why you decline with --reason TEXT: it is posted as a comment for the requester") }
            try resolveFollowUp(global, id, .declined, reason: reason, json: output.json)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a follow-up you asked for.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up (id prefix).") var id: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try resolveFollowUp(global, id, .cancelled, reason: nil, json: output.json)
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reschedule", abstract: "Change the due date of an open follow-up (requester or assignee).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up (id prefix).") var id: String
        @Option(help: "The new due date, in your time zone.") var due: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                try withStore(global) { store in
                    let f = try followUp(store, id)
                    try store.rescheduleFollowUp(f, due: try DueParser(timeZone: store.viewerTimeZone(), now: store.now).parse(due))
                    try printFollowUp(store, f.id, json: output.json)
                }
            }
        }
    }
}

/// The title of the thread a post belongs to.
func threadTitle(_ store: Store, _ post: PostView?) throws -> String? {
    guard let post else { return nil }
    if post.kind == .thread { return post.redacted ? "[deleted thread]" : post.title }
    return try store.index.post(post.thread, viewer: store.me)?.title
}

func followUp(_ store: Store, _ prefix: String) throws -> FollowUp {
    let r = try store.index.resolve(prefix)
    guard r.kind == .followup, let f = try store.index.followUps().first(where: { $0.id == r.id }) else {
        throw StoreError.wrongKind(prefix, expected: "follow-up")
    }
    return f
}

/// Marks a follow-up done, declined (posting the reason as a comment) or cancelled.
func resolveFollowUp(_ global: GlobalOptions, _ id: String, _ state: FollowUpState, reason: String?, json: Bool) throws {
    try reportingErrors {
        let text = try reason.map { try Validate.body($0) }
        try withStore(global) { store in
            let f = try followUp(store, id)
            try store.resolveFollowUp(f, state, reason: text)
            try printFollowUp(store, f.id, json: json)
        }
    }
}

func printFollowUp(_ store: Store, _ id: EventID, json: Bool) throws {
    guard let f = try store.index.followUps().first(where: { $0.id == id }) else { return print(id.rawValue) }
    if json {
        let post = try store.index.post(f.target, viewer: store.me)
        return Output.json(FollowUpJSON(f, thread: post, title: try threadTitle(store, post), now: store.now))
    }
    print(f.id.rawValue)
}
