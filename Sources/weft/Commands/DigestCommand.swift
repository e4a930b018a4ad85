import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Your weekly digest: what happened in a week and what is waiting for you.",
        discussion: """
            Weeks are ISO weeks (Monday to Sunday) in your time zone. Without --week or
            --date the digest covers this week so far. --format email writes a complete
            message to the address in your profile ('weft profile set --email'), ready
            for 'weft digest --format email | sendmail -t'.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The ISO week, e.g. 2026-W47.") var week: String?
    @Option(help: "The week that holds this day, e.g. 2026-11-20.") var date: String?
    @Option(help: "text, markdown, json or email.") var format: String = "text"

    enum Format: String, CaseIterable { case text, markdown, json, email }

    func run() throws {
        try reportingErrors {
            guard let f = Format(rawValue: format.lowercased()) else {
                throw CommandError("unknown --format '\(format)': use text, markdown, json or email")
            }
            if week != nil && date != nil { throw CommandError("give --week or --date, not both") }
            var chosen: ISOWeek?
            if let week {
                guard let w = ISOWeek(parsing: week) else {
                    throw CommandError("cannot read --week '\(week)': use an ISO week such as 2026-W47 (weeks 01-52, or 53 in long years)")
                }
                chosen = w
            }
            if let date {
                guard let d = CivilDay(parsing: date) else { throw CommandError("cannot read --date '\(date)': use a day such as 2026-11-20") }
                chosen = ISOWeek(containing: d)
            }
            try withStore(global) { store in
                let w = chosen ?? store.currentWeek()
                if f == .email, try store.index.member(store.me)?.email == nil {
                    throw CommandError("no e-mail address in your profile: set one with 'weft profile set --email ADDRESS'")
                }
                let digest = try store.digest(week: w)
                switch f {
                case .text: print(DigestText.render(digest), terminator: "")
                case .markdown: print(DigestMarkdown.render(digest), terminator: "")
                case .json: Output.json(DigestJSON(digest))
                case .email:
                    let me = try store.index.member(store.me)
                    let address = me?.email ?? ""
                    var rng = SystemRandomNumberGenerator()
                    let unique = EventID.make(at: store.now, random: &rng).rawValue
                    let domain = address.split(separator: "@").last.map(String.init) ?? "weft.invalid"
                    let envelope = DigestEmail.Envelope(toAddress: address, toName: me?.name, fromAddress: address,
                                                        spaceName: store.space.name, messageID: "weft-digest.\(w).\(unique)@\(domain)",
                                                        boundary: unique.replacingOccurrences(of: "-", with: ""))
                    FileHandle.standardOutput.write(Data(DigestEmail.render(digest, envelope).utf8))
                }
            }
        }
    }
}

/// `weft digest --format json`: the same sections as the text, with UTC times.
struct DigestJSON: Encodable {
    struct Counts: Encodable { var threads, comments, statusUpdates, decisions, activePeople: Int }
    struct Item: Encodable {
        var kind, id, author, at, title: String
        var thread, board, text, note: String?
        var highlight: Bool
    }
    struct Group: Encodable {
        var heading: String?
        var items: [Item]
    }
    struct Section: Encodable {
        var kind, title: String
        var groups: [Group]
    }
    var viewer, week, timeZone, start, end, generatedAt: String
    var counts: Counts
    var sections: [Section]

    init(_ d: Digest) {
        viewer = d.viewer.rawValue
        week = d.week.description
        timeZone = d.timeZone
        start = d.interval.lowerBound.iso8601
        end = d.interval.upperBound.iso8601
        generatedAt = d.generatedAt.iso8601
        counts = Counts(threads: d.counts.threads, comments: d.counts.comments, statusUpdates: d.counts.statusUpdates,
                        decisions: d.counts.decisions, activePeople: d.counts.activePeople)
        sections = d.sections.map { s in
            Section(kind: s.kind.rawValue, title: s.title, groups: s.groups.map { g in
                Group(heading: g.heading, items: g.items.map { i in
                    Item(kind: i.kind.rawValue, id: i.id.rawValue, author: i.author.rawValue, at: i.at.iso8601, title: i.title,
                         thread: i.thread?.rawValue, board: i.board?.rawValue, text: i.text, note: i.note, highlight: i.highlight)
                })
            })
        }
    }
}
