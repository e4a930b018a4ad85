import Foundation
import WeftCore

/// One file a commit range changed, from `git diff --raw`.
struct FileChange: Sendable, Equatable {
    var oldBlob: String?
    var newBlob: String?
    var newMode: String
    var path: String

    /// Whether the path is a journal (`journal/*.jsonl`, `boards/*/journal/*.jsonl`).
    var isJournal: Bool { Self.isJournal(path) }

    static func isJournal(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard path.hasSuffix(".jsonl") else { return false }
        return (parts.count == 2 && parts[0] == "journal") || (parts.count == 4 && parts[0] == "boards" && parts[2] == "journal")
    }

    var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}

extension Git {
    /// The files that differ between two commits (`from` nil: the empty tree),
    /// with their blob ids. Renames are not detected: every path stands alone.
    func changes(from: String?, to: String) throws(SyncError) -> [FileChange] {
        let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let text = try output(["diff", "--raw", "-z", "--no-renames", "--no-abbrev", from ?? emptyTree, to])
        return Self.rawChanges(text).map(\.change)
    }

    /// Parses `--raw -z` output, as printed by `git diff` or by `git log` with
    /// `--format='commit %H'` (each change then carries its commit).
    static func rawChanges(_ text: String) -> [(commit: String?, change: FileChange)] {
        var out: [(String?, FileChange)] = []
        var commit: String?
        var tokens = text.split(separator: "\0", omittingEmptySubsequences: false).makeIterator()
        while let raw = tokens.next() {
            let token = raw.drop { $0 == "\n" }
            if token.hasPrefix("commit ") {
                commit = String(token.dropFirst(7))
                continue
            }
            // ":oldmode newmode oldsha newsha status", then the path.
            guard token.hasPrefix(":"), let path = tokens.next() else { continue }
            let meta = token.dropFirst().split(separator: " ")
            guard meta.count >= 5 else { continue }
            let zero = String(repeating: "0", count: meta[2].count)
            out.append((commit, FileChange(oldBlob: meta[2] == zero ? nil : String(meta[2]),
                                           newBlob: meta[3] == zero ? nil : String(meta[3]),
                                           newMode: String(meta[1]), path: String(path))))
        }
        return out
    }
}

extension SpaceSync {
    /// Checks what the remote branch brings before merging it: the same space,
    /// journals that only grew (none rewritten, shrunk or removed, none made a
    /// link), and none of this person's own journals changed by another
    /// machine. Returns how many journal lines arrive.
    func checkIncoming(_ tracking: String, remote: String) throws(SyncError) -> Int {
        if let theirs = try git.blobs([tracking + ":weft.json"]).first ?? nil,
           let manifest = try? JSONDecoder().decode(SpaceManifest.self, from: Data(theirs)), manifest.id != space.id {
            throw .otherSpace(remote: remote, id: manifest.id)
        }
        // No common commit (two clones set up separately): everything arrives.
        let mergeBase = try git.run(["merge-base", "HEAD", tracking])
        let base = mergeBase.status == 0 ? mergeBase.output.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty : nil
        let changes = try git.changes(from: base, to: tracking).filter(\.isJournal)
        if changes.isEmpty { return 0 }
        // Blob pairs in one batch: old (at the merge base) and new (theirs).
        var specs: [String] = []
        for c in changes {
            specs.append(c.oldBlob ?? "0000000000000000000000000000000000000000")
            specs.append(c.newBlob ?? "0000000000000000000000000000000000000000")
        }
        let blobs = try git.blobs(specs)
        let ownHead = try git.commit("HEAD") == nil ? [] : try git.blobs(changes.map { "HEAD:" + $0.path })
        var lines = 0
        for (n, c) in changes.enumerated() {
            let old = c.oldBlob == nil ? [] : (blobs[2 * n] ?? [])
            guard c.newBlob != nil, c.newMode == "100644" || c.newMode == "100755", let new = blobs[2 * n + 1] else {
                throw .rewrittenJournal(path: c.path, remote: remote)
            }
            if c.fileName == me.fileName {
                // Only this machine writes this file: the remote may hold only
                // what this clone pushed.
                let mine = ownHead.indices.contains(n) ? ownHead[n] : nil
                if mine != new { throw .divergedOwnJournal(path: c.path, device: me.device.rawValue) }
                continue
            }
            guard Journal.isPrefix(old, of: new) else { throw .rewrittenJournal(path: c.path, remote: remote) }
            lines += Journal.lineCount(new.dropFirst(old.count))
        }
        return lines
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
