import TerminalUI
import WeftCore
import WeftStore

/// Measures a frame on the Thread screen — a key through `reduce`, then
/// `render` — on one long thread, with none of its reply trees folded and
/// with all of them folded (`Z`). Folding must not make frames dearer:
/// folds are applied when the thread's lines are built, not when drawing.
/// `weft dev bench-folds` prints the result.
public enum FoldBenchmark {
    public struct Run: Sendable {
        public var label: String
        /// Reply trees folded.
        public var folds: Int
        /// Lines of the thread's text.
        public var lines: Int
        /// Key plus frame, in script order.
        public var frameTimes: [Duration]

        public func quantile(_ fraction: Double) -> Duration {
            let sorted = frameTimes.sorted()
            guard !sorted.isEmpty else { return .zero }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
        }
    }

    public struct Result: Sendable {
        public var runs: [Run]
        /// The `Z` key itself (the thread's lines rebuilt with every tree folded).
        public var foldAll: Duration

        public var report: String {
            func ms(_ duration: Duration) -> String {
                String(format: "%.3f ms", Double(duration.components.seconds) * 1000
                    + Double(duration.components.attoseconds) / 1e15)
            }
            var lines = runs.map { run in
                "\(run.label): \(run.folds) folded subtrees, \(run.lines) lines; key + frame over \(run.frameTimes.count) keys: "
                    + "p50 \(ms(run.quantile(0.5))), p99 \(ms(run.quantile(0.99))), max \(ms(run.frameTimes.max() ?? .zero))"
            }
            lines.append("Z (fold every tree, lines rebuilt once): \(ms(foldAll))")
            return lines.joined(separator: "\n")
        }
    }

    /// The keys timed: scrolling, paging, selecting posts, moving between
    /// unread comments, to the end and back.
    static let script: [Key] = {
        let round: [Key] = [
            .char("j"), .char("j"), .char("j"), .pageDown, .char("]"), .char("]"), .char("["), .char("n"),
            .char("k"), .pageDown, .pageDown, .pageUp, .char("]"), .char("n"),
        ]
        return Array(Array(repeating: round, count: 20).joined()) + [.char("G"), .char("g")]
    }()

    /// Loads `thread` from `store` and times the script at `width`×`height`,
    /// unfolded and then folded.
    public static func run(store: Store, thread: EventID, width: Int = 120, height: Int = 40) throws(StoreError) -> Result {
        guard let detail = try store.index.thread(thread, viewer: store.me) else {
            throw StoreError.unknownID(thread.rawValue)
        }
        let size = Size(width: width, height: height)
        var state = State(spaceName: "bench", viewer: store.me, timeZone: store.viewerTimeZone(), now: store.now, size: size)
        state.stack.append(.thread(thread))
        state.thread = ThreadState(id: thread, anchor: nil)
        _ = reduce(&state, .threadLoaded(detail))
        let clock = ContinuousClock()
        var runs = [measure("no folds", state, size: size, clock: clock)]
        state.thread?.scroll = 0
        let started = clock.now
        _ = reduce(&state, .input(.key(.char("Z"))))
        let foldAll = clock.now - started
        runs.append(measure("all folded", state, size: size, clock: clock))
        return Result(runs: runs, foldAll: foldAll)
    }

    private static func measure(_ label: String, _ start: State, size: Size, clock: ContinuousClock) -> Run {
        var state = start
        var times: [Duration] = []
        // One unmeasured pass warms caches; `n` never leaves the thread here
        // (its effects are not run).
        for pass in 0..<2 {
            state = start
            for key in script {
                let began = clock.now
                _ = reduce(&state, .input(.key(key)))
                let grid = render(state, size: size)
                let took = clock.now - began
                if pass == 1 { times.append(took) }
                precondition(grid.width == size.width)
            }
        }
        return Run(label: label, folds: start.thread?.folds.folded.count ?? 0,
                   lines: start.thread?.document?.lines.count ?? 0, frameTimes: times)
    }
}
