import Foundation
import WeftCore

/// Times search the way `weft search` and the search screen run it: 50 fixed
/// queries (words common and rare, phrases, prefixes, exclusions, OR, every
/// filter, accents and text without spaces) against a space made by
/// `weft dev generate`, each run several times after one warm-up.
/// `weft dev bench-search` prints the result.
public enum SearchBenchmark {
    /// Written for the generator's vocabulary (SyntheticSpace.words), its 20
    /// boards, its members user0…user49 and its dates (from 2026-01-05, about
    /// six weeks at 100,000 posts).
    public static let queries = [
        "budget", "release", "cafe", "naive", "resume", "decision", "\"release deploy\"", "\"weekly meeting\"",
        "depl*", "migr*", "est*", "budget roadmap", "latency incident", "schema migration index", "budget -roadmap",
        "release -deploy -review", "budget OR latency", "launch OR incident OR blocker", "検索", "日本語", "テキスト",
        "本語", "board:engineering budget", "board:design \"design review\"", "from:user7 release", "from:user12",
        "in:thread roadmap", "in:comment blocker", "in:status budget", "in:decision", "in:decision launch",
        "is:unread budget", "is:decided timeline", "is:open", "has:followup", "mentions:me",
        "after:2026-02-01 budget", "before:2026-01-15 review", "on:2026-01-20", "board:ops in:thread",
        "prototype feedback customer", "\"customer feedback\" -naive", "sync async journal terminal", "notes*",
        "weekly OR quarter board:finance", "board:security from:user3", "is:unread board:web", "zzzz",
        "metrics quarter -deploy", "backlog estimate blocker meeting",
    ]

    public struct Result: Sendable {
        /// Every timed run of every query, in milliseconds.
        public var times: [Double]
        /// The slowest query by its median, and that median.
        public var slowest: (query: String, ms: Double)
        /// Results per query (first run), to see what each one finds.
        public var counts: [Int]
        /// Each query's median time in milliseconds.
        public var medians: [Double]

        public func quantile(_ fraction: Double) -> Double {
            let sorted = times.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
        }

        public var report: String {
            String(format: "search over %d queries x %d runs (limit 50): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                   SearchBenchmark.queries.count, times.count / max(1, SearchBenchmark.queries.count),
                   quantile(0.5), quantile(0.9), quantile(0.99), times.max() ?? 0)
                + "\nslowest query (median): \(slowest.query) at " + String(format: "%.2f ms", slowest.ms)
        }
    }

    /// Runs every query `runs` times (after one untimed run) as `store`'s person.
    public static func run(store: Store, runs: Int = 5) throws -> Result {
        let zone = store.viewerTimeZone()
        let clock = ContinuousClock()
        var times: [Double] = []
        var counts: [Int] = []
        var medians: [Double] = []
        var slowest = (query: "", ms: 0.0)
        for text in queries {
            let query = try SearchQuery.parse(text, viewer: store.me, timeZone: zone, now: store.now)
            counts.append(try store.index.search(query, viewer: store.me, now: store.now).count)
            var mine: [Double] = []
            for _ in 0..<runs {
                let started = clock.now
                // Parsing is part of what a keystroke costs.
                let q = try SearchQuery.parse(text, viewer: store.me, timeZone: zone, now: store.now)
                _ = try store.index.search(q, viewer: store.me, now: store.now)
                let d = clock.now - started
                mine.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
            }
            times += mine
            let median = mine.sorted()[mine.count / 2]
            medians.append(median)
            if median > slowest.ms { slowest = (text, median) }
        }
        return Result(times: times, slowest: slowest, counts: counts, medians: medians)
    }
}
