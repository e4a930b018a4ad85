import Foundation
import GRDB
import WeftCore

extension Index {
    /// A build from nothing: reads every journal, then applies all their events
    /// in time order (`at`, then id) rather than file by file.
    ///
    /// Posts then get rowids in creation order, which search relies on to walk
    /// matches newest first, and the tables keyed by UUIDv7 ids (which start with
    /// their time) grow at their end instead of everywhere at once.
    /// Access events are recorded from every journal; nothing else of a board in
    /// `hidden` (one the viewer may not read) enters the index.
    func applyInTimeOrder(_ found: [Space.JournalLocation], db: Database, hidden: Set<BoardSlug>,
                          applier: inout EventApplier, report: inout CatchUpReport) throws {
        var loaded: [(journal: Space.JournalLocation, id: Int64, batch: JournalReader.Batch)] = []
        var order: [(at: Int64, batch: Int32, event: Int32)] = []
        for j in found {
            report.journals += 1
            try db.cachedStatement(sql: """
                INSERT INTO journals(path, board, author, device, offset, lines) VALUES(?, ?, ?, ?, 0, 0)
                ON CONFLICT(path) DO NOTHING
                """).execute(arguments: [j.relativePath, j.board?.rawValue, j.name.handle.rawValue, j.name.device.rawValue])
            let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM journals WHERE path = ?"),
                                        arguments: [j.relativePath]) ?? 0
            let bytes = try JournalFile.read(j.absolutePath, from: 0)
            let batch = JournalReader.parse(bytes, path: j.relativePath, name: j.name, board: j.board, firstLine: 1)
            let boardHidden = j.board.map(hidden.contains) ?? false
            let b = Int32(loaded.count)
            for (i, e) in batch.events.enumerated() {
                if SpaceAccess.isAccessEvent(e.event.event.payload) {
                    try Self.recordAccessEvent(db, e.event, journal: j.relativePath, line: e.line,
                                               text: String(decoding: bytes[e.offset..<(e.offset + e.length)], as: UTF8.self))
                }
                if !boardHidden { order.append((e.event.event.at.milliseconds, b, Int32(i))) }
            }
            loaded.append((j, id, batch))
        }
        BuildTiming.mark("read+parse")
        order.sort { x, y in
            if x.at != y.at { return x.at < y.at }
            let a = loaded[Int(x.batch)].batch.events[Int(x.event)].event.event.id.rawValue
            let c = loaded[Int(y.batch)].batch.events[Int(y.event)].event.event.id.rawValue
            return a < c
        }
        BuildTiming.mark("sort")
        if applier.firstBuild {
            // The entities some later event changes: only those need their history kept.
            for o in order {
                let stored = loaded[Int(o.batch)].batch.events[Int(o.event)].event
                if !EventApplier.creates(stored.event.payload) { applier.changing.insert(EventApplier.key(stored)) }
            }
        }
        for o in order {
            let entry = loaded[Int(o.batch)]
            let e = entry.batch.events[Int(o.event)]
            if try applier.apply(e.event, journal: entry.id, line: e.line, offset: Int64(e.offset), length: e.length) {
                report.eventsApplied += 1
            } else {
                report.duplicates += 1
            }
        }
        BuildTiming.mark("apply")
        for entry in loaded {
            let batch = entry.batch
            let boardHidden = entry.journal.board.map(hidden.contains) ?? false
            for p in batch.problems where !boardHidden {
                let transient = batch.incompleteTail && p.line == batch.lines + 1
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO problems(journal, line, reason, transient) VALUES(?, ?, ?, ?)")
                    .execute(arguments: [p.journal, p.line, p.reason, transient])
                if !transient { report.newProblems += 1 }
            }
            report.linesRead += batch.lines
            try db.cachedStatement(sql: "UPDATE journals SET offset = ?, lines = ? WHERE id = ?")
                .execute(arguments: [Int64(batch.consumed), batch.lines, entry.id])
        }
    }
}
