import ArgumentParser
import Foundation
import WeftApp
import WeftCore
import WeftStore

extension DevCommand {
    /// Frame time on the Thread screen with many folded reply trees.
    struct BenchFolds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-folds",
            abstract: "Time Thread-screen frames of one long thread, unfolded and with every reply tree folded.",
            discussion: """
                Writes a thread with --subtrees top-level comments, each with --replies replies, to the busiest \
                board of --space (once; a space from weft dev generate will do), then times keys and frames \
                with no folds and after Z folded them all.
                """,
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Top-level comments, each with replies (the folds).") var subtrees: Int = 1000
        @Option(help: "Replies to each top-level comment.") var replies: Int = 2

        func validate() throws {
            guard (1...100_000).contains(subtrees) else { throw ValidationError("--subtrees must be between 1 and 100000") }
            guard (1...100).contains(replies) else { throw ValidationError("--replies must be between 1 and 100") }
        }

        func run() throws {
            try withStore(global) { store in
                let title = "Fold benchmark \(subtrees)x\(replies)"
                let thread = try existing(title, in: store) ?? write(title, in: store)
                print(try FoldBenchmark.run(store: store, thread: thread).report)
            }
        }

        /// The benchmark's thread from an earlier run (it has the latest activity).
        private func existing(_ title: String, in store: Store) throws -> EventID? {
            for board in try store.index.boardActivity() {
                let rows = try store.index.threads(board: board.board.slug, viewer: store.me, limit: 20)
                if let row = rows.first(where: { $0.title == title }) { return row.id }
            }
            return nil
        }

        /// The thread and its comments, written to the journal in one append.
        private func write(_ title: String, in store: Store) throws -> EventID {
            guard let board = try store.index.boardActivity().max(by: { $0.threads < $1.threads })?.board.slug else {
                throw CommandError("the space has no boards; generate one with weft dev generate")
            }
            let head = try store.append(
                .threadCreated(ThreadCreated(title: title, blocks: Blocks.split("A long thread to fold."))), board: board)
            var rng = SystemRandomNumberGenerator()
            var at = head.at
            var lines: [String] = []
            func comment(_ parent: EventID?, _ body: String) -> EventID {
                at = Timestamp(milliseconds: at.milliseconds + 1)
                let event = Event(id: EventID.make(at: at, random: &rng), at: at, author: store.me,
                                  payload: .commentCreated(CommentCreated(thread: head.id, parent: parent, body: body)))
                lines.append(EventCodec.encode(event))
                return event.id
            }
            for tree in 0..<subtrees {
                let top = comment(nil, "Top-level comment \(tree + 1), with a line of text to wrap.")
                for reply in 0..<replies {
                    _ = comment(top, "Reply \(reply + 1) to comment \(tree + 1).")
                }
            }
            try JournalFile.append(lines, to: store.space.journalPath(store.journalName, board: board))
            _ = try store.index.catchUp()
            return head.id
        }
    }
}
