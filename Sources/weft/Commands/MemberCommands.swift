import ArgumentParser
import WeftCore
import WeftStore

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "List members and show profiles (local time, working hours).",
        subcommands: [List.self, Show.self, SetRole.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone who has written in this space.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let members = try store.index.members()
                let access = try store.index.access()
                if output.json {
                    return Output.json(members.map { m in
                        var j = MemberJSON(m, now: store.now)
                        j.role = access.role(of: m.handle).rawValue
                        return j
                    })
                }
                var table = Table("HANDLE", "ROLE", "NAME", "TIME ZONE", "LOCAL TIME", "HOURS", "WORKING")
                for m in members {
                    let p = Presence(m, now: store.now)
                    table.add(m.handle.rawValue, access.role(of: m.handle).rawValue, m.name ?? "", m.timeZone ?? "-", p.localClock ?? "-",
                              m.hours?.description ?? "-", p.inWorkingHours.map { $0 ? "yes" : "no" } ?? "-")
                }
                print(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one member (default: you).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let h = try handle.map { try Handle($0) } ?? store.me
                guard let m = try store.index.member(h) else {
                    throw CommandError("no member '\(h)' in this space: see 'weft member list'")
                }
                if output.json { return Output.json(MemberJSON(m, now: store.now)) }
                let p = Presence(m, now: store.now)
                print("\(m.handle)\(m.name.map { " (\(Inert.line($0)))" } ?? "")")
                print("Time zone: \(m.timeZone ?? "not set")\(p.localClock.map { ", now \($0)" } ?? "")")
                print("Working hours: \(m.hours?.description ?? "not set")\(p.inWorkingHours.map { $0 ? " (working now)" : " (off now)" } ?? "")")
                if let mail = m.email { print("E-mail: \(mail)") }
                print("Member since: \(Clockface(store).full(m.firstSeen))")
                print("Role: \(try store.index.access().role(of: m.handle).rawValue)")
                if store.space.isShared {
                    print("Unix user: \(Space.userID(m.handle).map { "\(m.handle) (uid \($0))" } ?? "none: their journals are rejected")")
                }
            }
        }
    }
}

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Set your display name, time zone and working hours.",
        subcommands: [Set.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change your profile (only the given fields change).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Your display name.") var name: String?
        @Option(help: "Your IANA time zone, e.g. Europe/Berlin.") var tz: String?
        @Option(help: "Your working hours on weekdays, e.g. 09:00-17:30.") var hours: String?
        @Option(help: "Where 'weft digest --format email' sends your digest, e.g. ann@example.com.") var email: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                guard name != nil || tz != nil || hours != nil || email != nil else {
                    throw CommandError("nothing to change: give --name, --tz, --hours and/or --email")
                }
                let mail = try email.map { try Validate.email($0) }
                let n = try name.map { try Validate.displayName($0) }
                if let tz { _ = try Validate.timeZone(tz) }
                let h = try hours.map { try WorkingHours(parsing: $0).description }
                try withStore(global) { store in
                    let event = try store.append(.memberProfile(MemberProfile(name: n, tz: tz, hours: h, email: mail)), board: nil)
                    if output.json, let m = try store.index.member(store.me) {
                        return Output.json(MemberJSON(m, now: store.now))
                    }
                    print(event.id.rawValue)
                }
            }
        }
    }
}
