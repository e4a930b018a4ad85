import GRDB
import WeftCore

/// Who may read which board: the one rule search asks before showing a result
/// (and the place to plug a richer rule in, such as private-board members).
///
/// The index is per viewer and holds only the boards its viewer may read
/// (``SpaceAccess``, applied by the catch-up; on a shared host the kernel keeps
/// the files away too), so the standard rule reads everything in it. Tests
/// plug in narrower rules.
public struct BoardAccess: Sendable {
    public var canRead: @Sendable (_ board: Board, _ viewer: Handle) -> Bool

    public init(canRead: @escaping @Sendable (_ board: Board, _ viewer: Handle) -> Bool) {
        self.canRead = canRead
    }

    public static let standard = BoardAccess { _, _ in true }
}

/// The boards a viewer may read, as search needs them.
struct ReadableBoards: Sendable {
    /// Every board in the index is readable: no need to filter.
    var all: Bool
    var slugs: [String]

    /// An SQL condition on `column` (a board slug, NULL for space-level
    /// things, which everyone may read); "1" when nothing is hidden.
    func condition(_ column: String) -> String {
        if all { return "1" }
        if slugs.isEmpty { return "\(column) IS NULL" }
        let list = slugs.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
        return "(\(column) IS NULL OR \(column) IN (\(list)))"
    }
}

extension Index {
    /// The boards `viewer` may read under `access`.
    func readableBoards(viewer: Handle, access: BoardAccess) throws(StoreError) -> ReadableBoards {
        let boards: [Board] = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM boards").compactMap(Self.board)
        }
        let readable = boards.filter { access.canRead($0, viewer) }.map(\.slug.rawValue)
        return ReadableBoards(all: readable.count == boards.count, slugs: readable.sorted())
    }
}
