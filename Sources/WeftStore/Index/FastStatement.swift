import GRDB
import GRDBSQLite

/// Binds and steps a prepared GRDB statement through the SQLite C API, for the
/// index build's hot inserts where GRDB's argument boxing costs more than the
/// insert itself. Use only inside a GRDB write transaction.
struct FastStatement {
    private let handle: OpaquePointer
    private let statement: Statement

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { buf in
            _ = sqlite3_bind_text(handle, index, buf.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(buf.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    /// Runs the statement to completion; returns the first column of the first row, if any.
    @discardableResult
    func run() throws -> Int64? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var result: Int64?
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_ROW {
                if result == nil { result = sqlite3_column_int64(handle, 0) }
                continue
            }
            if rc == SQLITE_DONE { return result }
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw StoreError.index("SQLite error \(rc): \(message)")
        }
    }
}
