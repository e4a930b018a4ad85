import Foundation
import WeftCore

/// A journal that was changed other than by appending.
public struct RewrittenJournal: Sendable, Equatable {
    public var path: String
    /// The commit that changed it (nil: the working tree, since the last commit).
    public var commit: String?
    public var reason: String
}

extension SpaceSync {
    /// How many commits of history `audit` reads (newest first, along the
    /// first parent: this clone's own line of history, merges included).
    public static let auditDepth = 500

    /// Every journal that was changed other than by appending, in the working
    /// tree (against the last commit) and in the last `auditDepth` commits.
    public func audit() throws(SyncError) -> [RewrittenJournal] {
        guard git.isRepository, try git.commit("HEAD") != nil else { return [] }
        var found: [RewrittenJournal] = []
        // The working tree against HEAD: every committed journal must still
        // start with its committed bytes.
        let tracked = try git.output(["ls-files", "-z", "--", "journal", "boards"]).split(separator: "\0").map(String.init)
            .filter(FileChange.isJournal)
        let committed = try git.blobs(tracked.map { "HEAD:" + $0 })
        for (path, old) in zip(tracked, committed) {
            guard let old else { continue }
            guard let now = try? JournalFile.read(space.root + "/" + path, from: 0) else {
                found.append(RewrittenJournal(path: path, commit: nil, reason: "removed from the working tree"))
                continue
            }
            if !Journal.isPrefix(old, of: now) {
                found.append(RewrittenJournal(path: path, commit: nil, reason: "no longer starts with its committed lines"))
            }
        }
        // History: each commit on the first-parent line against its parent
        // (merges against their first parent), read with one `git log`.
        let log = try git.output(["log", "--first-parent", "-n", "\(Self.auditDepth)", "--no-renames", "--raw",
                                  "--no-abbrev", "-z", "--format=commit %H", "--", "journal", "boards"])
        let changes = Git.rawChanges(log).filter { $0.change.isJournal && $0.change.oldBlob != nil }
        let none = String(repeating: "0", count: 40)
        let pairs = try git.blobs(changes.flatMap { [$0.change.oldBlob ?? none, $0.change.newBlob ?? none] })
        for (n, (commit, c)) in changes.enumerated() {
            guard c.newBlob != nil, let new = pairs[2 * n + 1] else {
                found.append(RewrittenJournal(path: c.path, commit: commit, reason: "removed"))
                continue
            }
            if !Journal.isPrefix(pairs[2 * n] ?? [], of: new) {
                found.append(RewrittenJournal(path: c.path, commit: commit, reason: "lines changed or removed"))
            }
        }
        return found
    }
}
