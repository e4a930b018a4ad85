import Foundation
import WeftCore
import WeftStore

/// The clock the CLI uses: the system clock, or — as a testing aid only —
/// `WEFT_NOW`, a clock that runs at real speed from a pinned UTC instant:
///
/// - `WEFT_NOW=2026-11-23T08:00:00Z`: it is 08:00 when the process starts.
/// - `WEFT_NOW=2026-11-23T08:00:00Z@1795000000000`: it was 08:00 at that real
///   time (Unix milliseconds), so several processes share one running clock and
///   what one writes is never "earlier" than what another wrote before.
///
/// End-to-end tests use it to show inbox items held, then delivered.
enum ClockChoice {
    static func make(_ env: StoreEnvironment = StoreEnvironment()) throws -> any Clock {
        guard let text = env["WEFT_NOW"] else { return SystemClock() }
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard let start = Timestamp(iso8601: parts[0]) else {
            throw CommandError("WEFT_NOW '\(text)' is not a UTC time like 2026-11-23T08:00:00Z (it is a testing aid; unset it)")
        }
        guard parts.count == 2 else { return RunningClock(startingAt: start) }
        guard let anchor = Double(parts[1]) else {
            throw CommandError("WEFT_NOW '\(text)': after '@' give the real time in Unix milliseconds (it is a testing aid; unset it)")
        }
        return RunningClock(startingAt: start, origin: Date(timeIntervalSince1970: anchor / 1000))
    }
}
