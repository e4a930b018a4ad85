import Foundation
import TerminalUI
import WeftStore

/// Measures the interface the way a person uses it: the app loop on a
/// headless terminal, from opening the store to the first frame, then a
/// scripted walk over boards and threads, timing each key to its frame.
/// `weft dev bench-ui` prints the result.
public enum UIBenchmark {
    public struct Result: Sendable {
        /// From before opening the store to the first frame drawn.
        public var firstFrame: Duration
        /// From before opening the store to the frame with unread counts.
        public var completeFrame: Duration
        /// Each key press to its frame, in script order.
        public var keyTimes: [Duration]
        /// The keys pressed, in the same order.
        public var keys: [Key]
        public var frames: Int

        /// The `fraction` quantile of the key times (0.5 is the median).
        public func keyTime(quantile fraction: Double) -> Duration {
            let sorted = keyTimes.sorted()
            guard !sorted.isEmpty else { return .zero }
            let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
            return sorted[index]
        }

        /// " (slowest: G)" naming the slowest key.
        private var slowest: String {
            guard let index = keyTimes.indices.max(by: { keyTimes[$0] < keyTimes[$1] }), index < keys.count else {
                return ""
            }
            return " (slowest: \(keys[index]) at key \(index + 1))"
        }

        /// A few lines for people.
        public var report: String {
            func ms(_ duration: Duration) -> String {
                let value = Double(duration.components.seconds) * 1000
                    + Double(duration.components.attoseconds) / 1e15
                return String(format: "%.2f ms", value)
            }
            return """
                first frame (store open included): \(ms(firstFrame))
                first frame with unread counts:    \(ms(completeFrame))
                keypress to frame over \(keyTimes.count) keys: p50 \(ms(keyTime(quantile: 0.5))), \
                p99 \(ms(keyTime(quantile: 0.99))), max \(ms(keyTimes.max() ?? .zero))\(slowest)
                frames drawn: \(frames)
                """
        }
    }

    /// Opens the store with `open`, runs the script at `width`×`height` and
    /// returns the timings.
    public static func run<E: Error>(
        width: Int = 120, height: Int = 40, open: () throws(E) -> Store
    ) throws(E) -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let store = try open()
        let terminal = FrameTimer(width: width, height: height, clock: clock)
        let loop = AppLoop(store: store, terminal: terminal)
        loop.start()
        let firstFrame = (terminal.frameTimes.first ?? clock.now) - started
        let completeFrame = (terminal.frameTimes.last ?? clock.now) - started
        var keyTimes: [Duration] = []
        let keys = script(boards: loop.state.boards.rows.count)
        for key in keys {
            let pressed = clock.now
            loop.handle(.key(key))
            keyTimes.append(clock.now - pressed)
        }
        return Result(firstFrame: firstFrame, completeFrame: completeFrame, keyTimes: keyTimes, keys: keys,
                      frames: terminal.frameTimes.count)
    }

    /// About 200 keys: into a board, down and across pages, into threads,
    /// scrolling, n to the next unread thread, back out, on to the next board.
    /// It goes back with Esc, which never quits, so it stays in the app even
    /// when `n` finds nothing.
    static func script(boards: Int) -> [Key] {
        let visit: [Key] = [
            .enter, .char("j"), .char("j"), .char("j"), .pageDown, .pageDown, .char("k"),
            .enter, .char("j"), .char("j"), .char("j"), .pageDown, .char("G"), .char("g"),
            .escape, .char("n"), .char("j"), .pageDown, .escape,
            .char("G"), .char("k"), .enter, .escape, .pageUp, .char("g"),
            .escape, .char("j"),
        ]
        let visits = max(1, min(8, boards))
        return Array((0..<visits).map { _ in visit }.joined())
    }
}

/// A headless terminal that notes when each frame was drawn.
private final class FrameTimer: Terminal {
    let size: Size
    let clock: ContinuousClock
    private(set) var frameTimes: [ContinuousClock.Instant] = []

    init(width: Int, height: Int, clock: ContinuousClock) {
        size = Size(width: width, height: height)
        self.clock = clock
    }

    func draw(_ grid: CellGrid, cursor: Point?) {
        frameTimes.append(clock.now)
    }

    func nextEvent(timeoutMs: Int) -> InputEvent { .closed }
    func suspend() {}
    func resume() {}
}
