import GRDB
import GRDBSQLite

/// Binds and steps a prepared GRDB statement through the SQLite C API, for the
/// index build's hot inserts where GRDB's argument boxing costs more than the
/// insert itself. Use only inside a GRDB write transaction.
///
/// Text is copied into a buffer the statement owns and bound from there without
/// SQLite making its own copy (one allocation less per value); the buffer is
/// reused once the statement has run and its bindings are cleared.
struct FastStatement {
    private let handle: OpaquePointer
    private let statement: Statement
    private let buffer: BindBuffer

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        buffer = BindBuffer()
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        // Native strings lend their bytes as they are; `withUTF8` would need a
        // mutable copy (a retain and a release for every value bound).
        if text.utf8.withContiguousStorageIfAvailable({ bind(index, bytes: $0) }) == nil {
            var copy = text
            copy.withUTF8 { bind(index, bytes: $0) }
        }
    }

    /// Binds UTF-8 text given as bytes (copied into the statement's buffer like `String` values).
    func bind(_ index: Int32, utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bind(index, bytes: $0) }
    }

    private func bind(_ index: Int32, bytes: UnsafeBufferPointer<UInt8>) {
        if let copy = buffer.hold(bytes) {
            _ = sqlite3_bind_text(handle, index, copy, Int32(bytes.count), nil)  // nil: SQLITE_STATIC
        } else {
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    /// Rows the last run changed (GRDB's `changesCount` checks the thread first,
    /// which costs more than this for every event of a build).
    var changes: Int { Int(sqlite3_changes(sqlite3_db_handle(handle))) }

    /// The rowid the last insert of this connection made.
    var lastRowID: Int64 { sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }

    /// Runs the statement to completion; returns the first column of the first row, if any.
    @discardableResult
    func run() throws -> Int64? {
        var result: Int64?
        try step { result = sqlite3_column_int64(handle, 0) }
        return result
    }

    /// Runs the statement to completion; returns the first column of the first row as text, if any.
    func text() throws -> String? {
        try first { $0.text(0) } ?? nil
    }

    /// Runs the statement to completion; returns what `read` makes of the first row, if any.
    func first<T>(_ read: (Columns) -> T) throws -> T? {
        var result: T?
        try step { result = read(Columns(handle: handle)) }
        return result
    }

    /// The columns of the row a statement is on.
    struct Columns {
        fileprivate let handle: OpaquePointer

        func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }

        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(handle, i) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
        }
    }

    /// Steps to the end, calling `firstRow` at the first row.
    private func step(_ firstRow: () -> Void) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            // SQLite no longer points into the buffer.
            buffer.reset()
        }
        var first = true
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_ROW {
                if first { firstRow() }
                first = false
                continue
            }
            if rc == SQLITE_DONE { return }
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw StoreError.index("SQLite error \(rc): \(message)")
        }
    }
}

/// Memory for the text bound to one statement until it runs. It never moves
/// (values that do not fit are left for SQLite to copy), so what is bound stays valid.
private final class BindBuffer {
    private static let capacity = 256 * 1024
    private let base = UnsafeMutableRawPointer.allocate(byteCount: BindBuffer.capacity, alignment: 8)
    private var used = 0

    deinit { base.deallocate() }

    /// A copy of `bytes` (NUL-free text need not be terminated), or nil when full.
    func hold(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard used + bytes.count <= Self.capacity else { return nil }
        let target = base + used
        if let source = bytes.baseAddress { target.copyMemory(from: source, byteCount: bytes.count) }
        used += bytes.count
        return UnsafePointer(target.assumingMemoryBound(to: CChar.self))
    }

    func reset() { used = 0 }
}
