/// WeftCore is the domain of Weft: values, events and the rules that fold them
/// into a forum.
///
/// It is pure Swift. It never touches files, the terminal, SQLite or the system
/// clock: time comes in through a ``Clock`` so tests can pin "now". It may import
/// Foundation (for `TimeZone`, `Calendar` and JSON), and nothing else.
public enum JournalFormat {
    /// The journal line format version this build writes (`"v"` in every line).
    public static let version = 1
}
