/// A person's working hours on a day, in their own time zone, as minutes after
/// midnight. `end` may be smaller than `start` for hours that cross midnight.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`.
    public init(parsing text: String) throws(ValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let s = Self.minutes(parts[0]), let e = Self.minutes(parts[1]), s != e else {
            throw .badWorkingHours(text)
        }
        start = s
        end = e
    }

    static func minutes(_ text: Substring) -> Int? {
        let p = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count <= 2, p[1].count == 2,
              let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// Whether `minuteOfDay` (0..<1440, local time) falls inside these hours.
    public func contains(minuteOfDay m: Int) -> Bool {
        start < end ? (m >= start && m < end) : (m >= start || m < end)
    }

    public var description: String {
        func f(_ v: Int) -> String { "\(String(v / 60).leftPadded(2)):\(String(v % 60).leftPadded(2))" }
        return "\(f(start))-\(f(end))"
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
