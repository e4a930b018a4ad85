import ArgumentParser
import Foundation
import TerminalUI
import WeftApp

/// The `weft` command: bare `weft` opens the full-screen UI; subcommands script it.
@main
struct Weft: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weft",
        abstract: "A terminal forum for structured, asynchronous team discussion.",
        discussion: """
            Run 'weft' with no command to open the full-screen UI on the default space
            ($XDG_DATA_HOME/weft/default, created with a welcome board on first use).
            Choose another space with --space PATH or WEFT_SPACE. Your handle is your
            login name unless WEFT_HANDLE or 'handle' in $XDG_CONFIG_HOME/weft/config.toml
            names another.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, BoardCommand.self, ThreadCommand.self, CommentCommand.self, ReactCommand.self,
            EditCommand.self, StatusCommand.self, MemberCommand.self, ProfileCommand.self, IndexCommand.self,
            DoctorCommand.self, ReadCommand.self, UnreadCommand.self, CatchupCommand.self, SyncCommand.self,
            AuditCommand.self, DecideCommand.self, ReopenCommand.self, DecisionCommand.self, DigestCommand.self,
            CheckinCommand.self, SearchCommand.self, FollowupCommand.self, RemindCommand.self, FollowCommand.self,
            InboxCommand.self, NotifyCommand.self, ConfigCommand.self, DevCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// Opens the full-screen UI when both standard input and output are
    /// terminals; otherwise (scripts, pipes, tests) prints the overview.
    func run() throws {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        var status: Int32 = 0
        try withStore(global) { store in
            guard interactive else {
                try Overview.print(store)
                return
            }
            do throws(TerminalError) {
                status = try TUI.run(store: store)
            } catch {
                fail(error.description)
            }
        }
        if status != 0 {
            throw ExitCode(status)
        }
    }
}
