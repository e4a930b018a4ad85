/// A fixed set of short ASCII names, found by the raw bytes of a string without
/// making a `String` of them (journal keys and event types, once per line).
struct ByteNames {
    private struct Entry {
        var words: (UInt64, UInt64, UInt64)
        var index: Int
    }

    /// Names longer than this are never found.
    static let maxLength = 24

    private let entries: [Entry]
    /// `entries[starts[n]..<starts[n + 1]]` are the names of `n` bytes.
    private let starts: [Int]

    init(_ names: [String]) {
        var byLength = [[Entry]](repeating: [], count: Self.maxLength + 1)
        for (i, name) in names.enumerated() {
            let b = Array(name.utf8)
            precondition(b.count <= Self.maxLength, "name too long: \(name)")
            b.withUnsafeBufferPointer { byLength[b.count].append(Entry(words: Self.words($0), index: i)) }
        }
        entries = byLength.flatMap { $0 }
        var starts = [0]
        for group in byLength { starts.append(starts.last! + group.count) }
        self.starts = starts
    }

    /// The index (in the list given to `init`) of the name spelled by `bytes`.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard n <= Self.maxLength else { return nil }
        let w = Self.words(bytes)
        for i in starts[n]..<starts[n + 1] {
            let e = entries[i].words
            if e.0 == w.0 && e.1 == w.1 && e.2 == w.2 { return entries[i].index }
        }
        return nil
    }

    /// Up to 24 bytes packed into three words, zero-padded.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64) {
        @inline(__always) func word(_ from: Int) -> UInt64 {
            var w: UInt64 = 0
            for i in from..<min(bytes.count, from + 8) { w |= UInt64(bytes[i]) << UInt64((i - from) << 3) }
            return w
        }
        let n = bytes.count
        return (word(0), n > 8 ? word(8) : 0, n > 16 ? word(16) : 0)
    }
}
