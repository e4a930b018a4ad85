/// Finds `@handle` mentions in text a person wrote.
///
/// A mention is `@` at the start or after a character that is not part of a
/// word (so `ana@example.com` is not one), followed by a valid handle; a
/// trailing `.` or `-` ends the sentence, not the handle. Each handle is
/// listed once, in order of first mention.
public enum MentionScanner {
    public static func handles(in text: String) -> [Handle] {
        var out: [Handle] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "@" else { continue }
            if i > 0, isHandleChar(chars[i - 1]) || chars[i - 1] == "@" { continue }
            var j = i + 1
            var name = ""
            while j < chars.count, isHandleChar(chars[j]) {
                name.unicodeScalars.append(chars[j])
                j += 1
            }
            while let last = name.last, last == "." || last == "-" { name.removeLast() }
            if let h = try? Handle(name), !out.contains(h) { out.append(h) }
            i = j - 1
        }
        return out
    }

    /// The handles mentioned in `text`, or nil when none (the `mentions` field is then left out).
    public static func mentions(in text: String) -> [Handle]? {
        let found = handles(in: text)
        return found.isEmpty ? nil : found
    }

    private static func isHandleChar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "." || c == "-"
    }
}
