import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Who did what and when: posts, edits, redactions, roles, membership and visibility.",
        discussion: """
            Lists every event you may read, oldest first, with its author (the owner of the journal
            it was read from). Events that broke a rule (a role change by a non-admin, say) are
            listed and marked ignored. Boards you may not read are left out.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this board.") var board: String?
    @Option(help: ArgumentHelp("Only events at or after this time (7d, 12h, today, yesterday, 2026-11-20, ...).", valueName: "when"))
    var since: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try withStore(global) { store in
            let slug = try board.map { try store.existingBoard($0).slug }
            let from = try since.map { try SinceParser.parse($0, store: store) }
            let entries = try store.index.audit(board: slug, since: from)
            if output.json {
                return Output.json(entries.map {
                    AuditJSON(id: $0.id.rawValue, at: $0.at.iso8601, author: $0.author.rawValue, board: $0.board?.rawValue,
                              type: $0.type, detail: $0.detail)
                })
            }
            if entries.isEmpty { return print("Nothing happened\(since.map { " since \($0)" } ?? "").") }
            let clock = Clockface(store)
            var table = Table("WHEN", "WHO", "BOARD", "WHAT", "ID", "DETAIL")
            for e in entries {
                table.add(clock.full(e.at), e.author.rawValue, e.board?.rawValue ?? "-", e.type, e.id.short,
                          Inert.line(String(e.detail.prefix(60))))
            }
            print(table.render())
        }
    }
}

struct AuditJSON: Encodable {
    var id, at, author: String
    var board: String?
    var type, detail: String
}
