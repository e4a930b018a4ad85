import GRDB
import WeftCore

/// Who may read which board. Every query that gathers across boards (the digest,
/// decisions, check-ins) asks here, so that private boards plug in in one place.
public enum BoardAccess {
    /// Today every board in the index is readable: the operating system keeps a
    /// private board's journals away from people who may not read them, so their
    /// events never reach that person's index.
    public static func canRead(_ board: Board, viewer: Handle) -> Bool {
        switch board.visibility {
        case .public: true
        case .private: true
        }
    }
}

extension Index {
    /// The boards `viewer` may read, as ``BoardAccess`` says.
    public func readableBoards(viewer: Handle, canRead: (Board, Handle) -> Bool = BoardAccess.canRead) throws(StoreError) -> Set<BoardSlug> {
        try read { db in
            Set(try Row.fetchAll(db, sql: "SELECT * FROM boards").compactMap(Self.board).filter { canRead($0, viewer) }.map(\.slug))
        }
    }
}
