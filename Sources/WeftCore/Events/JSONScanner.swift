/// A small, fast JSON reader for journal lines: one pass over the bytes, no
/// Foundation. Journal lines are read far more often than written (every index
/// build reads them all), so this replaces `JSONDecoder` on that path.
///
/// The bytes must already be known to be valid UTF-8 (``UTF8Bytes/isValid(_:)``):
/// strings are then cut out of them without a second check.
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
        /// The line is JSON, but not an object (``LineFields`` only).
        case notAnObject
    }

    /// A scanned string: where its bytes are when it has no escapes, else its text.
    enum ScannedString {
        case raw(start: Int, end: Int, ascii: Bool)
        case unescaped(String)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0

    /// Parses one complete JSON value that fills `bytes` (surrounding spaces allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var s = JSONScanner(bytes: bytes)
        s.skipSpace()
        let v = try s.value(depth: 0)
        try s.expectEnd()
        return v
    }

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always)
    mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 10 || bytes[pos] == 13 { pos += 1 }
    }

    /// Only spaces may follow the value.
    mutating func expectEnd() throws(Failure) {
        skipSpace()
        guard pos == bytes.count else { throw .syntax("extra text after the value at byte \(pos)") }
    }

    mutating func value(depth: Int) throws(Failure) -> JSONValue {
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

    mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw .syntax("the line ends too early") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw .syntax("invalid character at byte \(pos)") }
        pos += n
    }

    mutating func number() throws(Failure) -> Double {
        let start = pos
        var digitsOnly = true
        var whole = 0
        while pos < bytes.count {
            let c = bytes[pos]
            if c >= 48 && c <= 57 {
                whole = whole &* 10 &+ Int(c - 48)
            } else if c == 45 || c == 43 || c == 46 || c == 101 || c == 69 {
                digitsOnly = false
            } else {
                break
            }
            pos += 1
        }
        // Up to 15 digits are an integer a Double holds exactly: what `Double(_:)` reads too.
        if digitsOnly && pos > start && pos - start <= 15 { return Double(whole) }
        guard pos > start, let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)) else {
            throw .syntax("invalid character at byte \(start)")
        }
        return d
    }

    mutating func string() throws(Failure) -> String {
        switch try scanString() {
        case .raw(let start, let end, let ascii): return UTF8Bytes.string(bytes, start, end, ascii: ascii)
        case .unescaped(let s): return s
        }
    }
}
