import Foundation
import WeftCore

/// Where a synced space stands on this machine.
public struct SyncStatus: Sendable, Equatable {
    /// Whether the space is a git repository at all.
    public var enabled: Bool
    /// The remote a plain `weft sync` uses, nil when there is none.
    public var remote: String?
    public var url: String?
    public var lastSync: Timestamp?
    /// This person's complete journal lines on this device that the remote
    /// did not have when this clone last fetched.
    public var unpushedLines: Int

    public init(enabled: Bool, remote: String? = nil, url: String? = nil, lastSync: Timestamp? = nil, unpushedLines: Int = 0) {
        self.enabled = enabled
        self.remote = remote
        self.url = url
        self.lastSync = lastSync
        self.unpushedLines = unpushedLines
    }
}

extension SpaceSync {
    /// The sync status, without touching the network: unpushed lines are
    /// counted against what this clone last fetched from the remote.
    public func status(remote requested: String? = nil) throws(SyncError) -> SyncStatus {
        guard git.isRepository else { return SyncStatus(enabled: false) }
        var status = SyncStatus(enabled: true, lastSync: privateState.lastSync())
        let branch = try? branch()
        let remote = try? remoteName(requested, branch: branch)
        status.remote = remote
        if let remote { status.url = try? git.output(["remote", "get-url", remote]) }
        let paths = ownJournals()
        let tracking = remote.flatMap { r in branch.map { "refs/remotes/\(r)/\($0)" } }
        var pushedSizes: [String: Int] = [:]
        if let tracking, try git.commit(tracking) != nil, !paths.isEmpty {
            // "<mode> blob <sha> <size>\t<path>" for each path the remote has.
            let listing = try git.output(["ls-tree", "-l", "-z", tracking, "--"] + paths)
            for entry in listing.split(separator: "\0") {
                let parts = entry.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let size = parts[0].split(separator: " ", omittingEmptySubsequences: true).last.flatMap({ Int($0) }) else { continue }
                pushedSizes[String(parts[1])] = size
            }
        }
        for path in paths {
            let bytes = Journal.completeLines(try read(path))
            status.unpushedLines += Journal.lineCount(bytes.dropFirst(pushedSizes[path] ?? 0))
        }
        return status
    }
}
