/// Why a value given by a person was refused. Each message names the problem and
/// what to do about it, in one line.
public enum ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    case badSlug(String)
    case badHandle(String)
    case badDevice(String)
    case emptyTitle
    case titleTooLong(Int)
    case titleHasNewline
    case emptyBody
    case bodyTooLarge(Int)
    case unknownTimeZone(String)
    case badWorkingHours(String)
    case badDue(String)
    case dueInPast(String)
    case badEmoji(String)
    case badStatusKind(String)
    case badName(String)
    case badBlock(Int, count: Int)
    case badCadence(String)
    case badWorkdays(String)
    case badBoardLevel(String)

    public var description: String {
        switch self {
        case .badSlug(let s):
            return "invalid board slug '\(Inert.line(s))': use 1-40 lowercase letters, digits and '-', starting with a letter or digit"
        case .badHandle(let s):
            return "invalid handle '\(Inert.line(s))': use 1-32 lowercase letters, digits, '_', '.' or '-', starting with a letter or '_'"
        case .badDevice(let s):
            return "invalid device id '\(Inert.line(s))': use 1-32 lowercase letters, digits or '-'"
        case .emptyTitle:
            return "the title is empty: give a title of 1-\(Limits.titleCharacters) characters"
        case .titleTooLong(let n):
            return "the title has \(n) characters: shorten it to at most \(Limits.titleCharacters)"
        case .titleHasNewline:
            return "the title contains a line break: a title is one line"
        case .emptyBody:
            return "the text is empty: write something (at least one non-space character)"
        case .bodyTooLarge(let n):
            return "the text is \(n) bytes: the limit is \(Limits.bodyBytes) bytes (64 KiB); split it into several posts"
        case .unknownTimeZone(let s):
            return "unknown time zone '\(Inert.line(s))': use an IANA name such as Europe/Berlin, America/New_York or UTC"
        case .badWorkingHours(let s):
            return "invalid working hours '\(Inert.line(s))': use HH:MM-HH:MM, e.g. 09:00-17:30"
        case .badDue(let s):
            return "cannot read the date '\(Inert.line(s))': use 2026-11-27, '2026-11-27 15:00', today, tomorrow, a weekday (fri), 'in 3d', 'in 2h' or 'next week'"
        case .dueInPast(let s):
            return "the date '\(Inert.line(s))' is in the past: give a time from now on"
        case .badEmoji(let s):
            return "invalid reaction '\(Inert.line(s))': give one emoji or a short word without spaces (at most 32 bytes)"
        case .badStatusKind(let s):
            return "unknown status kind '\(Inert.line(s))': use one of \(StatusKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badName(let s):
            return "invalid display name '\(Inert.line(s))': use 1-80 characters on one line"
        case .badBlock(let n, let count):
            return "there is no block \(n) in this thread: it has \(count) block\(count == 1 ? "" : "s") (numbered from 1)"
        case .badCadence(let s):
            return "invalid cadence '\(Inert.line(s))': use instant, hourly, 'daily 09:00' or 'weekly mon 09:00'"
        case .badWorkdays(let s):
            return "invalid working days '\(Inert.line(s))': use a range or list of weekdays such as mon-fri, sun-thu or mon,wed,fri"
        case .badBoardLevel(let s):
            return "unknown board level '\(Inert.line(s))': use watching, tracking, normal or muted"
        }
    }
}

/// The size limits of what people write.
public enum Limits {
    public static let titleCharacters = 200
    public static let bodyBytes = 65_536
    public static let slugLength = 40
    public static let handleLength = 32
}
