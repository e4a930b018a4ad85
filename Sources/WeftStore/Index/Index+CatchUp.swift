import Foundation
import GRDB
import WeftCore

/// What one catch-up did.
public struct CatchUpReport: Sendable, Equatable {
    public var journals = 0
    public var linesRead = 0
    public var eventsApplied = 0
    public var duplicates = 0
    public var newProblems = 0
    public var rebuilt = false
}

extension Index {
    /// Applies whatever the journals gained since the last catch-up.
    @discardableResult
    public func catchUp() throws(StoreError) -> CatchUpReport {
        try catchUp(fromScratch: false)
    }

    func catchUp(fromScratch: Bool) throws(StoreError) -> CatchUpReport {
        // On a shared space, journals not owned by their handle's user are never read.
        let (found, rejected) = space.trustedJournals()
        if !fromScratch {
            // Cheap check without the write lock: has any journal changed size?
            let (known, reported): ([String: Int64], Set<String>) = try read { db in
                var m: [String: Int64] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT path, offset FROM journals") {
                    m[row["path"]] = row["offset"]
                }
                return (m, Set(try String.fetchAll(db, sql: "SELECT journal FROM problems WHERE line = 0")))
            }
            let unchanged = found.count == known.count && found.allSatisfy { j in
                known[j.relativePath] == fileSize(j.absolutePath)
            } && rejected.allSatisfy { reported.contains($0.path) }
            if unchanged { return CatchUpReport() }
        }
        return try write { db in
            var report = CatchUpReport()
            let fullText: FullTextSink = try fullTextBuilder.map { .builder($0) } ?? .inline(FullTextWriter(db, schema: "fts"))
            // Which boards the viewer may not read, as far as the index knows now.
            let hidden = try hiddenBoards(db)
            var restart = fromScratch
            if !restart {
                // A journal that is gone, or that the viewer can no longer read (removed
                // from a private board), takes what it said out of the index at once.
                let present = Set(found.map(\.relativePath))
                restart = try String.fetchAll(db, sql: "SELECT path FROM journals").contains { !present.contains($0) }
            }
            if restart {
                try Self.clear(db, fullText: fullText)
                report.rebuilt = true
            }
            try db.execute(sql: "PRAGMA cache_size = -65536")
            let firstBuild = try Int.fetchOne(db, sql: "SELECT count(*) FROM journals") == 0
            var applier = try EventApplier(db, root: space.root, firstBuild: firstBuild, fullText: fullText)
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            if firstBuild {
                // A build from nothing applies every journal's events in time order.
                try applyInTimeOrder(found, db: db, hidden: hidden, applier: &applier, report: &report)
            } else {
                for j in found {
                    let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT offset, lines FROM journals WHERE path = ?"), arguments: [j.relativePath])
                    var offset: Int64 = row?["offset"] ?? 0
                    var lines: Int = row?["lines"] ?? 0
                    let size = fileSize(j.absolutePath)
                    if size < offset {
                        // Someone rewrote a journal: lines we applied are gone. Start over.
                        try Self.clear(db, fullText: fullText)
                        try db.cachedStatement(sql: "INSERT INTO problems(journal, line, reason) VALUES(?, 0, ?)").execute(arguments: [j.relativePath, "the journal shrank from \(offset) to \(size) bytes: it was rewritten, not appended to; the index was rebuilt"])
                        report.rebuilt = true
                        applier = try EventApplier(db, root: space.root, firstBuild: true, fullText: fullText)
                        try applyInTimeOrder(found, db: db, hidden: hidden, applier: &applier, report: &report)
                        break
                    }
                    try db.cachedStatement(sql: "DELETE FROM problems WHERE journal = ? AND transient = 1").execute(arguments: [j.relativePath])
                    if size == offset && row != nil { continue }
                    try apply(journal: j, db: db, hidden: hidden, applier: &applier, offset: &offset, lines: &lines, report: &report)
                }
            }
            try applier.finish()
            // New access events may have shown or hidden a board: build again with the new rule.
            let nowHidden = try hiddenBoards(db)
            if nowHidden != hidden {
                let problems = try Row.fetchAll(db, sql: "SELECT journal, line, reason FROM problems WHERE transient = 0")
                try Self.clear(db, fullText: fullText)
                report.rebuilt = true
                applier = try EventApplier(db, root: space.root, firstBuild: true, fullText: fullText)
                try applyInTimeOrder(found, db: db, hidden: nowHidden, applier: &applier, report: &report)
                try applier.finish()
                for p in problems {
                    try db.execute(sql: "INSERT OR IGNORE INTO problems(journal, line, reason) VALUES(?, ?, ?)",
                                   arguments: [p["journal"] as String, p["line"] as Int, p["reason"] as String])
                }
            }
            try recordAccessProblems(db, rejected: rejected)
            applier.releaseMemory()
            BuildPhases.mark("members, problems")
            if fullTextBuilder == nil {
                // Both files change in this transaction; a crash between their commits
                // leaves different generations, and the next open rebuilds.
                let generation = UUID().uuidString
                try db.execute(sql: "INSERT OR REPLACE INTO main.meta(key, value) VALUES('generation', ?)", arguments: [generation])
                try db.execute(sql: "INSERT OR REPLACE INTO fts.meta(key, value) VALUES('generation', ?)", arguments: [generation])
            }
            return report
        }
    }

    private func apply(journal j: Space.JournalLocation, db: Database, hidden: Set<BoardSlug>, applier: inout EventApplier,
                       offset: inout Int64, lines: inout Int, report: inout CatchUpReport) throws {
        report.journals += 1
        let journalID = try Self.register(j, db: db, offset: offset, lines: lines)
        let bytes = try JournalFile.read(j.absolutePath, from: offset)
        let batch = JournalReader.parse(bytes, path: j.relativePath, name: j.name, board: j.board, firstLine: lines + 1)
        let boardHidden = j.board.map(hidden.contains) ?? false
        for (line, stored, start, length) in batch.events {
            if SpaceAccess.isAccessEvent(stored.event.payload) {
                try Self.recordAccessEvent(db, stored, journal: j.relativePath, line: line,
                                           text: String(decoding: bytes[start..<(start + length)], as: UTF8.self))
            }
            // Nothing of a board the viewer may not read enters their index.
            if boardHidden { continue }
            if try applier.apply(stored, journal: journalID, line: line, offset: offset + Int64(start), length: length) {
                report.eventsApplied += 1
            } else {
                report.duplicates += 1
            }
        }
        try Self.finishReading(batch, journal: journalID, db: db, hidden: boardHidden, offset: &offset, lines: &lines,
                               report: &report)
    }

    /// The journal's row in `journals` (made if new, at `offset` and `lines`); its id.
    static func register(_ j: Space.JournalLocation, db: Database, offset: Int64, lines: Int) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO journals(path, board, author, device, offset, lines) VALUES(?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO NOTHING
            """).execute(arguments: [j.relativePath, j.board?.rawValue, j.name.handle.rawValue, j.name.device.rawValue, offset, lines])
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM journals WHERE path = ?"), arguments: [j.relativePath]) ?? 0
    }

    /// After a journal's new lines were applied from `offset`/`lines`: records its
    /// problems (not for a board the viewer may not read) and moves both on.
    static func finishReading(_ batch: JournalReader.Batch, journal: Int64, db: Database, hidden: Bool,
                              offset: inout Int64, lines: inout Int, report: inout CatchUpReport) throws {
        for p in batch.problems where !hidden {
            let transient = batch.incompleteTail && p.line == lines + batch.lines + 1
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO problems(journal, line, reason, transient) VALUES(?, ?, ?, ?)")
                .execute(arguments: [p.journal, p.line, p.reason, transient])
            if !transient { report.newProblems += 1 }
        }
        offset += Int64(batch.consumed)
        lines += batch.lines
        report.linesRead += batch.lines
        try db.cachedStatement(sql: "UPDATE journals SET offset = ?, lines = ? WHERE id = ?").execute(arguments: [offset, lines, journal])
    }

    static func clear(_ db: Database, fullText: FullTextSink) throws {
        for t in IndexSchema.dataTables { try db.execute(sql: "DELETE FROM main.\(t)") }
        try fullText.clear()
    }
}

func fileSize(_ path: String) -> Int64 {
    var st = stat()
    return lstat(path, &st) == 0 ? Int64(st.st_size) : -1
}
