/// Scanning JSON strings: 8 bytes at a time up to the closing quote, and a
/// slower path that unescapes.
extension JSONScanner {
    /// Scans the string at `pos` (its opening quote) and moves past it.
    mutating func scanString() throws(Failure) -> ScannedString {
        pos += 1
        let start = pos
        let n = bytes.count
        var seen: UInt64 = 0
        if let base = bytes.baseAddress {
            while pos + 8 <= n {
                let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self).littleEndian
                let stop = Self.stopBytes(w)
                if stop != 0 {
                    let k = stop.trailingZeroBitCount >> 3
                    seen |= w & ((1 << UInt64(k << 3)) &- 1)
                    pos += k
                    break
                }
                seen |= w
                pos += 8
            }
        }
        while pos < n {
            let c = bytes[pos]
            if c == 34 {
                pos += 1
                return .raw(start: start, end: pos - 1, ascii: seen & 0x8080_8080_8080_8080 == 0)
            }
            if c == 92 { break }
            if c < 0x20 { throw .syntax("control character in a string at byte \(pos)") }
            seen |= UInt64(c)
            pos += 1
        }
        return .unescaped(try unescape(from: start))
    }

    /// Flags (high bit of each byte) the bytes that end the fast scan: a quote,
    /// a backslash or a control character. The lowest flag is always exact.
    @inline(__always)
    private static func stopBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 34), b = w ^ (ones &* 92)
        return ((q &- ones) & ~q | (b &- ones) & ~b | (w &- ones &* 0x20) & ~w) & highs
    }

    /// The slow path: `pos` is at the first backslash of the string that began at `start`.
    private mutating func unescape(from start: Int) throws(Failure) -> String {
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
