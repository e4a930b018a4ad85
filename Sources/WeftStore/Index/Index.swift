import Foundation
import GRDB
import WeftCore

/// The derived index of a space: SQLite (WAL) under
/// `$XDG_CACHE_HOME/weft/<space-id>/index.sqlite`, with its FTS5 full-text
/// tables beside it in `index-search.sqlite` (attached as the `fts` schema).
///
/// It records how many bytes of each journal it has applied and catches up from
/// there; applying new lines and advancing the offsets happen in one immediate
/// transaction, so two processes catching up at once never apply a line twice or
/// skip one. Deleting it loses nothing: it is rebuilt from the journals. The
/// person's private state (read markers) is attached as the `st` schema so unread
/// counts are a join.
public final class Index: Sendable {
    let pool: any DatabaseWriter
    public let space: Space
    public let path: String
    /// The full-text file: `index-search.sqlite` next to `index.sqlite`.
    public var searchPath: String { Self.searchPath(for: path) }
    /// Set only while a build from scratch fills a new full-text file on another thread.
    let fullTextBuilder: FullTextBuilder?
    /// Whose index this is: boards this person may not read (``SpaceAccess``) are
    /// never indexed. Nil indexes every board (tools and tests).
    public let viewer: Handle?

    /// Opens (creating or rebuilding as needed) the index at `path` for `space`,
    /// with the private state database at `statePath` attached.
    public init(space: Space, path: String, statePath: String, viewer: Handle? = nil) throws(StoreError) {
        self.space = space
        self.path = path
        self.viewer = viewer
        fullTextBuilder = nil
        SQLiteProcess.prepare()
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: (statePath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw .notWritable((path as NSString).deletingLastPathComponent)
        }
        // The index holds private boards' text and the state what you read: yours alone.
        chmod((path as NSString).deletingLastPathComponent, 0o700)
        chmod((statePath as NSString).deletingLastPathComponent, 0o700)
        var config = Configuration()
        config.busyMode = .timeout(30)
        let searchPath = Self.searchPath(for: path)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "ATTACH DATABASE ? AS fts", arguments: [searchPath])
            try db.execute(sql: "PRAGMA fts.synchronous = NORMAL")
            try db.execute(sql: "ATTACH DATABASE ? AS st", arguments: [statePath])
            // Read markers and preferences in WAL: a commit need not wait for the disk
            // (a power cut may forget the last few markers, never corrupt them).
            try db.execute(sql: "PRAGMA st.synchronous = NORMAL")
        }
        // Opening switches the files to WAL and may create the schema; two processes
        // doing that at the same moment get SQLITE_BUSY without waiting, so opening
        // is serialised with a lock file next to the index.
        let lock = IndexLock(path)
        defer { lock.release() }
        do {
            var opened: DatabasePool?
            if FileManager.default.fileExists(atPath: path) && FileManager.default.fileExists(atPath: searchPath) {
                let candidate = try DatabasePool(path: path, configuration: config)
                // Checked holding both files' write locks, so a catch-up committing its
                // two files in another process is never seen half-way.
                let current = try candidate.writeWithoutTransaction { db in
                    var ok = false
                    try db.inTransaction(.immediate) {
                        ok = try Self.isCurrent(db, space: space)
                        return .commit
                    }
                    return ok
                }
                if current {
                    opened = candidate
                } else {
                    try candidate.close()
                }
            }
            if opened == nil {
                // A new index is built on the side without a journal, then moved into place:
                // there was none, or it was made by another version, or its two files
                // were not committed together (a crash between them).
                try Self.buildFresh(space: space, path: path, statePath: statePath, viewer: viewer)
                opened = try DatabasePool(path: path, configuration: config)
            }
            guard let pool = opened else { throw StoreError.index("cannot open \(path)") }
            self.pool = pool
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA fts.journal_mode = WAL")
                try db.execute(sql: "PRAGMA st.journal_mode = WAL")
                try PrivateTables.create(db)
                try RecentSearches.prepare(db)
                try PrivateSchema.create(db)
                try db.inTransaction(.immediate) {
                    try Self.prepareSchema(db, space: space)
                    return .commit
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .index("cannot open \(path): \(error)")
        }
    }

    /// Where the full-text file of the index at `path` is.
    static func searchPath(for path: String) -> String {
        (path.hasSuffix(".sqlite") ? String(path.dropLast(7)) : path) + "-search.sqlite"
    }

    /// Whether an index is of this version, for this space, and its full-text
    /// file was committed with it (both record the same generation).
    static func isCurrent(_ db: Database, space: Space) throws -> Bool {
        guard try db.tableExists("meta", in: "main"), try db.tableExists("meta", in: "fts") else { return false }
        let main = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM main.meta").map {
            ($0["key"] as String, $0["value"] as String)
        })
        let fts = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM fts.meta").map {
            ($0["key"] as String, $0["value"] as String)
        })
        return main["schema"] == IndexSchema.version && main["root"] == space.root && fts["schema"] == IndexSchema.version
            && main["generation"] != nil && main["generation"] == fts["generation"]
    }

    private init(space: Space, path: String, writer: any DatabaseWriter, viewer: Handle?, builder: FullTextBuilder) {
        self.space = space
        self.path = path
        self.viewer = viewer
        pool = writer
        fullTextBuilder = builder
    }

    /// Builds a complete index at `path` from the journals, as fast as SQLite allows:
    /// into `<path>.new` with no rollback journal and no syncing until the end, while
    /// another thread fills the full-text file the same way; then both are renamed
    /// into place. A failure leaves nothing behind. Callers hold the lock.
    static func buildFresh(space: Space, path: String, statePath: String, viewer: Handle?) throws(StoreError) {
        let tmp = path + ".new"
        let search = searchPath(for: path)
        let searchTmp = search + ".new"
        SQLiteProcess.prepare()
        unlink(tmp)
        unlink(searchTmp)
        var config = Configuration()
        config.prepareDatabase { db in
            // Bigger pages: fewer of them to split, write and index (about 10% faster).
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "ATTACH DATABASE ? AS st", arguments: [statePath])
        }
        var builder: FullTextBuilder?
        do {
            // The two files record one generation: at open, a pair that differs is rebuilt.
            let generation = UUID().uuidString
            let fullText = try FullTextBuilder(path: searchTmp, generation: generation)
            builder = fullText
            let queue = try DatabaseQueue(path: tmp, configuration: config)
            try queue.writeWithoutTransaction { db in
                try PrivateTables.create(db)
                try PrivateSchema.create(db)
                try Self.prepareSchema(db, space: space)
            }
            BuildPhases.start()
            try Index(space: space, path: tmp, writer: queue, viewer: viewer, builder: fullText).catchUp()
            // Nothing more is sent: the other thread commits and syncs its file meanwhile.
            fullText.close()
            BuildPhases.mark("commit")
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('generation', ?)", arguments: [generation])
            }
            try queue.close()
            try sync(tmp)
            BuildPhases.mark("close and sync")
            try fullText.finish()
            builder = nil
            BuildPhases.mark("wait for the full-text file")
            // A journal left by an earlier index must not be replayed into this one.
            for suffix in ["-wal", "-shm"] {
                unlink(path + suffix)
                unlink(search + suffix)
            }
            guard rename(searchTmp, search) == 0 else {
                throw StoreError.io(search, "cannot move the new full-text index into place: \(errnoText())")
            }
            guard rename(tmp, path) == 0 else { throw StoreError.io(path, "cannot move the new index into place: \(errnoText())") }
        } catch let e {
            builder?.abandon()
            unlink(tmp)
            unlink(searchTmp)
            if let e = e as? StoreError { throw e }
            throw .index("cannot build \(path): \(e)")
        }
    }

    /// Writes a file's data to the disk (what a new index does before it is
    /// renamed into place, so a power cut cannot leave a renamed, empty file).
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path, "cannot open to sync: \(errnoText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io(path, "cannot sync: \(errnoText())") }
    }

    /// Replaces the index at `path` with one built from scratch (what `weft index
    /// rebuild` does). Processes that have the old file open keep reading it until
    /// they open the index again; both are complete caches of the same journals.
    public static func replace(space: Space, path: String, statePath: String, viewer: Handle? = nil) throws(StoreError) -> CatchUpReport {
        do {
            // Released before opening the new index, whose init takes the same lock.
            let lock = IndexLock(path)
            defer { lock.release() }
            try buildFresh(space: space, path: path, statePath: statePath, viewer: viewer)
        }
        let fresh = try Index(space: space, path: path, statePath: statePath, viewer: viewer)
        let stats = try fresh.stats()
        var report = CatchUpReport()
        report.rebuilt = true
        report.eventsApplied = stats["applied"] ?? 0
        report.journals = stats["journals"] ?? 0
        report.newProblems = try fresh.problems().count
        return report
    }

    /// Creates the schema where it is missing. (An index of another version or
    /// space is rebuilt from scratch before it is opened: see ``isCurrent``.)
    private static func prepareSchema(_ db: Database, space: Space) throws {
        if try !db.tableExists("meta", in: "main") {
            try IndexSchema.create(db)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES('root', ?)", arguments: [space.root])
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES('space', ?)", arguments: [space.id])
        }
    }

    /// Empties the index and applies every journal from the start, in one transaction.
    @discardableResult
    public func rebuild() throws(StoreError) -> CatchUpReport {
        try catchUp(fromScratch: true)
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw .index("\(error)") }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let r = result else { throw StoreError.index("transaction produced nothing") }
                return r
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .index("\(error)")
        }
    }
}

/// An exclusive `flock` on `<index>.lock`, held while an index is opened or built.
/// It is per open file, so a process must not take it twice.
struct IndexLock {
    private let fd: Int32

    init(_ indexPath: String) {
        fd = open(indexPath + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { _ = flock(fd, LOCK_EX) }
    }

    func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
