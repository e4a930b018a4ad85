import Foundation
import GRDB
import WeftCore

/// Where the index finds a post's text. A post never edited has the text of
/// the line that created it, so the index does not copy it: it is read from the
/// journal, at the offset the `posts` row records, when a query asks for it.
/// An edited post's current text (which may depend on all its edits: a thread's
/// blocks keep their ids) is stored in `post_text`, in the full-text file. A
/// redacted post has no text.
///
/// Not copying the text spares a build from scratch writing every post's text
/// a second time (the full-text index has it once already), about a tenth of
/// the build's time.
enum PostText {
    /// What a post's row in `post_text` should become when the post is written.
    enum Change: Sendable {
        /// Nothing: a new post, whose text is its creation line's.
        case none
        /// Its text is stored (an edited post).
        case store
        /// Any stored text is removed (a post that is redacted, or not edited).
        case remove
    }

    /// The change for a post that is (re)written with edits or not, redacted or not.
    static func change(edited: Bool, redacted: Bool) -> Change {
        edited && !redacted ? .store : .remove
    }

    /// The text `id` was created with, from the bytes of its line: the body,
    /// and a thread's blocks as the `blocks` column holds them. Nil when the line
    /// is not the creation of post `id`.
    static func created(_ line: [UInt8], id: String) -> (body: String, blocks: String?)? {
        guard let event = try? EventCodec.decode(line), event.id.rawValue == id else { return nil }
        return created(event)
    }

    /// The text of a post's creation event; nil for another event.
    static func created(_ event: Event) -> (body: String, blocks: String?)? {
        switch event.payload {
        case .threadCreated(let p): return (Blocks.join(p.blocks), EventApplier.json(p.blocks))
        case .commentCreated(let p): return (p.body, nil)
        default: return nil
        }
    }

    /// SQL for the body of the post aliased `alias`: empty when it is redacted
    /// or when there is no such post (a LEFT JOIN that found none).
    static func bodySQL(_ alias: String) -> String {
        """
        CASE WHEN \(alias).redacted THEN '' ELSE coalesce((SELECT body FROM post_text WHERE post_text.rowid = \(alias).rowid),
            \(lineSQL(alias, part: 0)), '') END
        """
    }

    /// SQL for the blocks of the post aliased `alias` (a thread's; NULL for a
    /// comment or a redacted thread).
    static func blocksSQL(_ alias: String) -> String {
        """
        CASE WHEN \(alias).redacted OR \(alias).kind != 0 THEN NULL
            ELSE coalesce((SELECT blocks FROM post_text WHERE post_text.rowid = \(alias).rowid), \(lineSQL(alias, part: 1))) END
        """
    }

    private static func lineSQL(_ alias: String, part: Int) -> String {
        "\(functionName)((SELECT path FROM journals WHERE journals.id = \(alias).journal), \(alias).offset, \(alias).length, \(alias).id, \(part))"
    }

    static let functionName = "weft_post_text"

    /// `weft_post_text(path, offset, length, id, part)`: the body (`part` 0) or
    /// blocks (1) post `id` was created with, read from its line in the journal
    /// at `path` (relative to the space's `root`). When the line cannot be read
    /// or is not that post's creation (a journal rewritten rather than appended
    /// to), the body says so instead of showing nothing.
    static func function(root: String) -> DatabaseFunction {
        let last = LastLine()
        return DatabaseFunction(functionName, argumentCount: 5, pure: false) { values in
            guard let path = String.fromDatabaseValue(values[0]), let offset = Int64.fromDatabaseValue(values[1]),
                  let length = Int.fromDatabaseValue(values[2]), let id = String.fromDatabaseValue(values[3]),
                  let part = Int.fromDatabaseValue(values[4]) else { return nil }
            let text = last.text(path: path, offset: offset) {
                (try? JournalFile.read(root + "/" + path, from: offset, length: length)).flatMap { created($0, id: id) }
            }
            guard let text else {
                return part == 0 ? "[this post's text could not be read from \(path); `weft index rebuild` reads the journals again]" : nil
            }
            return part == 0 ? text.body : text.blocks
        }
    }

    /// The last line read (a thread's body and blocks are asked for one after the other).
    private final class LastLine: @unchecked Sendable {
        private let lock = NSLock()
        private var key: (path: String, offset: Int64)?
        private var value: (body: String, blocks: String?)?

        func text(path: String, offset: Int64, read: () -> (body: String, blocks: String?)?) -> (body: String, blocks: String?)? {
            if let cached = lock.withLock({ key.map { $0.path == path && $0.offset == offset } ?? false ? value : nil }) {
                return cached
            }
            let text = read()
            lock.withLock {
                key = (path, offset)
                value = text
            }
            return text
        }
    }
}
