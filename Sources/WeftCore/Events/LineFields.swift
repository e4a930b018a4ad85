/// The top-level members of a journal line, scanned once. Values of known keys
/// stay where they are in the line's bytes until a field asks for them, so most
/// are never copied into a `String` and ids, times and handles are read
/// straight from the bytes. Nested values (lists, objects) and strings with
/// escapes are parsed into ``JSONValue``s.
///
/// Scanning follows ``JSONScanner`` step by step, so a line fails with the same
/// message as it would there. The bytes must be valid UTF-8.
struct LineFields {
    /// One member's value: where to find it.
    private struct Slot {
        enum Kind: UInt8 { case absent, raw, stored, number, bool, null }
        var kind = Kind.absent
        /// For a raw string: whether its bytes are all ASCII.
        var ascii = false
        /// A raw string's byte range, or the index of a stored value.
        var start = 0, end = 0
        /// A number's value; 1 or 0 for a bool.
        var number = 0.0
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// One per ``LineKey``, on the stack: the struct stays small to pass around.
    private let slots: UnsafeMutableBufferPointer<Slot>
    /// Strings with escapes, lists and objects.
    private var stored: [JSONValue] = []

    /// Scans `bytes` (a JSON object and nothing else) and calls `body` with its fields.
    static func scanning<R>(_ bytes: UnsafeBufferPointer<UInt8>,
                            _ body: (LineFields) throws(EventCodec.LineError) -> R) throws(EventCodec.LineError) -> R {
        try withUnsafeTemporaryAllocation(of: Slot.self, capacity: LineKey.capacity) { slots throws(EventCodec.LineError) in
            slots.initialize(repeating: Slot())
            let fields: LineFields
            do throws(JSONScanner.Failure) {
                fields = try LineFields(bytes, slots: slots)
            } catch {
                switch error {
                case .invalidUTF8: throw .invalidUTF8
                case .syntax(let why): throw .notJSON(why)
                case .notAnObject: throw .notJSON("the line is JSON but not an object")
                }
            }
            return try body(fields)
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, slots: UnsafeMutableBufferPointer<Slot>) throws(JSONScanner.Failure) {
        self.bytes = bytes
        self.slots = slots
        var s = JSONScanner(bytes: bytes)
        s.skipSpace()
        guard s.pos < bytes.count, bytes[s.pos] == 123 else {
            _ = try JSONScanner.parse(bytes)
            throw .notAnObject
        }
        s.pos += 1
        s.skipSpace()
        if s.pos < bytes.count, bytes[s.pos] == 125 {
            s.pos += 1
        } else {
            while true {
                s.skipSpace()
                guard s.pos < bytes.count, bytes[s.pos] == 34 else { throw .syntax("expected a key at byte \(s.pos)") }
                let key = find(try s.scanString())
                s.skipSpace()
                guard s.pos < bytes.count, bytes[s.pos] == 58 else { throw .syntax("expected ':' at byte \(s.pos)") }
                s.pos += 1
                s.skipSpace()
                let slot = try value(&s, keep: key != nil)
                if let key { slots[key.rawValue] = slot }
                s.skipSpace()
                guard s.pos < bytes.count else { throw .syntax("the line ends too early") }
                if bytes[s.pos] == 44 { s.pos += 1; continue }
                if bytes[s.pos] == 125 { s.pos += 1; break }
                throw .syntax("expected ',' or '}' at byte \(s.pos)")
            }
        }
        try s.expectEnd()
    }

    private func find(_ key: JSONScanner.ScannedString) -> LineKey? {
        let index: Int?
        switch key {
        case .raw(let start, let end, _): index = LineKey.table.find(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        case .unescaped(var text): index = text.withUTF8 { LineKey.table.find($0) }
        }
        return index.flatMap(LineKey.init(rawValue:))
    }

    /// A member's value (at depth 1), as ``JSONScanner/value(depth:)`` reads it.
    private mutating func value(_ s: inout JSONScanner, keep: Bool) throws(JSONScanner.Failure) -> Slot {
        guard s.pos < bytes.count else { throw .syntax("the line ends too early") }
        var slot = Slot()
        switch bytes[s.pos] {
        case 34:
            switch try s.scanString() {
            case .raw(let start, let end, let ascii):
                slot.kind = .raw
                slot.start = start
                slot.end = end
                slot.ascii = ascii
            case .unescaped(let text):
                if keep { slot = store(.string(text)) }
            }
        case 123, 91:
            let v = try s.value(depth: 1)
            if keep { slot = store(v) }
        case 116: try s.literal("true"); slot.kind = .bool; slot.number = 1
        case 102: try s.literal("false"); slot.kind = .bool
        case 110: try s.literal("null"); slot.kind = .null
        default: slot.kind = .number; slot.number = try s.number()
        }
        return slot
    }

    private mutating func store(_ v: JSONValue) -> Slot {
        stored.append(v)
        var slot = Slot()
        slot.kind = .stored
        slot.start = stored.count - 1
        return slot
    }

    /// The value of `key` as a ``JSONValue`` (nil when the line lacks it), for
    /// the fields read the slow way.
    subscript(_ key: LineKey) -> JSONValue? {
        let slot = slots[key.rawValue]
        switch slot.kind {
        case .absent: return nil
        case .raw: return .string(UTF8Bytes.string(bytes, slot.start, slot.end, ascii: slot.ascii))
        case .stored: return stored[slot.start]
        case .number: return .number(slot.number)
        case .bool: return .bool(slot.number != 0)
        case .null: return .null
        }
    }

    /// The bytes of `key`'s value when it is a string without escapes.
    func rawString(_ key: LineKey) -> UnsafeBufferPointer<UInt8>? {
        let slot = slots[key.rawValue]
        guard slot.kind == .raw else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[slot.start..<slot.end])
    }

    /// `key`'s value when it is a string (with or without escapes); nil for
    /// any other value or none. The quick check before ``subscript(_:)``.
    func text(_ key: LineKey) -> String? {
        let slot = slots[key.rawValue]
        switch slot.kind {
        case .raw: return UTF8Bytes.string(bytes, slot.start, slot.end, ascii: slot.ascii)
        case .stored: if case .string(let s) = stored[slot.start] { return s } else { return nil }
        default: return nil
        }
    }

    /// Whether the line has `key` (with any value, `null` too).
    func contains(_ key: LineKey) -> Bool { slots[key.rawValue].kind != .absent }

    /// Whether the line has `key`, with a value other than `null`.
    func isPresent(_ key: LineKey) -> Bool {
        let kind = slots[key.rawValue].kind
        return kind != .absent && kind != .null
    }

    /// `key`'s number, if it is one.
    func number(_ key: LineKey) -> Double? {
        let slot = slots[key.rawValue]
        return slot.kind == .number ? slot.number : nil
    }
}
