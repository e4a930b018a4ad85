import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search threads, comments, status updates and decisions.",
        discussion: """
            Words must all match (in any order, whole words, case and accents ignored:
            cafe finds Café). "exact phrase" (quote it for the shell too: '"launch plan"'),
            prefix*, -excluded, and OR between terms (budget OR costs). Characters of
            Chinese, Japanese and other scripts without spaces match anywhere in the text.
            Filters: board:SLUG, from:HANDLE, in:thread|comment|status|decision, is:unread,
            is:decided, is:open (open follow-ups), has:followup, mentions:me,
            before:DATE, after:DATE, on:DATE (DATE: 2026-11-20, today, yesterday, 7d, 2w,
            read in your time zone). Best matches first, recent ones boosted; with only
            filters, newest first. See Docs/search.md.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "At most this many results (1-1000).") var limit: Int = 20
    @OptionGroup var output: OutputOptions
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("What to find (see above).", valueName: "query"))
    var words: [String] = []

    /// The typed query: arguments joined by spaces; an argument with a space in
    /// it (a phrase the shell unquoted) is quoted again.
    var queryText: String {
        words.map { $0.contains(" ") && !$0.contains("\"") ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    func run() throws {
        try reportingErrors {
            guard (1...1000).contains(limit) else {
                throw CommandError("--limit \(limit) is out of range: give 1 to 1000")
            }
            try withStore(global) { store in
                let query: SearchQuery
                do throws(SearchQueryError) {
                    query = try SearchQuery.parse(queryText, viewer: store.me, timeZone: store.viewerTimeZone(), now: store.now)
                } catch {
                    throw CommandError(error.description)
                }
                let results = try store.index.search(query, viewer: store.me, now: store.now, limit: limit)
                if output.json { return Output.json(results.map(SearchResultJSON.init)) }
                if results.isEmpty { return print("Nothing found.") }
                let clock = Clockface(store)
                let emphasis = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                for r in results {
                    var head = [r.kind.rawValue, r.id.short, r.board.map { "#" + $0.rawValue } ?? "(space)",
                                r.author.rawValue, clock.full(r.at)]
                    if let title = r.threadTitle, r.kind != .status { head.append(Inert.line(title)) }
                    print(head.joined(separator: "  "))
                    let snippet = r.snippet.map { run in
                        let text = Inert.line(run.text)
                        return run.isMatch && emphasis ? "\u{1b}[1;4m" + text + "\u{1b}[0m" : text
                    }.joined()
                    print("    " + snippet)
                }
            }
        }
    }
}

/// A search result in `weft search --json`.
struct SearchResultJSON: Encodable {
    /// thread, comment, status or decision.
    var kind, id: String
    var board, thread, threadTitle: String?
    var author, at: String
    /// An excerpt around the first match.
    var snippet: String
    /// Where the matches are in `snippet`: [start, length] in Unicode code points.
    var highlights: [[Int]]
    var score: Double

    init(_ r: SearchResult) {
        kind = r.kind.rawValue
        id = r.id.rawValue
        board = r.board?.rawValue
        thread = r.thread?.rawValue
        threadTitle = r.threadTitle
        author = r.author.rawValue
        at = r.at.iso8601
        var text = ""
        var marks: [[Int]] = []
        var offset = 0
        for run in r.snippet {
            let n = run.text.unicodeScalars.count
            if run.isMatch { marks.append([offset, n]) }
            text += run.text
            offset += n
        }
        snippet = text
        highlights = marks
        score = r.score
    }
}
