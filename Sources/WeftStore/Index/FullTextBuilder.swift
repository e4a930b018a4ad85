import Foundation
import WeftCore
import GRDB

/// Fills a new full-text file on its own thread during a build from scratch:
/// the applier hands over rows in batches and goes on with the index, so the
/// two files are written at the same time on two cores.
final class FullTextBuilder: @unchecked Sendable {
    private enum Op {
        case row(FullTextRow)
        case clear
        /// Writes the rows that wait for rowid order (``FullTextOrder``).
        case settle
    }

    private let queue: DatabaseQueue
    let path: String
    private let condition = NSCondition()
    // Guarded by `condition`.
    /// Batches sent and not yet taken, each handed over whole (appending their
    /// rows one by one would copy each, retaining every string in it).
    private var pending: [[Op]] = []
    /// Batches the thread has written, emptied, for the sender to fill again.
    private var spare: [[Op]] = []
    private var closed = false
    private var failure: (any Error)?
    // Touched only by the thread that sends.
    private var outgoing: [Op] = []
    private static let batchSize = 256
    private let done = DispatchSemaphore(value: 0)

    /// The generation both files of the new index record (see `Index.isCurrent`).
    let generation: String

    /// Creates the file at `path` (which must not exist) and starts its thread.
    init(path: String, generation: String) throws {
        self.path = path
        self.generation = generation
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.inDatabase { db in try FullTextSchema.create(db, schema: "main") }
        DispatchQueue.global().async { [self] in run() }
    }

    func send(_ row: consuming FullTextRow) {
        outgoing.append(.row(row))
        if outgoing.count >= Self.batchSize { flush() }
    }

    func clear() {
        outgoing.append(.clear)
        flush()
    }

    /// Says that the rows sent so far are all the build has for now: the rows
    /// kept back for rowid order are written while the sender goes on.
    func settle() {
        outgoing.append(.settle)
        flush()
    }

    private func flush() {
        condition.lock()
        // An emptied batch the thread gave back, if any: its memory is reused
        // (a new one each time cost this thread page faults).
        var batch = spare.popLast() ?? []
        condition.unlock()
        batch.reserveCapacity(Self.batchSize)
        swap(&batch, &outgoing)
        condition.lock()
        pending.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// Says that nothing more will be sent: the thread writes what is left,
    /// records the generation, commits, closes and syncs the file.
    func close() {
        flush()
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the thread to be done; throws what it met.
    func finish() throws {
        close()
        waitForThread()
        condition.lock()
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Returns once the thread has ended; may be called again (it signals on).
    private func waitForThread() {
        done.wait()
        done.signal()
    }

    /// Stops the thread and leaves the file to be deleted (a failed build).
    func abandon() {
        condition.lock()
        closed = true
        failure = failure ?? StoreError.index("abandoned")
        condition.signal()
        condition.unlock()
        waitForThread()
        try? queue.close()
    }

    private func run() {
        defer { done.signal() }
        do {
            try queue.inDatabase { db in
                try db.execute(sql: "BEGIN")
                // An error must not leave the transaction open: GRDB stops the
                // process at the end of an access that does.
                do {
                    // While building: a large in-memory buffer (fewer, bigger segments) and no
                    // merging on the way (about half the work); merging resumes afterwards.
                    for table in ["posts_fts", "notes_fts"] {
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('hashsize', 16777216)")
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('automerge', 0)")
                    }
                    let writer = try FullTextWriter(db, schema: "main")
                    var order = FullTextOrder()
                    func handle(_ op: consuming Op) throws {
                        switch op {
                        case .row(let r):
                            if let r = try writer.store(r), order.admit(r) { try writer.index(r) }
                        case .clear:
                            order = FullTextOrder()
                            try writer.clear()
                        case .settle:
                            for r in order.drain() { try writer.index(r) }
                            BuildPhases.note("full-text rows all written")
                            // Most likely nothing more comes: write and sync what there is
                            // now, while the sender finishes its own file, so that little
                            // is left to do once it is done.
                            try db.execute(sql: "COMMIT")
                            BuildPhases.note("full-text file committed")
                            try Index.sync(path)
                            BuildPhases.note("full-text file synced")
                            try db.execute(sql: "BEGIN")
                        }
                    }
                    while true {
                        condition.lock()
                        while pending.isEmpty && !closed { condition.wait() }
                        var batches: [[Op]] = []
                        swap(&batches, &pending)
                        // Once closed, nothing more is sent: this batch is the last.
                        let last = closed
                        let stop = failure != nil
                        condition.unlock()
                        if stop {
                            try db.execute(sql: "ROLLBACK")
                            return
                        }
                        // Each op is moved out of its batch, not copied (a copy retains
                        // every string of the row again, strings last touched on the
                        // other core); the emptied batches go back to the sender.
                        var emptied: [[Op]] = []
                        defer {
                            condition.lock()
                            spare.append(contentsOf: emptied)
                            condition.unlock()
                        }
                        batches.reverse()
                        while var batch = batches.popLast() {
                            batch.reverse()
                            while let op = batch.popLast() { try handle(op) }
                            emptied.append(batch)
                        }
                        if last { break }
                    }
                    for r in order.drain() { try writer.index(r) }
                    for table in ["posts_fts", "notes_fts"] {
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('automerge', 4)")
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('generation', ?)", arguments: [generation])
                    try db.execute(sql: "COMMIT")
                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
            try queue.close()
            try Index.sync(path)
            BuildPhases.note("full-text file done")
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
    }

}

/// The order a build from scratch writes full-text rows in. FTS5 collects terms
/// in memory and writes them out whenever a row's rowid is not above the last
/// one's, so each re-folded post (an edit) or decision note, whose rowid is an
/// old one, would cost a write of everything collected so far. Those rows wait
/// here, and are written at the end in rowid order: one such write in all.
///
/// A new post that a later event changes waits too (`waits`): removing a row
/// from a contentless table costs about as much as adding it (each of its terms
/// is written again, as a deletion), and a row still waiting is simply dropped
/// by that removal instead, so only the post's last version is written.
struct FullTextOrder {
    private struct Key: Hashable {
        var table: FullTextRow.Table
        var rowid: Int64
    }

    /// The last rowid written, and the highest with rows waiting, per table
    /// (plain fields: this runs for every row of a build).
    private var lastPost = Int64.min, lastNote = Int64.min
    private var highestWaitingPost = Int64.min, highestWaitingNote = Int64.min
    private var waiting: [Key: [FullTextRow]] = [:]

    /// Whether `row` may be written now; if not, it waits for ``drain()``.
    mutating func admit(_ row: FullTextRow) -> Bool {
        let posts = row.table == .posts
        let last = posts ? lastPost : lastNote
        let highestWaiting = posts ? highestWaitingPost : highestWaitingNote
        // A row whose rowid has rows waiting waits behind them, even above `last`.
        if row.waits || row.rowid <= last || (row.rowid <= highestWaiting && waiting[Key(table: row.table, rowid: row.rowid)] != nil) {
            let key = Key(table: row.table, rowid: row.rowid)
            if row.rowid > highestWaiting {
                if posts { highestWaitingPost = row.rowid } else { highestWaitingNote = row.rowid }
            }
            var rows = waiting.removeValue(forKey: key) ?? []
            // Adding a row and removing it again (with the values it was added
            // with, as every removal is) leaves the index as it was.
            if row.delete, let previous = rows.last, !previous.delete {
                rows.removeLast()
            } else {
                rows.append(row)
            }
            waiting[key] = rows
            return false
        }
        if posts { lastPost = row.rowid } else { lastNote = row.rowid }
        return true
    }

    /// The rows that waited, table by table in rowid order, each rowid's in the order they came.
    mutating func drain() -> [FullTextRow] {
        let keys = waiting.keys.sorted { ($0.table == .posts ? 0 : 1, $0.rowid) < ($1.table == .posts ? 0 : 1, $1.rowid) }
        // What is drained is written next: the last rowids written move up to it.
        lastPost = max(lastPost, highestWaitingPost)
        lastNote = max(lastNote, highestWaitingNote)
        highestWaitingPost = .min
        highestWaitingNote = .min
        defer { waiting = [:] }
        return keys.flatMap { waiting[$0] ?? [] }
    }
}
