import ArgumentParser
import WeftCore
import WeftStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Post and list status updates.",
        subcommands: [Post.self, List.self]
    )

    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "post", abstract: "Post a status update.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "What is going on (1 byte - 64 KiB).") var text: String
        @Option(help: "onTrack, atRisk, blocked, done or note.") var kind: String = "note"
        @Option(help: "Post it to this board (default: the whole space).") var board: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let k = try StatusKind(parsing: kind)
                let t = try Validate.body(text)
                try withStore(global) { store in
                    let b = try board.map { try store.existingBoard($0).slug }
                    let event = try store.append(.statusPosted(StatusPosted(kind: k, text: t)), board: b)
                    try printCreated(store, event, json: output.json)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List status updates, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only since: 7d, 12h, 2w, today, yesterday, 2026-11-20 or \"2026-11-20 09:00\".")
        var since: String?
        @Option(help: "Only by this person (handle).") var author: String?
        @Option(help: "Only on this board.") var board: String?
        @Option(help: "At most this many.") var limit: Int = 100
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let who = try author.map { try Handle($0) }
                let b = try board.map { try store.existingBoard($0).slug }
                let from = try since.map { try SinceParser.parse($0, store: store) }
                let list = try store.index.statuses(since: from, author: who, board: b, limit: limit)
                if output.json { return Output.json(list.map(StatusJSON.init)) }
                if list.isEmpty { return print("No status updates\(since != nil ? " since \(since!)" : "").") }
                let clock = Clockface(store)
                var table = Table("WHEN", "WHO", "KIND", "BOARD", "TEXT")
                for s in list {
                    table.add(clock.full(s.at), s.author.rawValue, s.kind.label, s.board?.rawValue ?? "-", s.text)
                }
                print(table.render(maxLast: 80))
            }
        }
    }
}

/// Reads `--since`: `7d`, `12h`, `2w` (that long ago), or a date/time as due dates accept.
enum SinceParser {
    static func parse(_ text: String, store: Store) throws -> Timestamp {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let unit = t.last, let n = Int64(t.dropLast()), n >= 0 {
            switch unit {
            case "d": return store.now.adding(seconds: -n * 86400)
            case "h": return store.now.adding(seconds: -n * 3600)
            case "w": return store.now.adding(seconds: -n * 7 * 86400)
            default: break
            }
        }
        let parser = DueParser(timeZone: store.viewerTimeZone(), now: store.now)
        if t == "today" { return LocalTime(store.viewerTimeZone()).startOfDay(store.now) }
        if t == "yesterday" { return LocalTime(store.viewerTimeZone()).startOfDay(store.now, addingDays: -1) }
        do {
            // A bare date means its start, not the default due hour.
            if t.count == 10 { return try parser.parse(t + " 00:00", allowPast: true) }
            return try parser.parse(t, allowPast: true)
        } catch {
            throw CommandError("cannot read --since '\(Inert.line(text))': use 7d, 12h, 2w, today, yesterday, 2026-11-20 or '2026-11-20 09:00'")
        }
    }
}
