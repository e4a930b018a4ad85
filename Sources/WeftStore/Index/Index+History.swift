import GRDB
import WeftCore

extension Index {
    /// Every version of a post, oldest first, the current one last: re-read
    /// from the journals (the index keeps only the latest) and folded with
    /// WeftCore's `Forum`, so it follows the same rules as everything else.
    /// Empty when the post does not exist.
    public func history(of id: EventID) throws(StoreError) -> [Revision] {
        let root = space.root
        let lines: [(bytes: [UInt8], author: String, board: String?)] = try read { db in
            var found: [(String, Int64, Int, String, String?)] = []
            let sql = "SELECT j.path, p.offset, p.length, p.author, p.board FROM posts p JOIN journals j ON j.id = p.journal WHERE p.id = ?"
            for row in try Row.fetchAll(db, sql: sql, arguments: [id.rawValue]) {
                found.append((row[0], row[1], row[2], row[3], row[4]))
            }
            let edits = """
                SELECT j.path, e.offset, e.length, e.author, e.board FROM events e JOIN journals j ON j.id = e.journal
                WHERE e.key = ?
                """
            for row in try Row.fetchAll(db, sql: edits, arguments: ["post:\(id.rawValue)"]) {
                found.append((row[0], row[1], row[2], row[3], row[4]))
            }
            return found.compactMap { path, offset, length, author, board in
                (try? JournalFile.read(root + "/" + path, from: offset, length: length)).map { ($0, author, board) }
            }
        }
        let events = lines.compactMap { line -> StoredEvent? in
            guard let event = try? EventCodec.decode(line.bytes), let author = try? Handle(line.author) else { return nil }
            return StoredEvent(event: event, author: author, board: line.board.flatMap { try? BoardSlug($0) })
        }
        let forum = Forum(events: events)
        if let thread = forum.threads[id] {
            let current = Revision(at: thread.editedAt ?? thread.createdAt, title: thread.title, text: Blocks.join(thread.blocks))
            return thread.history + [current]
        }
        if let comment = forum.comments[id] {
            return comment.history + [Revision(at: comment.editedAt ?? comment.createdAt, text: comment.body)]
        }
        return []
    }
}
