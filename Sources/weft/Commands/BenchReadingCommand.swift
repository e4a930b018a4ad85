import ArgumentParser
import Foundation
import WeftCore
import WeftStore

extension DevCommand {
    struct BenchReading: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-reading",
            abstract: "Time catching up the busiest board (all of it, and its unread-only view) and a filtered page.",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many runs of each measurement.") var runs: Int = 5

        func run() throws {
            try withStore(global) { store in
                let index = store.index
                guard let busiest = try index.boardActivity().max(by: { $0.threads < $1.threads }) else {
                    throw CommandError("the space has no boards; generate one with weft dev generate")
                }
                let board = busiest.board.slug
                let clock = ContinuousClock()
                func ms(_ d: Duration) -> String {
                    String(format: "%.1f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
                }
                print("board \(board): \(busiest.threads) threads")
                for options in [ThreadListOptions.default, ThreadListOptions(filters: [.unread])] {
                    var times: [Duration] = []
                    var marked = 0
                    for _ in 0..<runs {
                        try index.markBoardUnread(board)
                        let start = clock.now
                        marked = try index.catchUp(board: board, viewer: store.me, options: options).threads
                        times.append(clock.now - start)
                    }
                    times.sort()
                    let label = options.isDefault ? "catch up (whole board)" : "catch up (unread view)"
                    print("\(label): \(marked) threads, median \(ms(times[times.count / 2])), max \(ms(times.last ?? .zero))")
                }
                try index.markBoardUnread(board)
                for options in [ThreadListOptions(filters: [.unread]), ThreadListOptions(sort: .unread),
                                ThreadListOptions(filters: [.mine], sort: .created)] {
                    var times: [Duration] = []
                    for _ in 0..<runs {
                        let start = clock.now
                        _ = try index.threadCount(board: board, viewer: store.me, options: options)
                        _ = try index.threads(board: board, viewer: store.me, options: options, from: nil, direction: .down, limit: 120)
                        times.append(clock.now - start)
                    }
                    times.sort()
                    print("count + first page [\(options.summary)]: median \(ms(times[times.count / 2]))")
                }
            }
        }
    }
}
