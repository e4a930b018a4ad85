import Foundation
import WeftCore

/// The viewer's time zone and "now": how every time on screen is shown.
///
/// `now` comes in with actions (the app loop reads the store's clock), so
/// rendering stays a pure function and tests pin it.
public struct ViewerClock: Equatable, Sendable {
    public let local: LocalTime
    public var now: Timestamp

    public init(timeZone: TimeZone, now: Timestamp) {
        self.local = LocalTime(timeZone)
        self.now = now
    }

    /// `14:05` today, `Nov 21` this year, `2025-11-21` before.
    func brief(_ time: Timestamp) -> String {
        local.brief(time, now: now)
    }

    /// `2026-11-22 14:05`.
    func full(_ time: Timestamp) -> String {
        local.format(time)
    }

    public static func == (lhs: ViewerClock, rhs: ViewerClock) -> Bool {
        lhs.now == rhs.now && lhs.local.timeZone.identifier == rhs.local.timeZone.identifier
    }
}
