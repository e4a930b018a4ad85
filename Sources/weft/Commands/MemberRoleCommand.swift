import ArgumentParser
import WeftCore
import WeftStore

extension MemberCommand {
    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Give a member a role: admin, member or guest (admins only).",
            discussion: """
                The space's creator is its first admin. Admins change roles and manage any board's
                members; members read every public board; guests see only the boards they were
                added to ('weft board members add'). Each change is an event (see 'weft audit').
                """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @Argument(help: "admin, member or guest.") var role: String

        func run() throws {
            try withStore(global) { store in
                let h = try Handle(handle)
                guard let r = Role(rawValue: role) else {
                    throw CommandError("role must be admin, member or guest, not '\(role)'")
                }
                print(try store.setRole(h, r).id.rawValue)
            }
        }
    }
}
