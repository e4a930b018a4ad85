/// The id of an event, and of whatever that event created (a thread's id is the
/// id of its `thread.created` event). A UUIDv7 in lowercase text form: its first
/// 48 bits are the creation time in milliseconds, so ids sort by time.
public struct EventID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts a canonical lowercase UUID (36 characters, dashes at 8, 13, 18, 23).
    public init?(_ text: String) {
        var copy = text
        guard copy.withUTF8(Self.isCanonical) else { return nil }
        rawValue = text
    }

    /// The id spelled by `utf8` (a journal line's bytes), if canonical.
    init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard Self.isCanonical(utf8) else { return nil }
        rawValue = UTF8Bytes.string(utf8, ascii: true)
    }

    /// 36 bytes: lowercase hex digits with dashes at 8, 13, 18 and 23.
    static func isCanonical(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 36, let base = b.baseAddress, b[8] == 45, b[13] == 45, b[18] == 45, b[23] == 45 else { return false }
        // The 32 digits, eight at a time (every event has an id or two to check).
        let p = UnsafeRawPointer(base)
        func two(_ a: Int, _ b: Int) -> UInt64 {
            UInt64(p.loadUnaligned(fromByteOffset: a, as: UInt32.self)) | UInt64(p.loadUnaligned(fromByteOffset: b, as: UInt32.self)) << 32
        }
        return allLowercaseHex(p.loadUnaligned(as: UInt64.self)) && allLowercaseHex(two(9, 14)) && allLowercaseHex(two(19, 24))
            && allLowercaseHex(p.loadUnaligned(fromByteOffset: 28, as: UInt64.self))
    }

    /// Whether each of the eight bytes of `x` is `0`–`9` or `a`–`f`. Below 0x80, adding
    /// 0x80 − n to a byte sets its top bit exactly when it is at least n, with no
    /// carry into the next byte.
    @inline(__always)
    static func allLowercaseHex(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        guard x & tops == 0 else { return false }
        func atLeast(_ n: UInt64) -> UInt64 { (x &+ (0x80 - n) &* ones) & tops }
        let digit = atLeast(0x30) & ~atLeast(0x3A)
        let letter = atLeast(0x61) & ~atLeast(0x67)
        return digit | letter == tops
    }

    /// A new UUIDv7 for `time`, with `random` supplying the 74 random bits.
    public static func make(at time: Timestamp, random: inout some RandomNumberGenerator) -> EventID {
        var bytes = [UInt8](repeating: 0, count: 16)
        let ms = UInt64(max(0, time.milliseconds))
        for i in 0..<6 { bytes[i] = UInt8((ms >> (8 * (5 - UInt64(i)))) & 0xff) }
        let r1 = random.next() as UInt64, r2 = random.next() as UInt64
        for i in 6..<16 {
            let src = i < 14 ? r1 : r2
            bytes[i] = UInt8((src >> (8 * UInt64(i % 8))) & 0xff)
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0f)
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        let hex = "0123456789abcdef".utf8.map { $0 }
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(45) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return EventID(uncheckedRaw: String(decoding: out, as: UTF8.self))
    }

    init(uncheckedRaw: String) { rawValue = uncheckedRaw }

    /// The short form shown in tables: the first 13 characters (the timestamp part).
    public var short: String { String(rawValue.prefix(13)) }

    public var description: String { rawValue }
    public static func < (a: EventID, b: EventID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = EventID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a lowercase UUID: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
