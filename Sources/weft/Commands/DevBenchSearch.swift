import ArgumentParser
import WeftStore

extension DevCommand {
    /// Times the search engine over a fixed set of 50 queries.
    struct BenchSearch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-search",
            abstract: "Time 50 fixed searches on a generated space (p50, p99); see Docs/performance.md.",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Timed runs of each query.") var runs: Int = 5
        @Flag(help: "Also print each query's median time and result count.") var verbose = false

        func run() throws {
            try reportingErrors {
                let store = try Store.open(spaceFlag: global.space)
                let result = try SearchBenchmark.run(store: store, runs: max(1, runs))
                if verbose {
                    for (i, query) in SearchBenchmark.queries.enumerated() {
                        print(String(format: "%8.2f ms  %3d results  ", result.medians[i], result.counts[i]) + query)
                    }
                }
                print(result.report)
            }
        }
    }
}
