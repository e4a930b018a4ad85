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
        @Flag(help: "Also print each query's result count.") var verbose = false

        func run() throws {
            try reportingErrors {
                let store = try Store.open(spaceFlag: global.space)
                let result = try SearchBenchmark.run(store: store, runs: max(1, runs))
                if verbose {
                    for (query, count) in zip(SearchBenchmark.queries, result.counts) { print("\(count)\t\(query)") }
                }
                print(result.report)
            }
        }
    }
}
