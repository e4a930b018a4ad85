import Foundation

/// A clock that starts at a given instant and runs at real speed from there.
///
/// Used only as a testing aid: `weft` honours `WEFT_NOW` (see Docs/cli.md) so
/// end-to-end tests can run "at" a pinned time and watch held items arrive.
public struct RunningClock: Clock {
    public let start: Timestamp
    private let origin: Date

    public init(startingAt start: Timestamp, origin: Date = Date()) {
        self.start = start
        self.origin = origin
    }

    public func now() -> Timestamp {
        start.adding(milliseconds: Int64((Date().timeIntervalSince(origin) * 1000).rounded(.down)))
    }
}

extension Timestamp {
    public func adding(milliseconds ms: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + ms) }
}
