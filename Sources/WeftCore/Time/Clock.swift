import Foundation

/// Where "now" comes from. The domain never reads the system clock itself.
public protocol Clock: Sendable {
    func now() -> Timestamp
}

/// The real clock, used only by the executable.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Timestamp { Timestamp(Date()) }
}

/// A clock that always answers the same instant, for tests.
public struct FixedClock: Clock {
    public var instant: Timestamp
    public init(_ instant: Timestamp) { self.instant = instant }
    public init?(iso8601: String) {
        guard let t = Timestamp(iso8601: iso8601) else { return nil }
        instant = t
    }
    public func now() -> Timestamp { instant }
}
