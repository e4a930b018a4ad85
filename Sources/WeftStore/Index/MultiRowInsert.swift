import GRDB

/// An `INSERT` of up to 32 rows per statement, for a build's bulk writes.
/// Running a statement costs about as much again as a small row it inserts
/// (opening the table and its indexes, closing them, resetting): shared by 32
/// rows, that cost nearly goes. One statement is prepared per number of rows used.
final class MultiRowInsert {
    static let maxRows = 32

    private let db: Database
    private let head: String
    private let columns: Int
    private var statements: [FastStatement?] = Array(repeating: nil, count: MultiRowInsert.maxRows + 1)

    /// `head` is the statement up to `VALUES` (`INSERT INTO t(a, b)`), with `columns` columns.
    init(_ db: Database, _ head: String, columns: Int) {
        self.db = db
        self.head = head
        self.columns = columns
    }

    /// The statement for `rows` rows (1 … ``maxRows``); row `i`'s first parameter is `i * columns + 1`.
    func statement(rows: Int) throws -> FastStatement {
        if let s = statements[rows] { return s }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let s = try FastStatement(db, head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
        statements[rows] = s
        return s
    }

    /// Inserts `count` rows, ``maxRows`` at a time; `bind` binds row `index` from parameter `first`.
    func run(count: Int, bind: (_ statement: FastStatement, _ index: Int, _ first: Int32) -> Void) throws {
        var start = 0
        while start < count {
            let n = min(Self.maxRows, count - start)
            let s = try statement(rows: n)
            for i in 0..<n { bind(s, start + i, Int32(i * columns + 1)) }
            try s.run()
            start += n
        }
    }
}
