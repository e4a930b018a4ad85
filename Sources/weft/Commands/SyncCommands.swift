import ArgumentParser
import Foundation
import WeftCore
import WeftStore

/// `weft sync`: exchange journal lines with the others through a git remote.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync the space with the others through a git remote (offline first).",
        discussion: """
            'weft sync' (the same as 'weft sync now') commits your new journal lines, fetches, \
            merges (never rebases) and pushes, retrying when someone else pushed first, then \
            catches the index up. Set up a space with 'weft init PATH --git --remote URL', \
            'weft sync init --remote URL' on an existing one, or 'git clone URL PATH'. \
            See Docs/sync.md.
            """,
        subcommands: [Now.self, Setup.self, Status.self, Repair.self],
        defaultSubcommand: Now.self
    )

    struct Now: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "now", 
            abstract: "Commit your new lines, fetch, merge and push (the default).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The git remote to sync with (default: the branch's upstream, else origin, else the only one).")
        var remote: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let report = try SpaceSync(store: store).sync(remote: remote, now: store.now)
                try store.index.catchUp()
                if output.json {
                    Output.json(SyncJSON(report))
                } else {
                    print(SyncText.summary(report))
                }
            }
        }
    }

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make an existing space a git repository, or add a remote to it.",
            discussion: """
            Creates the repository (branch main) with a .gitignore that keeps everything but \
            weft.json and the journals local, commits what the space holds, and adds --remote \
            as origin (or --remote-name). Run 'weft sync' next.
            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The URL of the shared repository (e.g. ssh://host/srv/git/team.git, or a path).")
        var remote: String?
        @Option(help: "The name for that remote.") var remoteName: String = "origin"

        func run() throws {
            try withStore(global) { store in
                let setup = try SpaceSync(store: store).enable(remoteURL: remote, remoteName: remoteName)
                print(SyncText.setup(setup, root: store.space.root))
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", 
            abstract: "Show the remote, the last sync and your lines not pushed yet (no network used).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The git remote to compare with.") var remote: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let status = try SpaceSync(store: store).status(remote: remote)
                if output.json {
                    Output.json(SyncStatusJSON(status))
                } else {
                    print(SyncText.status(status, clock: Clockface(store)))
                }
            }
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "repair", 
            abstract: "Fix a journal written on two machines under one device id, losing nothing.",
            discussion: """
            Gives this machine a new device id, moves the lines of its old-device journals that \
            the remote does not have into new journals (events keep their ids), takes the \
            remote's copies of the old ones and syncs.
            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The git remote to sync with.") var remote: String?

        func run() throws {
            try withStore(global) { store in
                let report = try SpaceSync(store: store).repair(remote: remote, now: store.now, env: store.env)
                try store.index.catchUp()
                print("This machine is now device '\(report.newDevice)' (was '\(report.oldDevice)'); moved \(report.movedLines) line(s) to its new journals.")
                print(SyncText.summary(report.sync))
            }
        }
    }
}

/// The texts `weft sync` prints.
enum SyncText {
    static func summary(_ r: SyncReport) -> String {
        var parts: [String] = []
        parts.append(r.committedLines == 0 ? "no new lines of yours" : "committed \(r.committedLines) new line(s) of yours")
        parts.append(r.receivedLines == 0 ? "nothing new from others" : "received \(r.receivedLines) line(s) from others")
        if r.pushed {
            parts.append(r.attempts > 1 ? "pushed (after \(r.attempts) tries: others pushed first)" : "pushed")
        } else {
            parts.append("nothing to push")
        }
        return "Synced with \(r.remote)/\(r.branch): " + parts.joined(separator: ", ") + "."
    }

    static func setup(_ s: SpaceSync.Setup, root: String) -> String {
        var lines: [String] = []
        lines.append(s.createdRepository ? "The space at \(root) is now a git repository (branch main)." : "The space at \(root) already is a git repository.")
        if s.committedFiles > 0 { lines.append("Committed \(s.committedFiles) file(s).") }
        if let r = s.addedRemote { lines.append("Added remote '\(r)'.") }
        lines.append("Next: weft --space \(root) sync")
        return lines.joined(separator: "\n")
    }

    static func status(_ s: SyncStatus, clock: Clockface) -> String {
        guard s.enabled else { return "Not synced with git. Set it up with: weft sync init --remote URL" }
        var lines: [String] = []
        if let remote = s.remote {
            lines.append("remote    \(remote)" + (s.url.map { " (\(Inert.line($0)))" } ?? ""))
        } else {
            lines.append("remote    none (add one with: weft sync init --remote URL)")
        }
        lines.append("last sync " + (s.lastSync.map(clock.full) ?? "never"))
        lines.append("unpushed  \(s.unpushedLines) line(s) of yours")
        return lines.joined(separator: "\n")
    }
}

struct SyncJSON: Encodable {
    var remote, branch, at: String
    var committed, received, attempts: Int
    var pushed: Bool

    init(_ r: SyncReport) {
        remote = r.remote
        branch = r.branch
        at = r.at.iso8601
        committed = r.committedLines
        received = r.receivedLines
        attempts = r.attempts
        pushed = r.pushed
    }
}

struct SyncStatusJSON: Encodable {
    var enabled: Bool
    var remote, url, lastSync: String?
    var unpushed: Int

    init(_ s: SyncStatus) {
        enabled = s.enabled
        remote = s.remote
        url = s.url
        lastSync = s.lastSync?.iso8601
        unpushed = s.unpushedLines
    }
}
