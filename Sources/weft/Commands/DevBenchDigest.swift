import ArgumentParser
import Foundation
import WeftCore
import WeftStore

extension DevCommand {
    /// Times building one person's weekly digest from the index.
    struct BenchDigest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-digest",
            abstract: "Time the weekly digest of one week (from the index; warm, 20 runs).",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The week (default: the generated space's busiest, 2026-W03).") var week: String = "2026-W03"
        @Option(help: "Whose digest (read only; default user1 of a generated space).") var viewer: String = "user1"
        @Option(help: "How many timed runs.") var runs: Int = 20

        /// CPU time this thread has used, in milliseconds.
        static func threadCPU() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
        }

        func run() throws {
            try reportingErrors {
                guard let w = ISOWeek(parsing: week) else { throw CommandError("cannot read --week '\(week)'") }
                let who = try Handle(viewer)
                let opened = Date()
                let store = try Store.open(spaceFlag: global.space)
                let openMS = Date().timeIntervalSince(opened) * 1000
                let zone = try store.index.member(who)?.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
                let now = WeekCalendar(zone).interval(of: w).upperBound.adding(seconds: -3600)
                var times: [Double] = []
                var cpu: [Double] = []
                var parts: [String: [Double]] = [:]
                var order: [String] = []
                var digest: Digest?
                for i in 0...max(1, runs) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let cpuStart = Self.threadCPU()
                    digest = try store.index.digest(viewer: who, week: w, zone: zone, now: now, profile: i == 0 ? nil : { part, ms in
                        if parts[part] == nil { order.append(part) }
                        parts[part, default: []].append(ms)
                    })
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                    if i > 0 {  // the first run warms SQLite's page cache
                        times.append(ms)
                        cpu.append(Self.threadCPU() - cpuStart)
                    }
                }
                times.sort()
                func pct(_ p: Double) -> String { String(format: "%.1f", times[min(times.count - 1, Int(Double(times.count) * p))]) }
                let c = digest?.counts ?? Digest.Counts()
                print("digest \(w) for \(who) (\(zone.identifier)): \(c.threads) threads, \(c.comments) comments, "
                      + "\(c.statusUpdates) status updates, \(c.decisions) decisions, \(c.activePeople) people, "
                      + "\(digest?.sections.reduce(0) { $0 + $1.itemCount } ?? 0) items")
                print(String(format: "store open + catch-up: %.1f ms", openMS))
                print("digest over \(times.count) runs: p50 \(pct(0.5)) ms, p95 \(pct(0.95)) ms, max \(pct(1.0)) ms")
                cpu.sort()
                print(String(format: "CPU time of this thread per digest: p50 %.1f ms (on a busy machine wall time waits for the CPU)",
                             cpu[cpu.count / 2]))
                print("median per part: " + order.map { part -> String in
                    let sorted = (parts[part] ?? [0]).sorted()
                    return part + String(format: " %.1f", sorted[sorted.count / 2])
                }.joined(separator: ", ") + " ms")
            }
        }
    }
}
