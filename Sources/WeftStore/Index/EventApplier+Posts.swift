import Foundation
import WeftCore

/// New posts: one row each in `posts` (several to a statement in a first build,
/// see ``PostBatch``), their mentions, and their full-text row.
extension EventApplier {
    /// Inserts a new post; false when it already exists (a duplicate line).
    func addPost(id: String, kind: Int, board: String, thread: String, parent: String?, anchor: String?,
                 author: String, at: String, title: String?, body: String, blocks: String?, mentions: String?) throws -> Bool {
        let row = PostRow(id: id, kind: kind, board: board, thread: thread, parent: parent, anchor: anchor, author: author,
                          at: at, title: title, mentions: mentions, journal: location.journal, offset: location.offset,
                          length: location.length)
        let rowid: Int64
        if let posts {
            guard let r = try posts.add(row) else { return false }
            rowid = r
        } else {
            row.bind(to: insertPost, from: 1)
            try insertPost.run()
            if insertPost.changes == 0 { return false }
            rowid = insertPost.lastRowID
        }
        if firstBuild {
            noteFirstBuildPost(id: id, kind: kind, board: board, thread: thread, author: author, at: at, title: title,
                               redacted: false, isNew: true)
        }
        try addMentions(mentions, post: id, board: board, at: at)
        try fullText.send(FullTextRow(table: .posts, delete: false, rowid: rowid, kind: kind, board: board, author: author,
                                      title: title, body: body, blocks: blocks,
                                      metaSlot: location.journal > 0 ? location.journal << 2 | Int64(kind) : nil, waits: changesLater))
        return true
    }

    /// Whether applying such an event in a first build never reads or writes the
    /// posts table (reactions are kept in memory; statuses and follow-ups have
    /// tables of their own). Before any other event, waiting new posts are written.
    static func leavesPostsAlone(_ payload: Payload) -> Bool {
        switch payload {
        case .reactionAdded, .reactionRemoved, .statusPosted, .followupRequested, .followupResolved, .followupRescheduled: true
        default: false
        }
    }
}
