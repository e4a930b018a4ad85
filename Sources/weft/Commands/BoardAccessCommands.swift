import ArgumentParser
import WeftCore
import WeftStore

extension BoardCommand {
    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "members",
            abstract: "List, add or remove a board's members.",
            discussion: """
                A private board is readable by its members only; a guest sees only the boards they
                were added to. Each change is an event (see 'weft audit') and, on a shared space,
                updates the board directory's ACL at once. Only the board's creator or an admin may
                change members; on a shared space only the directory's owner (its creator) or root
                can change its ACL.
                """,
            subcommands: [ListMembers.self, Add.self, Remove.self],
            defaultSubcommand: ListMembers.self
        )
    }

    struct ListMembers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a board's members.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let b = try store.existingBoard(slug)
                let access = try store.index.access()
                let members = (access.boards[b.slug]?.members ?? [b.createdBy]).sorted()
                if output.json {
                    return Output.json(BoardMembersJSON(board: b.slug.rawValue, visibility: b.visibility.rawValue,
                                                        members: members.map(\.rawValue)))
                }
                var table = Table("MEMBER", "ROLE", "")
                for m in members {
                    table.add(m.rawValue, access.role(of: m).rawValue, m == b.createdBy ? "creator" : "")
                }
                print("\(b.slug) (\(b.visibility.rawValue))")
                print(table.render())
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add members to a board.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String
        @Argument(help: "Handles to add.") var handles: [String]

        func run() throws {
            try withStore(global) { store in
                let b = try store.existingBoard(slug)
                let hs = try Handle.list(handles.joined(separator: ","))
                if hs.isEmpty { throw CommandError("name at least one handle to add") }
                let event = try store.changeMembers(b.slug, add: hs, remove: [])
                print(event.id.rawValue)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove members from a board (their access ends at once).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String
        @Argument(help: "Handles to remove.") var handles: [String]

        func run() throws {
            try withStore(global) { store in
                let b = try store.existingBoard(slug)
                let hs = try Handle.list(handles.joined(separator: ","))
                if hs.isEmpty { throw CommandError("name at least one handle to remove") }
                let event = try store.changeMembers(b.slug, add: [], remove: hs)
                print(event.id.rawValue)
            }
        }
    }

    struct Visibility: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "visibility",
            abstract: "Make a board public or private.",
            discussion: """
                'private' restricts the board to its members (see 'weft board members'); on a shared
                space the directory is closed (mode 2700 plus an ACL for each member) before the event
                is written. 'public' opens it to the space's group again (mode 2750, ACL removed).
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String
        @Argument(help: "public or private.") var visibility: String

        func run() throws {
            try withStore(global) { store in
                guard let v = WeftCore.Visibility(rawValue: visibility) else {
                    throw CommandError("visibility must be 'public' or 'private', not '\(visibility)'")
                }
                let b = try store.existingBoard(slug)
                let event = try store.changeVisibility(b.slug, to: v)
                print(event.id.rawValue)
            }
        }
    }
}

struct BoardMembersJSON: Encodable {
    var board, visibility: String
    var members: [String]
}
