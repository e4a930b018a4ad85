import Foundation
import GRDB
import WeftCore

extension Index {
    /// A build from nothing: reads every journal (on all cores), then applies all
    /// their events in time order (`at`, then id) rather than file by file.
    ///
    /// Posts then get rowids in creation order, which search relies on to walk
    /// matches newest first, and the tables keyed by UUIDv7 ids (which start with
    /// their time) grow at their end instead of everywhere at once.
    /// Access events are recorded from every journal; nothing else of a board in
    /// `hidden` (one the viewer may not read) enters the index.
    func applyInTimeOrder(_ found: [Space.JournalLocation], db: Database, hidden: Set<BoardSlug>,
                          applier: inout EventApplier, report: inout CatchUpReport) throws {
        let decoded = ParallelReader.read(found, prepare: EventApplier.Derived.init)
        BuildPhases.mark("read and decode")
        var ids: [Int64] = []
        var order: [(at: Int64, batch: Int32, event: Int32)] = []
        order.reserveCapacity(decoded.reduce(0) { $0 + $1.times.count })
        for (b, j) in found.enumerated() {
            if let failure = decoded[b].failure { throw failure }
            report.journals += 1
            try db.cachedStatement(sql: """
                INSERT INTO journals(path, board, author, device, offset, lines) VALUES(?, ?, ?, ?, 0, 0)
                ON CONFLICT(path) DO NOTHING
                """).execute(arguments: [j.relativePath, j.board?.rawValue, j.name.handle.rawValue, j.name.device.rawValue])
            ids.append(try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM journals WHERE path = ?"),
                                          arguments: [j.relativePath]) ?? 0)
            for (i, text) in decoded[b].accessTexts.sorted(by: { $0.key < $1.key }) {
                let e = decoded[b].batch.events[i]
                try Self.recordAccessEvent(db, e.event, journal: j.relativePath, line: e.line, text: text)
            }
            if j.board.map(hidden.contains) ?? false { continue }
            for (i, at) in decoded[b].times.enumerated() { order.append((at, Int32(b), Int32(i))) }
            if applier.firstBuild {
                for d in decoded[b].prepared where !d.creates { applier.changing.insert(d.key) }
            }
        }
        order.sort { x, y in
            if x.at != y.at { return x.at < y.at }
            return decoded[Int(x.batch)].batch.events[Int(x.event)].event.event.id.rawValue
                < decoded[Int(y.batch)].batch.events[Int(y.event)].event.event.id.rawValue
        }
        BuildPhases.mark("order")
        for o in order {
            let (b, i) = (Int(o.batch), Int(o.event))
            // Read in place: copying the tuple would retain every string of the event.
            if try applier.apply(decoded[b].batch.events[i].event, derived: decoded[b].prepared[i], journal: ids[b],
                                 line: decoded[b].batch.events[i].line, offset: Int64(decoded[b].batch.events[i].offset),
                                 length: decoded[b].batch.events[i].length) {
                report.eventsApplied += 1
            } else {
                report.duplicates += 1
            }
        }
        BuildPhases.mark("apply")
        for (b, j) in found.enumerated() {
            let batch = decoded[b].batch
            let boardHidden = j.board.map(hidden.contains) ?? false
            for p in batch.problems where !boardHidden {
                let transient = batch.incompleteTail && p.line == batch.lines + 1
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO problems(journal, line, reason, transient) VALUES(?, ?, ?, ?)")
                    .execute(arguments: [p.journal, p.line, p.reason, transient])
                if !transient { report.newProblems += 1 }
            }
            report.linesRead += batch.lines
            try db.cachedStatement(sql: "UPDATE journals SET offset = ?, lines = ? WHERE id = ?")
                .execute(arguments: [Int64(batch.consumed), batch.lines, ids[b]])
        }
    }
}
