import Foundation

/// Reads the due dates people type, in their own time zone.
///
/// Accepts `2026-11-27` (end of that working day, 17:00), `2026-11-27 15:00`,
/// `today`, `tomorrow` (17:00), a weekday such as `fri` or `friday` (the next one,
/// 17:00), `tomorrow 9:00`, `fri 16:00`, `in 3d`, `in 2h`, `in 30m`, `in 1w` and
/// `next week` (Monday 09:00 of next week).
public struct DueParser: Sendable {
    public let local: LocalTime
    public let now: Timestamp
    public static let defaultHour = 17

    public init(timeZone: TimeZone, now: Timestamp) {
        local = LocalTime(timeZone)
        self.now = now
    }

    public func parse(_ input: String, allowPast: Bool = false) throws(ValidationError) -> Timestamp {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        guard let t = resolve(text) else { throw .badDue(input) }
        if !allowPast && t < now { throw .dueInPast(input) }
        return t
    }

    private func resolve(_ text: String) -> Timestamp? {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        if first == "in", words.count >= 2 {
            return relative(words.dropFirst().joined())
        }
        if words == ["next", "week"] {
            let p = local.parts(now)
            let daysToMonday = (9 - p.weekday) % 7 == 0 ? 7 : (9 - p.weekday) % 7
            let monday = local.startOfDay(now, addingDays: daysToMonday)
            return monday.adding(seconds: 9 * 3600)
        }
        guard words.count <= 2 else { return nil }
        var time: (Int, Int)?
        if words.count == 2 {
            guard let hm = Self.clock(words[1]) else { return nil }
            time = hm
        }
        let (h, m) = time ?? (Self.defaultHour, 0)
        if let day = dayStart(first) {
            return day.adding(seconds: Int64(h * 3600 + m * 60))
        }
        if words.count == 1, let hm = Self.clock(first) {
            // A bare time: today if still ahead, else tomorrow.
            let today = local.startOfDay(now).adding(seconds: Int64(hm.0 * 3600 + hm.1 * 60))
            return today >= now ? today : local.startOfDay(now, addingDays: 1).adding(seconds: Int64(hm.0 * 3600 + hm.1 * 60))
        }
        return nil
    }

    /// Local midnight of the named day.
    private func dayStart(_ word: String) -> Timestamp? {
        switch word {
        case "today": return local.startOfDay(now)
        case "tomorrow", "tmr", "tom": return local.startOfDay(now, addingDays: 1)
        default: break
        }
        if let wd = Self.weekday(word) {
            let current = local.parts(now).weekday
            var ahead = (wd - current + 7) % 7
            if ahead == 0 { ahead = 7 }
            return local.startOfDay(now, addingDays: ahead)
        }
        let p = word.split(separator: "-")
        if p.count == 3, p[0].count == 4, let y = Int(p[0]), let mo = Int(p[1]), let d = Int(p[2]),
           (1...12).contains(mo), (1...31).contains(d) {
            guard let t = local.instant(year: y, month: mo, day: d) else { return nil }
            // Reject dates that roll over (Feb 30).
            let back = local.parts(t)
            return back.month == mo && back.day == d ? t : nil
        }
        return nil
    }

    private func relative(_ text: String) -> Timestamp? {
        guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0, n < 100_000 else { return nil }
        switch unit {
        case "m": return now.adding(seconds: n * 60)
        case "h": return now.adding(seconds: n * 3600)
        case "d": return now.adding(seconds: n * 86400)
        case "w": return now.adding(seconds: n * 7 * 86400)
        default: return nil
        }
    }

    static func clock(_ text: String) -> (Int, Int)? {
        let p = text.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, (1...2).contains(p[0].count), p[1].count == 2,
              let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return (h, m)
    }

    static func weekday(_ text: String) -> Int? {
        let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        if let i = names.firstIndex(of: text) { return i + 1 }
        if let i = full.firstIndex(of: text) { return i + 1 }
        if text.count >= 3, let i = full.firstIndex(where: { $0.hasPrefix(text) }) { return i + 1 }
        return nil
    }
}
