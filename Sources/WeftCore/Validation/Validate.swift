import Foundation

/// Checks of what people write, before anything is written.
public enum Validate {
    /// A one-line title of 1–200 characters; surrounding spaces are trimmed.
    public static func title(_ text: String) throws(ValidationError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { throw .emptyTitle }
        if t.contains(where: { $0.isNewline }) { throw .titleHasNewline }
        if t.count > Limits.titleCharacters { throw .titleTooLong(t.count) }
        return t
    }

    /// A body of 1 byte – 64 KiB with at least one non-space character.
    /// Trailing whitespace and line breaks are trimmed; inner text is kept verbatim.
    public static func body(_ text: String) throws(ValidationError) -> String {
        var t = Substring(text)
        while let last = t.last, last.isWhitespace { t = t.dropLast() }
        while let first = t.first, first.isNewline { t = t.dropFirst() }
        if t.isEmpty { throw .emptyBody }
        let bytes = t.utf8.count
        if bytes > Limits.bodyBytes { throw .bodyTooLarge(bytes) }
        return String(t)
    }

    /// An IANA time zone name known to this system.
    public static func timeZone(_ name: String) throws(ValidationError) -> TimeZone {
        guard !name.isEmpty, name == "UTC" || name.contains("/") || TimeZone.knownTimeZoneIdentifiers.contains(name),
              let tz = TimeZone(identifier: name)
        else { throw .unknownTimeZone(name) }
        return tz
    }

    /// A display name: 1–80 characters on one line.
    public static func displayName(_ text: String) throws(ValidationError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 80, !t.contains(where: { $0.isNewline }) else { throw .badName(text) }
        return t
    }

    /// A reaction: one emoji or a short word, no spaces or control characters.
    public static func emoji(_ text: String) throws(ValidationError) -> String {
        guard !text.isEmpty, text.utf8.count <= 32, Inert.isClean(text),
              !text.contains(where: { $0.isWhitespace })
        else { throw .badEmoji(text) }
        return text
    }
}
