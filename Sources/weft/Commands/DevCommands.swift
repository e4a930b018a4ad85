import ArgumentParser
import Foundation
import WeftApp
import WeftCore
import WeftStore

struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Tools for developing and measuring Weft.",
        subcommands: [Generate.self, Append.self, Parse.self, KeysDocument.self, BenchUI.self, BenchReading.self,
                      BenchDigest.self, BenchSearch.self, BenchFolds.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate", 
            abstract: "Create a deterministic synthetic space (for benchmarks and demos).",
            discussion: "Creates a new space at --space (required) with --posts posts (about one in ten a thread) over 20 boards and 50 members.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many posts (threads + comments).") var posts: Int = 1000
        @Option(help: "The random seed: the same seed gives the same space.") var seed: UInt64 = 1
        @Option(help: "How many boards.") var boards: Int = 20
        @Option(help: "How many members.") var members: Int = 50

        func validate() throws {
            guard global.space != nil else { throw ValidationError("give --space PATH: where to create the synthetic space (it must not exist yet)") }
            guard posts >= 0, posts <= 10_000_000 else { throw ValidationError("--posts must be between 0 and 10000000") }
            guard (1...1000).contains(boards) else { throw ValidationError("--boards must be between 1 and 1000") }
            guard (1...10000).contains(members) else { throw ValidationError("--members must be between 1 and 10000") }
        }

        func run() throws {
            try reportingErrors {
                let gen = SyntheticSpace(posts: posts, seed: seed, boards: boards, members: members)
                var rng = SeededRandom(seed: seed ^ 0xABCDEF)
                let s = try Space.create(at: global.space ?? "", name: "synthetic-\(posts)-\(seed)",
                                         id: EventID.make(at: gen.start, random: &rng).rawValue, now: gen.start)
                let started = Date()
                let summary = try gen.write(into: s)
                print("Generated \(summary.events) events (\(summary.threads) threads, \(summary.comments) comments, \(summary.boards) boards, \(summary.members) members) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s at \(s.root)")
            }
        }
    }

    /// Appends numbered events as fast as it can, printing each id once it is on
    /// disk. The crash and concurrency tests drive it.
    struct Append: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "append", 
            abstract: "Append N status updates, printing 'done <id>' after each fsync (for crash and concurrency tests).",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many events.") var count: Int = 100
        @Option(help: "A label put in each event's text.") var label: String = "append"

        func run() throws {
            try reportingErrors {
                let env = StoreEnvironment()
                let config = try ConfigFile.load(env)
                let me = try Identity.handle(env: env, config: config)
                let (path, _) = Store.spacePath(flag: global.space, env: env, config: config)
                let space = try Space.open(at: path)
                let device = try PrivateState(env: env, spaceID: space.id).deviceID(env: env)
                let journal = space.journalPath(JournalName(handle: me, device: device), board: nil)
                let clock = SystemClock()
                var rng = SystemRandomNumberGenerator()
                for i in 0..<count {
                    let at = clock.now()
                    let e = Event(id: EventID.make(at: at, random: &rng), at: at, author: me,
                                  payload: .statusPosted(StatusPosted(kind: .note, text: "\(label) \(i)")))
                    try JournalFile.append([EventCodec.encode(e)], to: journal)
                    FileHandle.standardOutput.write(Data("done \(e.id.rawValue)\n".utf8))
                }
            }
        }
    }

    /// Reads and decodes every journal without touching the index: the parsing
    /// share of an index build, for the benchmark.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "parse", abstract: "Decode every journal line and report the rate.", shouldDisplay: false)
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingErrors {
                let env = StoreEnvironment()
                let (path, _) = Store.spacePath(flag: global.space, env: env, config: try ConfigFile.load(env))
                let space = try Space.open(at: path)
                let started = Date()
                var events = 0, problems = 0
                for j in space.journals().found {
                    let batch = JournalReader.parse(try JournalFile.read(j.absolutePath, from: 0), path: j.relativePath,
                                                    name: j.name, board: j.board, firstLine: 1)
                    events += batch.events.count
                    problems += batch.problems.count
                }
                let s = Date().timeIntervalSince(started)
                print("Decoded \(events) events (\(problems) problems) in \(String(format: "%.2f", s)) s (\(Int(Double(events) / max(s, 0.000001))) events/s)")
            }
        }
    }

    /// Prints Docs/keys.md, generated from the key table.
    struct KeysDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys-doc", abstract: "Print Docs/keys.md, generated from the key table.", shouldDisplay: false)

        func run() {
            print(WeftApp.KeysDoc.markdown(), terminator: "")
        }
    }

    /// Times the full-screen UI on a headless 120x40 terminal.
    struct BenchUI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-ui",
            abstract: "Time store open to first frame and keypress to frame over ~200 keys (headless, 120x40).",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingErrors {
                let result = try UIBenchmark.run { () throws(StoreError) -> Store in
                    try Store.open(spaceFlag: global.space)
                }
                print(result.report)
            }
        }
    }
}
