/// A board's short name, used in its directory name (`boards/<slug>/`), so it
/// can never contain a path separator, a dot or anything else with meaning to a
/// file system or shell: 1–40 of `[a-z0-9-]`, starting with a letter or digit.
public struct BoardSlug: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws(ValidationError) {
        let b = Array(text.utf8)
        guard (1...Limits.slugLength).contains(b.count),
              let first = b.first, (first >= 97 && first <= 122) || (first >= 48 && first <= 57),
              b.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
        else { throw .badSlug(text) }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (a: BoardSlug, b: BoardSlug) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try BoardSlug(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
