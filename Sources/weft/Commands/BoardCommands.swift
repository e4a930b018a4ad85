import ArgumentParser
import WeftCore
import WeftStore

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Create, list and show boards; star them; manage their members and visibility.",
        subcommands: [Create.self, List.self, Show.self, Star.self, Unstar.self, Members.self, Visibility.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a board.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Short name: 1-40 of a-z, 0-9 and '-'.") var slug: String
        @Option(help: "The board's title (default: the slug).") var title: String?
        @Option(help: "What the board is for.") var purpose: String?
        @Flag(help: "Only its members may see it (on a shared space the directory gets a POSIX ACL).") var `private` = false
        @Option(help: ArgumentHelp("Members besides you, comma-separated handles (see 'weft board members').", valueName: "a,b"))
        var members: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let s = try BoardSlug(slug)
                let t = try Validate.title(title ?? slug)
                let p = try purpose.map { try Validate.title($0) }
                try withStore(global) { store in
                    let event = try store.createBoard(s, title: t, purpose: p, visibility: `private` ? .private : .public,
                                                      members: try Handle.list(members ?? ""))
                    if output.json {
                        guard let b = try store.index.board(s) else { return }
                        Output.json(BoardJSON(b))
                    } else {
                        print(event.id.rawValue)
                    }
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List boards with thread and unread counts, starred first.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let stars = try store.index.starredBoards()
                let boards = try store.index.boards(viewer: store.me).sorted { a, b in
                    stars.contains(a.board.slug) != stars.contains(b.board.slug) ? stars.contains(a.board.slug) : a.board.slug < b.board.slug
                }
                if output.json { return Output.json(boards.map { BoardJSON($0.board, summary: $0, starred: stars.contains($0.board.slug)) }) }
                if boards.isEmpty { return print("No boards yet. Create one: weft board create SLUG --title TITLE") }
                let clock = Clockface(store)
                var table = Table("BOARD", "THREADS", "UNREAD", "LAST ACTIVITY", "VISIBILITY", "TITLE")
                for b in boards {
                    table.add((stars.contains(b.board.slug) ? "★ " : "") + b.board.slug.rawValue, "\(b.threads)", "\(b.unread)",
                              b.lastActivity.map(clock.full) ?? "-", b.board.visibility.rawValue, b.board.title)
                }
                print(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one board.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let b = try store.existingBoard(slug)
                let summary = try store.index.boards(viewer: store.me).first { $0.board.slug == b.slug }
                if output.json {
                    var json = BoardJSON(b, summary: summary)
                    if b.visibility == .private {
                        json.members = try store.index.access().boards[b.slug]?.members.map(\.rawValue).sorted()
                    }
                    return Output.json(json)
                }
                let clock = Clockface(store)
                print("\(Inert.line(b.title)) [\(b.slug)]")
                if let p = b.purpose { print(Inert.line(p)) }
                print("Visibility: \(b.visibility.rawValue)")
                if b.visibility == .private, let members = try store.index.access().boards[b.slug]?.members {
                    print("Members: \(members.sorted().map(\.rawValue).joined(separator: ", "))")
                }
                print("Created: \(clock.full(b.createdAt)) by \(b.createdBy)")
                if let s = summary {
                    print("Threads: \(s.threads), posts: \(s.posts), unread: \(s.unread)")
                }
            }
        }
    }
}
