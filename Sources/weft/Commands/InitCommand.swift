import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty space.",
        discussion: "Creates PATH (default: the current directory) with weft.json, journal/ and boards/."
    )

    @Argument(help: "Where to create the space.") var path: String = "."
    @Option(help: "The space's name (default: the directory's name).") var name: String?
    @Flag(help: "Also make the space a git repository, to sync it with 'weft sync' (see Docs/sync.md).")
    var git = false
    @Option(help: "The shared git repository to sync with (implies --git), e.g. ssh://host/srv/git/team.git.")
    var remote: String?
    @Option(help: ArgumentHelp("Share the space with this Unix group on this host (see Docs/security.md).", valueName: "group"))
    var shared: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let clock = SystemClock()
            var rng = SystemRandomNumberGenerator()
            let dirName = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
            let spaceName = try Validate.displayName(name ?? dirName)
            let env = StoreEnvironment()
            let me = try Identity.handle(env: env, config: try ConfigFile.load(env))
            if let shared { try Store.checkSharedIdentity(me, group: shared) }
            let space = try Space.create(at: path, name: spaceName,
                                         id: EventID.make(at: clock.now(), random: &rng).rawValue, now: clock.now(),
                                         creator: me, group: shared)
            if git || remote != nil {
                try InitCommand.enableGit(space, remote: remote)
            }
            if output.json {
                Output.json(["path": space.root, "id": space.id, "name": space.name])
            } else {
                print("Created space '\(Inert.line(space.name))' at \(space.root)\(shared.map { " shared by group '\($0)'" } ?? "") (admin: \(me))")
                if git || remote != nil { print("It is a git repository: share it with 'weft sync' (Docs/sync.md).") }
                print("Next: weft --space \(space.root) board create general --title \"General\"")
            }
        }
    }
}

extension InitCommand {
    /// `--git`: the new space becomes a repository (committed as created),
    /// with `remote` as origin. If git fails, the new space is removed again,
    /// so a failed `init` leaves nothing behind.
    static func enableGit(_ space: Space, remote: String?) throws {
        let env = StoreEnvironment()
        do {
            let me = try Identity.handle(env: env, config: try ConfigFile.load(env))
            let device = try PrivateState(env: env, spaceID: space.id).deviceID(env: env)
            try SpaceSync(space: space, me: JournalName(handle: me, device: device), env: env).enable(remoteURL: remote)
        } catch {
            for entry in ["weft.json", "journal", "boards", ".gitignore", ".git"] {
                try? FileManager.default.removeItem(atPath: space.root + "/" + entry)
            }
            rmdir(space.root)
            throw error
        }
    }
}
