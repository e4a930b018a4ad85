/// Checks of e-mail addresses given for profiles.
extension Validate {
    /// A plain address `local@domain`: one line, no spaces, quotes or angle
    /// brackets, at most 254 bytes, ASCII (so it can stand in a mail header as is).
    public static func email(_ text: String) throws(EmailAddressError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard t.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              t.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && !"<>()[]\\,;:\"".unicodeScalars.contains($0) })
        else { throw .invalid(text) }
        return t
    }
}

/// Why an e-mail address was refused.
public enum EmailAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let s):
            return "invalid e-mail address '\(Inert.line(s))': use a plain address such as ann@example.com"
        }
    }
}
