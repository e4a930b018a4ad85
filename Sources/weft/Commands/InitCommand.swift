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
            if output.json {
                Output.json(["path": space.root, "id": space.id, "name": space.name])
            } else {
                print("Created space '\(Inert.line(space.name))' at \(space.root)\(shared.map { " shared by group '\($0)'" } ?? "") (admin: \(me))")
                print("Next: weft --space \(space.root) board create general --title \"General\"")
            }
        }
    }
}
