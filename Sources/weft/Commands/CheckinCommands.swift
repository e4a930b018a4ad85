import ArgumentParser
import WeftCore
import WeftStore

struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Recurring questions (check-ins) that replace status meetings.",
        discussion: """
            A check-in asks its question on a schedule such as 'fri 16:00', at that time in
            each person's own time zone. Answers are status updates linked to the check-in,
            grouped by occurrence (the answerer's local day).
            """,
        subcommands: [Create.self, List.self, Due.self, Show.self, Answer.self, Pause.self, Resume.self, Delete.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Schedule a recurring question on a board.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board the answers go to.") var board: String
        @Option(help: "The question, e.g. \"What did you ship this week?\"") var question: String
        @Option(help: "When: 'fri 16:00', 'mon,thu 09:30', 'weekdays 09:00' or 'daily 17:00' (each person's local time).")
        var every: String
        @Option(help: "Who is asked: handles separated by commas (default: everyone).") var audience: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let q = try Validate.title(question)
                let schedule = try Recurrence(parsing: every)
                let people = try (audience ?? "").split(separator: ",").map { try Handle(String($0).trimmingCharacters(in: .whitespaces)) }
                try withStore(global) { store in
                    let b = try store.existingBoard(board)
                    let event = try store.scheduleCheckin(board: b.slug, question: q, every: schedule, audience: people)
                    if output.json, let c = try store.index.checkin(event.id.rawValue) { return Output.json(CheckinJSON(c)) }
                    print(event.id.rawValue)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List check-ins.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only on this board.") var board: String?
        @Flag(help: "Include deleted check-ins.") var all = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let b = try board.map { try store.existingBoard($0).slug }
                let list = try store.index.checkins(viewer: store.me, board: b, includeDeleted: all)
                if output.json { return Output.json(list.map(CheckinJSON.init)) }
                if list.isEmpty { return print("No check-ins. Schedule one: weft checkin create --board B --question Q --every 'fri 16:00'") }
                var table = Table("ID", "BOARD", "EVERY", "STATE", "BY", "AUDIENCE", "QUESTION")
                for c in list {
                    table.add(c.id.short, c.board.rawValue, c.every.description, c.state.rawValue, c.author.rawValue,
                              c.audience.isEmpty ? "everyone" : c.audience.map(\.rawValue).joined(separator: ","), c.question)
                }
                print(table.render())
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "due", 
            abstract: "The check-in questions asked of you that you have not answered yet.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Look this many days back.") var days: Int = 7
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard (1...366).contains(days) else { fail("--days must be 1-366, not \(days)") }
            try withStore(global) { store in
                let due = try store.index.checkinOccurrencesDue(for: store.me, from: store.now.adding(seconds: -Int64(days) * 86400),
                                                                to: store.now.adding(seconds: 1), fallbackZone: store.viewerTimeZone())
                if output.json {
                    return Output.json(due.map { DueJSON(checkin: CheckinJSON($0.checkin), occurrence: $0.name, at: $0.occurrence.at.iso8601) })
                }
                if due.isEmpty { return print("Nothing to answer: every check-in of the last \(days) days has your answer.") }
                let clock = Clockface(store)
                var table = Table("ID", "OCCURRENCE", "ASKED", "BOARD", "QUESTION")
                for d in due {
                    table.add(d.checkin.id.short, d.name, clock.full(d.occurrence.at), d.checkin.board.rawValue, d.checkin.question)
                }
                print(table.render())
                print("Answer with: weft checkin answer ID TEXT --occurrence OCCURRENCE")
            }
        }

        struct DueJSON: Encodable {
            var checkin: CheckinJSON
            var occurrence, at: String
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a check-in and its answers by occurrence.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The check-in (id prefix).") var id: String

        func run() throws {
            try withStore(global) { store in
                let c = try findCheckin(id, store)
                let clock = Clockface(store)
                print("\(Inert.line(c.question))")
                print("\(c.board) · every \(c.every) · \(c.state.rawValue) · by \(c.author)")
                for (occurrence, answers) in try store.index.checkinAnswers(c.id) {
                    print("\n\(occurrence)")
                    for s in answers { print("  \(s.author) (\(s.kind.label), \(clock.full(s.at))): \(Inert.line(s.text))") }
                }
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "answer", abstract: "Answer a check-in (a status update linked to it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The check-in (id prefix).") var id: String
        @Argument(help: "Your answer (1 byte - 64 KiB).") var text: String
        @Option(help: "onTrack, atRisk, blocked, done or note.") var kind: String = "note"
        @Option(help: "The occurrence (your local day, e.g. 2026-11-20; default: the latest).") var occurrence: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let k = try StatusKind(parsing: kind)
                let t = try Validate.body(text)
                if let occurrence, CivilDay(parsing: occurrence) == nil {
                    throw CommandError("cannot read --occurrence '\(occurrence)': use a day such as 2026-11-20")
                }
                try withStore(global) { store in
                    let c = try findCheckin(id, store)
                    let event = try store.answer(c, text: t, kind: k, occurrence: occurrence)
                    try printCreated(store, event, json: output.json)
                }
            }
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop asking until resumed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The check-in (id prefix).") var id: String
        func run() throws { try changeCheckin(id, to: .paused, global) }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Ask again from the next occurrence on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The check-in (id prefix).") var id: String
        func run() throws { try changeCheckin(id, to: .active, global) }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Stop the check-in for good (its answers stay).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The check-in (id prefix).") var id: String
        func run() throws { try changeCheckin(id, to: .deleted, global) }
    }
}

func findCheckin(_ id: String, _ store: Store) throws -> Checkin {
    guard let c = try store.index.checkin(id) else {
        throw CommandError("no check-in '\(id)': see 'weft checkin list'")
    }
    return c
}

func changeCheckin(_ id: String, to state: Checkin.State, _ global: GlobalOptions) throws {
    try withStore(global) { store in
        let c = try findCheckin(id, store)
        print(try store.change(c, to: state).id.rawValue)
    }
}

struct CheckinJSON: Encodable {
    var id, board, author, createdAt, question, every, state: String
    var audience: [String]

    init(_ c: Checkin) {
        id = c.id.rawValue
        board = c.board.rawValue
        author = c.author.rawValue
        createdAt = c.createdAt.iso8601
        question = c.question
        every = c.every.description
        state = c.state.rawValue
        audience = c.audience.map(\.rawValue)
    }
}
