import Foundation

/// How search sees text, shared by the index (what it stores) and the screen
/// (what it highlights), so both agree on what a match is.
///
/// Words are runs of letters and digits, compared without case or accents
/// (`Café` is `cafe`). Scripts written without spaces between words (Chinese,
/// Japanese, Thai, …) have no words to find, so each of their characters is a
/// word of its own and a term matches wherever its characters appear in a row:
/// `会議` finds `明日の会議について`.
public enum SearchText {
    /// Whether `text` has at least one letter or digit.
    public static func hasWordCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isWordScalar)
    }

    /// Letters, digits and private-use characters, like SQLite's unicode61 tokenizer.
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // Marks belong to the letter before them (unicode61 keeps them in tokens).
            return true
        default:
            return false
        }
    }

    /// Characters of scripts written without spaces between words.
    public static func isUnspaced(_ s: Unicode.Scalar) -> Bool { isUnspaced(s.value) }

    /// The same test on a scalar's value, as plain comparisons (this runs for
    /// every character of every post with such text while an index is built).
    @inline(__always)
    static func isUnspaced(_ v: UInt32) -> Bool {
        if v < 0x0E00 { return false }
        if v <= 0x0EFF { return true }  // Thai, Lao
        if v < 0x1000 { return false }
        if v <= 0x109F { return true }  // Myanmar
        if v >= 0x1100 && v <= 0x11FF { return true }  // Hangul Jamo
        if v >= 0x1780 && v <= 0x17FF { return true }  // Khmer
        if v < 0x3040 { return false }
        if v <= 0x30FF { return true }  // Hiragana, Katakana
        if v >= 0x3130 && v <= 0x318F { return true }  // Hangul compatibility Jamo
        if v >= 0x31F0 && v <= 0x31FF { return true }  // Katakana extensions
        if v >= 0x3400 && v <= 0x4DBF { return true }  // Han extension A
        if v >= 0x4E00 && v <= 0x9FFF { return true }  // Han
        if v >= 0xAC00 && v <= 0xD7AF { return true }  // Hangul syllables
        if v >= 0xF900 && v <= 0xFAFF { return true }  // Han compatibility
        return v >= 0x20000 && v <= 0x3FFFF  // Han extensions B and later
    }

    /// Whether `text` has any character of a script without spaces. Fast on
    /// text that has none: its UTF-8 is scanned in place (``forEachUnspaced``).
    public static func hasUnspaced(_ text: String) -> Bool {
        var text = text
        var found = false
        text.withUTF8 { b in
            forEachUnspaced(in: b) { _, _ in
                found = true
                return false
            }
        }
        return found
    }

    /// `text` with a space around each character of a script without spaces,
    /// so a word tokenizer sees each as a word (how a term in such a script is
    /// looked up).
    public static func spacedOut(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnspaced(s) {
                out.append(" ")
                out.append(s)
                out.append(" ")
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// What the index stores to find text in scripts without spaces: only the
    /// characters of those scripts, each a word of its own, with a `0` between
    /// runs so that a term never matches across two runs. Nil when `text` has
    /// none, so other text costs nothing.
    public static func grams(_ text: String) -> String? {
        var out: [UInt8] = []
        appendGrams(of: text, to: &out)
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// The grams of a post: `grams(title + "\n" + body)`, without joining them
    /// (a line break is no character of those scripts, so it only ends a run).
    public static func grams(title: String?, body: String) -> String? {
        var out: [UInt8] = []
        return grams(title: title, body: body, into: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The same grams as UTF-8 bytes in `out` (emptied first, its memory reused
    /// across posts, as the index build does); false when there are none.
    public static func grams(title: String?, body: String, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        if let title { appendGrams(of: title, to: &out) }
        appendGrams(of: body, to: &out)
        return !out.isEmpty
    }

    /// Appends " c" for each character c of a script without spaces, and " 0"
    /// before each run but the first.
    private static func appendGrams(of text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { b in
            forEachUnspaced(in: b) { bytes, startsRun in
                if startsRun && !out.isEmpty {
                    out.append(0x20)
                    out.append(0x30)
                }
                out.append(0x20)
                // Byte by byte: appending a 3- or 4-byte buffer goes through memcpy.
                for byte in bytes { out.append(byte) }
                return true
            }
        }
    }

    /// Calls `visit` with the UTF-8 bytes of each character of a script without
    /// spaces in `b` (valid UTF-8), and whether it begins a run of them, until
    /// `visit` returns false. Every such script is above U+0800, so shorter
    /// sequences are skipped unread, eight bytes at a time where none of them
    /// begins a longer one (this runs over every post while an index is built).
    @inline(__always)
    private static func forEachUnspaced(in b: UnsafeBufferPointer<UInt8>,
                                        _ visit: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) {
        guard let base = b.baseAddress else { return }
        let n = b.count
        var i = 0
        var inRun = false
        while i < n {
            if i + 8 <= n {
                // Skipped up to the first of the eight bytes that is 0xE0 or above (bits
                // 7, 6 and 5 all set: the lead of a 3- or 4-byte sequence): ASCII and
                // two-byte letters (é, ø) are no characters of those scripts. (Bytes are
                // loaded little-endian: the first in memory is the lowest.)
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let leads = x & (x << 1) & (x << 2) & 0x8080_8080_8080_8080
                if leads == 0 {
                    inRun = false
                    i += 8
                    continue
                }
                let skip = leads.trailingZeroBitCount >> 3
                if skip > 0 {
                    // What is skipped may end with the first byte of a two-byte letter,
                    // whose second byte (below 0xC0) is then read as one of its own.
                    inRun = false
                    i += skip
                }
            }
            let lead = base[i]
            if lead < 0xE0 {
                inRun = false
                // A continuation byte (the end of a two-byte letter a skip cut in half)
                // or ASCII: one byte; the lead of a two-byte letter: two.
                i += lead < 0xC0 ? 1 : 2
                continue
            }
            let length = lead < 0xF0 ? 3 : 4
            guard i + length <= n else { return }
            var v = UInt32(lead & (length == 3 ? 0x0F : 0x07))
            for k in 1..<length { v = (v << 6) | UInt32(base[i + k] & 0x3F) }
            if isUnspaced(v) {
                guard visit(UnsafeBufferPointer(start: base + i, count: length), !inRun) else { return }
                inRun = true
            } else {
                inRun = false
            }
            i += length
        }
    }

    /// The runs of a term: its parts in scripts without spaces (looked up in
    /// the grams) and its other parts (looked up as words).
    public static func runs(_ text: String) -> [(text: String, unspaced: Bool)] {
        var out: [(text: String, unspaced: Bool)] = []
        var current = String.UnicodeScalarView()
        var currentUnspaced = false
        for s in text.unicodeScalars {
            let u = isUnspaced(s)
            if u != currentUnspaced, !current.isEmpty {
                out.append((String(current), currentUnspaced))
                current = String.UnicodeScalarView()
            }
            currentUnspaced = u
            current.append(s)
        }
        if !current.isEmpty { out.append((String(current), currentUnspaced)) }
        return out.filter { hasWordCharacter($0.text) }
    }

    /// One scalar folded for comparison: lowercase, accents removed (`É` → `e`);
    /// empty for a combining mark.
    static func fold(_ s: Unicode.Scalar) -> String {
        if s.isASCII {
            let v = s.value
            return v >= 65 && v <= 90 ? String(Unicode.Scalar(v + 32) ?? s) : String(s)
        }
        // CJK, kana, Hangul syllables and emoji have neither case nor accents.
        if s.value >= 0x3000 && s.value < 0xFF00 || s.value >= 0x1F000 { return String(s) }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return ""
        default:
            return String(s).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
    }

    /// The words of `text` as search compares them, each with the range of
    /// scalar offsets it covers in `text`.
    static func words(_ text: String) -> [(word: String, range: Range<Int>)] {
        var out: [(word: String, range: Range<Int>)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush(_ end: Int) {
            if !current.isEmpty { out.append((String(current), start..<end)) }
            current = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if s.isASCII {
                let v = s.value
                if (v >= 48 && v <= 57) || (v >= 97 && v <= 122) {
                    if current.isEmpty { start = offset }
                    current.append(s)
                } else if v >= 65 && v <= 90 {
                    if current.isEmpty { start = offset }
                    current.append(Unicode.Scalar(v + 32) ?? s)
                } else {
                    flush(offset)
                }
            } else if isUnspaced(s) {
                flush(offset)
                out.append((fold(s), offset..<(offset + 1)))
            } else if isWordScalar(s) {
                if current.isEmpty { start = offset }
                current.append(contentsOf: fold(s).unicodeScalars)
            } else {
                flush(offset)
            }
            offset += 1
        }
        flush(offset)
        return out
    }
}
