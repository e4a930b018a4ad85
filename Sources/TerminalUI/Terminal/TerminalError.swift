/// Why the terminal could not be taken over. Each description is one line
/// that says what to do.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses has no description of `TERM` (the value, empty when unset).
    case unknownTerminal(String)
    /// Standard output is not a terminal (a pipe or a file).
    case notATerminal

    public var description: String {
        switch self {
        case .unknownTerminal(let name) where name.isEmpty:
            return "TERM is not set; set it to your terminal type, e.g. TERM=xterm-256color"
        case .unknownTerminal(let name):
            return "unknown terminal type '\(name)'; set TERM to your terminal type, e.g. TERM=xterm-256color"
        case .notATerminal:
            return "standard output is not a terminal; run weft in a terminal to use the full-screen interface"
        }
    }
}
