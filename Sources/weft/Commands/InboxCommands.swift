import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What needs you: mentions, replies, follow-ups, reminders, check-ins, your weekly digest … delivered on your cadence.",
        discussion: """
            Items are delivered by your notification settings (see 'weft config'): cadence, working hours,
            snooze-all and board levels. Listing the inbox marks its items seen ('weft notify' counts unseen ones).
            """,
        subcommands: [Show.self, Done.self, Snooze.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "List the inbox, grouped by thread.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also list items held for later, with when they arrive.") var held = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let inbox = try store.inbox()
                try store.index.markInboxSeen(inbox.unseen.map(\.id), at: inbox.now)
                if output.json {
                    return Output.json(InboxJSON(now: inbox.now.iso8601, items: inbox.items.map(InboxItemJSON.init),
                                                 held: held ? inbox.held.map(InboxItemJSON.init) : nil,
                                                 nextChange: inbox.nextChange?.iso8601))
                }
                let clock = Clockface(store)
                if inbox.items.isEmpty { print("Inbox zero.") }
                for group in inbox.groups {
                    let board = group.items.first?.board.map { "  #\($0)" } ?? ""
                    print(Inert.line(group.title ?? group.items.first?.summary ?? "(no thread)") + board)
                    var table = Table("", "ID", "KIND", "WHO", "WHEN", "WHAT")
                    for item in group.items {
                        table.add(item.seen ? " " : "•", item.shortID, item.kind.label, item.actor?.rawValue ?? "",
                                  clock.brief(item.deliveredAt ?? item.arrived),
                                  (item.due.map { "due \(clock.full($0)) · " } ?? "") + item.summary
                                      + (item.occurrence.map { " · \($0)" } ?? ""))
                    }
                    print(table.render().split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
                    for item in group.items {
                        if let hint = item.hint { print("    " + hint) }
                    }
                }
                if !inbox.held.isEmpty {
                    let next = inbox.nextChange.map { ", next at \(clock.full($0))" } ?? ""
                    print("\(inbox.held.count) held for later\(next)\(held ? ":" : " (--held lists them)")")
                    if held {
                        for item in inbox.held {
                            print("  \(item.shortID)  \(item.kind.label)  until \(clock.full(item.heldUntil ?? inbox.now))  \(item.summary)")
                        }
                    }
                }
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark inbox items done (they leave the inbox).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The item (the ID column, a prefix of it, or the full item id from --json).") var id: String?
        @Flag(help: "Mark every delivered item done.") var all = false

        func validate() throws {
            guard (id != nil) != all else { throw ValidationError("give an item ID or --all") }
        }

        func run() throws {
            try withStore(global) { store in
                let inbox = try store.inbox()
                let items = try all ? inbox.items : inboxItems(inbox.items, matching: id ?? "")
                try store.markInboxDone(items)
                print("\(items.count) item\(items.count == 1 ? "" : "s") done")
            }
        }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "snooze", abstract: "Hide an inbox item until a time (tomorrow, 'in 2h', mon 9:00 …).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The item (the ID column or a prefix of it).") var id: String
        @Argument(help: "Until when, in your time zone.") var until: String

        func run() throws {
            try withStore(global) { store in
                let at = try DueParser(timeZone: store.viewerTimeZone(), now: store.now).parse(until)
                let items = try inboxItems(try store.inbox().items, matching: id)
                try store.index.snoozeInbox(items.map(\.id), until: at)
                print("Snoozed until \(Clockface(store).full(at))")
            }
        }
    }
}

extension InboxItem {
    /// The ID column: the subject's short id, or for a digest its item id (`digest:2026-W47`).
    var shortID: String { subject?.short ?? id }

    /// How to act on a check-in or a digest from the command line.
    var hint: String? {
        switch kind {
        case .checkin: "answer: weft checkin answer \(shortID) TEXT [--kind done]"
        case .digest: week.map { "read: weft digest --week \($0)" }
        default: nil
        }
    }
}

/// Delivered items whose id, or whose subject id, starts with `prefix`.
func inboxItems(_ items: [InboxItem], matching prefix: String) throws -> [InboxItem] {
    let p = prefix.lowercased()
    if let exact = items.first(where: { $0.id.lowercased() == p }) { return [exact] }
    guard p.count(where: { $0 != "-" }) >= 4 else { throw StoreError.idTooShort(prefix) }
    let hex = p.filter { $0 != "-" }
    let found = items.filter { ($0.subject?.rawValue ?? $0.id).filter { $0 != "-" }.hasPrefix(hex) }
    guard !found.isEmpty else { throw CommandError("no inbox item has the id '\(prefix)': see 'weft inbox'") }
    if Set(found.map(\.shortID)).count > 1 {
        throw StoreError.ambiguousID(prefix, found.map { "\($0.kind.rawValue) \($0.subject?.rawValue.prefix(18) ?? Substring($0.id))" })
    }
    return found
}

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "One short line for a shell prompt or status bar ('3 new · 1 follow-up due'); silent when nothing is new.",
        discussion: "Counts inbox items delivered and not yet seen (listing the inbox or opening it in the UI marks them seen). Always exits 0 unless the space cannot be read."
    )
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try withStore(global) { store in
            if let line = try store.inbox().notifyLine { print(line) }
        }
    }
}
