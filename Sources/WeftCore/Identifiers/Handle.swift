/// A person's handle: the login name unless the person configured another.
/// It names the person's journal files, so it is restricted to file-name-safe text.
public struct Handle: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates `text`: 1–32 of `[a-z0-9_.-]`, starting with a letter or `_`.
    public init(_ text: String) throws(ValidationError) {
        var copy = text
        guard copy.withUTF8(Self.isValid) else { throw .badHandle(text) }
        rawValue = text
    }

    /// The handle spelled by `utf8` (a journal line's bytes), if valid.
    init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard Self.isValid(utf8) else { return nil }
        rawValue = UTF8Bytes.string(utf8, ascii: true)
    }

    private static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...Limits.handleLength).contains(b.count), (b[0] >= 97 && b[0] <= 122) || b[0] == 95 else { return false }
        return b.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 46 || $0 == 45 }
    }

    public var description: String { rawValue }
    public static func < (a: Handle, b: Handle) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Handle(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A device id: one person on two machines writes two journals.
public struct DeviceID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws(ValidationError) {
        let b = Array(text.utf8)
        guard (1...32).contains(b.count),
              b.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
        else { throw .badDevice(text) }
        rawValue = text
    }

    public var description: String { rawValue }
}
