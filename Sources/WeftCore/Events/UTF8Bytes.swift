/// UTF-8 checks and string making for the journal decoder, on raw bytes.
///
/// A line is checked once, as a whole, before it is scanned; the strings cut
/// out of it afterwards are then known to be valid and are copied without a
/// second check.
enum UTF8Bytes {
    /// Whether `bytes` are well-formed UTF-8 (the Unicode standard's table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), as
    /// `String(validating:as:)` decides. Runs of ASCII are skipped 8 bytes at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n {
                let high = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian & 0x8080_8080_8080_8080
                if high != 0 {
                    i += high.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { return true }
            let c = base[i]
            if c < 0x80 {
                i += 1
                continue
            }
            func trail(_ at: Int) -> Bool { at < n && base[at] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard trail(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 1 < n else { return false }
                let c1 = base[i + 1]
                let ok = c == 0xE0 ? (0xA0...0xBF).contains(c1) : c == 0xED ? (0x80...0x9F).contains(c1) : c1 & 0xC0 == 0x80
                guard ok, trail(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 1 < n else { return false }
                let c1 = base[i + 1]
                let ok = c == 0xF0 ? (0x90...0xBF).contains(c1) : c == 0xF4 ? (0x80...0x8F).contains(c1) : c1 & 0xC0 == 0x80
                guard ok, trail(i + 2), trail(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// A string of `bytes`, which must be valid UTF-8 (checked by ``isValid(_:)``
    /// or cut from checked bytes at character boundaries). `ascii` may be false
    /// for ASCII bytes; it must not be true for others.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }

    /// A string of `bytes[start..<end]` under the same rule.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, ascii: Bool) -> String {
        string(UnsafeBufferPointer(rebasing: bytes[start..<end]), ascii: ascii)
    }
}
