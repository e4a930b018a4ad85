import Foundation

/// A UTC instant with millisecond precision, as stored in every journal line.
///
/// Stored as milliseconds since the Unix epoch; written as ISO-8601 with
/// milliseconds and `Z` (`2026-11-22T05:00:00.000Z`), so text order is time order.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(_ date: Date) {
        self.milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + seconds * 1000) }

    public var description: String { iso8601 }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, always 24 characters for years 0000–9999.
    public var iso8601: String {
        let ms = milliseconds
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let msOfDay = ms - days * 86_400_000
        let (y, m, d) = CivilDate.fromDays(days)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, f = msOfDay % 1000
        // Built as bytes: this runs for every event the index applies.
        return String(unsafeUninitializedCapacity: 24) { buf in
            func put(_ v: Int64, _ at: Int, _ width: Int) {
                var v = max(0, v)
                for i in stride(from: at + width - 1, through: at, by: -1) {
                    buf[i] = UInt8(48 + v % 10)
                    v /= 10
                }
            }
            put(y, 0, 4); buf[4] = 45; put(m, 5, 2); buf[7] = 45; put(d, 8, 2); buf[10] = 84
            put(h, 11, 2); buf[13] = 58; put(mi, 14, 2); buf[16] = 58; put(s, 17, 2); buf[19] = 46
            put(f, 20, 3); buf[23] = 90
            return 24
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS(.fff)?Z`; nil for anything else.
    public init?(iso8601 text: String) {
        var copy = text
        guard let t = copy.withUTF8(Timestamp.init(iso8601UTF8:)) else { return nil }
        self = t
    }

    /// Parses the UTF-8 of `YYYY-MM-DDTHH:MM:SS(.fff)?Z` (a journal line's bytes).
    init?(iso8601UTF8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 20 || b.count == 24 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            return v
        }
        guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[b.count - 1] == 90,
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var frac: Int64 = 0
        if b.count == 24 {
            guard b[19] == 46, let f = num(20, 3) else { return nil }
            frac = f
        }
        let days = CivilDate.toDays(y, mo, d)
        milliseconds = ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + frac
    }
}

/// Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
enum CivilDate {
    static func toDays(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
