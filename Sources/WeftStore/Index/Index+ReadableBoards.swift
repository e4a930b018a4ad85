import GRDB
import WeftCore

extension Index {
    /// The boards `viewer` may read, as `canRead` says (``BoardAccess/standard``
    /// unless a test plugs in another rule). Every query that gathers across
    /// boards (the digest, decisions, check-ins) asks here.
    public func readableBoards(viewer: Handle, canRead: (Board, Handle) -> Bool = BoardAccess.standard.canRead)
        throws(StoreError) -> Set<BoardSlug>
    {
        try read { db in
            Set(try Row.fetchAll(db, sql: "SELECT * FROM boards").compactMap(Self.board).filter { canRead($0, viewer) }.map(\.slug))
        }
    }
}
