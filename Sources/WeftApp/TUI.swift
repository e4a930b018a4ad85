import TerminalUI
import WeftStore

/// The entry point of the full-screen interface.
public enum TUI {
    /// Takes over the terminal, runs the interface on `store` until the user
    /// quits (q on Boards, Ctrl-C), input ends or SIGTERM/SIGINT/SIGHUP
    /// arrives, and gives the terminal back in every case. Returns the exit
    /// status.
    ///
    /// - Throws: `TerminalError` when standard output is not a terminal or
    ///   `TERM` names a terminal ncurses does not know; nothing was drawn then.
    public static func run(store: Store) throws(TerminalError) -> Int32 {
        let terminal = try NcursesTerminal()
        defer { terminal.stop() }
        return AppLoop(store: store, terminal: terminal).run()
    }
}
