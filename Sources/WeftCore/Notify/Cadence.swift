/// How often a person wants to be told about new inbox items, always in their
/// own time zone.
///
/// `instant` delivers as things happen; `hourly` at the top of each local hour;
/// `daily` at a local time; `weekly` on a weekday at a local time.
public enum Cadence: Hashable, Sendable, CustomStringConvertible {
    case instant
    case hourly
    /// Minutes after local midnight.
    case daily(minute: Int)
    /// `weekday` 1 = Sunday … 7 = Saturday (as `LocalTime.Parts.weekday`).
    case weekly(weekday: Int, minute: Int)

    /// Reads `instant`, `hourly`, `daily 09:00` and `weekly mon 09:00`.
    public init(parsing input: String) throws(ValidationError) {
        let words = input.lowercased().split(separator: " ").map(String.init)
        switch words.first {
        case "instant" where words.count == 1: self = .instant
        case "hourly" where words.count == 1: self = .hourly
        case "daily" where words.count == 2:
            guard let m = Self.minute(words[1]) else { throw .badCadence(input) }
            self = .daily(minute: m)
        case "weekly" where words.count == 3:
            guard let d = DueParser.weekday(words[1]), let m = Self.minute(words[2]) else { throw .badCadence(input) }
            self = .weekly(weekday: d, minute: m)
        default: throw .badCadence(input)
        }
    }

    static func minute(_ text: String) -> Int? {
        DueParser.clock(text).map { $0.0 * 60 + $0.1 }
    }

    public var description: String {
        switch self {
        case .instant: "instant"
        case .hourly: "hourly"
        case .daily(let m): "daily \(clockText(m))"
        case .weekly(let d, let m): "weekly \(weekdayNames[d - 1]) \(clockText(m))"
        }
    }

    /// The first delivery slot at or after `t`, in the zone of `local`.
    public func nextSlot(atOrAfter t: Timestamp, in local: LocalTime) -> Timestamp {
        switch self {
        case .instant:
            return t
        case .hourly:
            // Top of the local hour (zones with half-hour offsets included).
            let offset = Int64(local.timeZone.secondsFromGMT(for: t.date)) * 1000
            let hour: Int64 = 3_600_000
            let shifted = t.milliseconds + offset
            let floor = shifted - ((shifted % hour) + hour) % hour
            return Timestamp(milliseconds: (floor == shifted ? floor : floor + hour) - offset)
        case .daily(let minute):
            for d in 0...2 {
                if let s = local.at(minute: minute, onDayOf: local.startOfDay(t, addingDays: d)), s >= t { return s }
            }
            return t
        case .weekly(let weekday, let minute):
            for d in 0...8 {
                let day = local.startOfDay(t, addingDays: d)
                guard local.parts(day).weekday == weekday else { continue }
                if let s = local.at(minute: minute, onDayOf: day), s >= t { return s }
            }
            return t
        }
    }
}

let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

func clockText(_ minute: Int) -> String {
    let h = minute / 60, m = minute % 60
    return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
}

extension LocalTime {
    /// The instant of local time `minute` (after midnight) on the local day holding `day`.
    public func at(minute: Int, onDayOf day: Timestamp) -> Timestamp? {
        let p = parts(day)
        return instant(year: p.year, month: p.month, day: p.day, hour: minute / 60, minute: minute % 60)
    }
}
