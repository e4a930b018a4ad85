/// A small, fast JSON reader for journal lines: one pass over the bytes, no
/// Foundation. Journal lines are read far more often than written (every index
/// build reads them all), so this replaces `JSONDecoder` on that path.
enum JSONValue {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in line order. Lines have a handful of keys, so a linear search
    /// beats hashing every key into a dictionary.
    case object([(key: String, value: JSONValue)])

    /// The value of `key` in an object (the last one when a key repeats).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members.reversed() where m.key == key { return m.value }
        return nil
    }
}

struct JSONScanner {
    enum Failure: Error {
        case syntax(String)
        case invalidUTF8
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0

    /// Parses one complete JSON value that fills `bytes` (surrounding spaces allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var s = JSONScanner(bytes: bytes)
        s.skipSpace()
        let v = try s.value(depth: 0)
        s.skipSpace()
        guard s.pos == bytes.count else { throw .syntax("extra text after the value at byte \(s.pos)") }
        return v
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 10 || bytes[pos] == 13 { pos += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < 64 else { throw .syntax("nested too deeply") }
        guard pos < bytes.count else { throw .syntax("the line ends too early") }
        switch bytes[pos] {
        case 123: return try object(depth: depth)
        case 91: return try array(depth: depth)
        case 34: return .string(try string())
        case 116: try literal("true"); return .bool(true)
        case 102: try literal("false"); return .bool(false)
        case 110: try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        pos += 1
        var out: [(key: String, value: JSONValue)] = []
        out.reserveCapacity(8)
        skipSpace()
        if pos < bytes.count, bytes[pos] == 125 { pos += 1; return .object(out) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 34 else { throw .syntax("expected a key at byte \(pos)") }
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 58 else { throw .syntax("expected ':' at byte \(pos)") }
            pos += 1
            skipSpace()
            out.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard pos < bytes.count else { throw .syntax("the line ends too early") }
            if bytes[pos] == 44 { pos += 1; continue }
            if bytes[pos] == 125 { pos += 1; return .object(out) }
            throw .syntax("expected ',' or '}' at byte \(pos)")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        pos += 1
        var out: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == 93 { pos += 1; return .array(out) }
        while true {
            skipSpace()
            out.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw .syntax("the line ends too early") }
            if bytes[pos] == 44 { pos += 1; continue }
            if bytes[pos] == 93 { pos += 1; return .array(out) }
            throw .syntax("expected ',' or ']' at byte \(pos)")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw .syntax("the line ends too early") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw .syntax("invalid character at byte \(pos)") }
        pos += n
    }

    private mutating func number() throws(Failure) -> Double {
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            guard (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 else { break }
            pos += 1
        }
        guard pos > start, let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)) else {
            throw .syntax("invalid character at byte \(start)")
        }
        return d
    }

    private mutating func string() throws(Failure) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes; ASCII needs no UTF-8 validation.
        var high: UInt8 = 0
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 34 {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                if high < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw .invalidUTF8 }
                return s
            }
            high |= c
            if c == 92 { break }
            if c < 0x20 { throw .syntax("control character in a string at byte \(pos)") }
            pos += 1
        }
        // Slow path: unescape.
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 34 {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw .invalidUTF8 }
                return s
            }
            if c < 0x20 { throw .syntax("control character in a string at byte \(pos)") }
            if c != 92 {
                out.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case 34, 92, 47: out.append(e)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == 92, bytes[pos + 1] == 117 else {
                        throw .syntax("unpaired surrogate at byte \(pos)")
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .syntax("bad surrogate pair at byte \(pos)") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw .syntax("invalid \\u escape at byte \(pos)") }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                throw .syntax("invalid escape at byte \(pos - 1)")
            }
        }
        throw .syntax("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw .syntax("the line ends too early") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw .syntax("invalid \\u escape at byte \(pos)")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }
}
