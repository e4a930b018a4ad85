import Foundation
import WeftCore

/// What one sync did.
public struct SyncReport: Sendable, Equatable {
    public var remote = ""
    public var branch = ""
    /// New lines of this person's journals committed by this sync.
    public var committedLines = 0
    /// Journal lines that arrived from others.
    public var receivedLines = 0
    /// Whether this clone's commits went to the remote.
    public var pushed = false
    /// How many pushes were tried (more than one when others pushed first).
    public var attempts = 0
    public var at: Timestamp = Timestamp(milliseconds: 0)

    public init() {}
}

extension SpaceSync {
    /// Commits this person's new journal lines, fetches, checks that everything
    /// arriving only appends, merges (fast-forward or a merge commit) and pushes;
    /// when someone else pushed first it fetches, merges and pushes again, up to
    /// `pushAttempts` times. Records the time of the sync in private state.
    /// The caller catches the index up.
    public func sync(remote requested: String?, now: Timestamp) throws(SyncError) -> SyncReport {
        guard git.isRepository else { throw .notARepository(space.root) }
        var report = SyncReport()
        report.branch = try branch()
        // Offline first: the lines are committed even when no remote can be reached.
        report.committedLines = try commitOwnLines()
        report.remote = try remoteName(requested, branch: report.branch)
        let tracking = "refs/remotes/\(report.remote)/\(report.branch)"
        while true {
            report.attempts += 1
            try fetch(report.remote)
            if try git.commit(tracking) != nil {
                report.receivedLines += try checkIncoming(tracking, remote: report.remote)
                try merge(tracking, remote: report.remote)
            }
            guard try needsPush(tracking) else { break }
            let r = try git.run(["push", "-q", "--porcelain", "-u", report.remote,
                                 "refs/heads/\(report.branch):refs/heads/\(report.branch)"])
            if r.status == 0 {
                report.pushed = true
                break
            }
            let text = r.errorText + "\n" + r.output
            let kind = GitMessage.classify(text)
            if kind == .retry && report.attempts < Self.pushAttempts {
                // A short, random pause: clones that lost the same race do not retry in step.
                usleep(UInt32.random(in: 50_000...200_000) * UInt32(report.attempts))
                continue
            }
            if kind == .retry { throw .keptChanging(remote: report.remote, attempts: report.attempts) }
            throw remoteFailure(kind, remote: report.remote, text: text, command: "push")
        }
        report.at = now
        privateState.recordSync(at: now)
        return report
    }

    /// The branch checked out in the space.
    func branch() throws(SyncError) -> String {
        let r = try git.run(["symbolic-ref", "--short", "-q", "HEAD"])
        guard r.status == 0 else { throw .detachedHead }
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `requested`, else the branch's upstream remote, else `origin`, else the only remote.
    public func remoteName(_ requested: String?, branch: String? = nil) throws(SyncError) -> String {
        let known = try git.remotes()
        if let requested {
            guard known.contains(requested) else { throw .unknownRemote(requested, known: known) }
            return requested
        }
        if let branch, let upstream = try? git.output(["config", "--get", "branch.\(branch).remote"]),
           known.contains(upstream) {
            return upstream
        }
        if known.contains("origin") { return "origin" }
        if known.count == 1 { return known[0] }
        if known.isEmpty { throw .noRemote(space.root) }
        throw .severalRemotes(known)
    }

    /// Commits the complete new lines of this person's journals on this device
    /// (and nobody else's); returns how many lines that was.
    func commitOwnLines() throws(SyncError) -> Int {
        let paths = ownJournals()
        let hasHead = try git.commit("HEAD") != nil
        let before = hasHead ? try git.blobs(paths.map { "HEAD:" + $0 }) : paths.map { _ in nil }
        guard try stage(paths, committedIn: "HEAD") > 0 else { return 0 }
        var lines = 0
        for (path, old) in zip(paths, before) {
            let now = Journal.completeLines(try read(path))
            lines += Journal.lineCount(now.dropFirst(old?.count ?? 0))
        }
        try commit("weft: \(me.handle)@\(me.device) +\(lines) line\(lines == 1 ? "" : "s")")
        return lines
    }

    func fetch(_ remote: String) throws(SyncError) {
        let r = try git.run(["fetch", "-q", "--no-tags", remote])
        guard r.status != 0 else { return }
        throw remoteFailure(GitMessage.classify(r.errorText), remote: remote, text: r.errorText, command: "fetch")
    }

    /// Merges the remote branch: a fast-forward when this clone has nothing
    /// new, else a merge commit. Never a rebase: everyone's history stays as
    /// it was pushed.
    func merge(_ tracking: String, remote: String) throws(SyncError) {
        let head = try git.commit("HEAD")
        guard let theirs = try git.commit(tracking), head != theirs else { return }
        if head == nil {
            // A fresh clone of a repository that was empty then: adopt the remote branch.
            try holdingIndex { () throws(SyncError) in try git.output(["merge", "-q", "--ff-only", theirs]) }
            return
        }
        try holdingIndex { () throws(SyncError) in
            let r = try git.run(["merge", "-q", "--ff", "--no-edit", "--no-stat", "--no-verify", "--no-gpg-sign",
                                 "--allow-unrelated-histories", "-m",
                                 "weft: merge \(remote) into \(me.handle)@\(me.device)", tracking], committing: true)
            guard r.status != 0 else { return }
            _ = try? git.run(["merge", "--abort"])
            throw Git.failure(["merge"], r)
        }
    }

    func needsPush(_ tracking: String) throws(SyncError) -> Bool {
        guard try git.commit("HEAD") != nil else { return false }
        guard try git.commit(tracking) != nil else { return true }
        return try git.output(["rev-list", "--count", tracking + "..HEAD"]) != "0"
    }

    func remoteFailure(_ kind: GitMessage.Kind, remote: String, text: String, command: String) -> SyncError {
        let detail = GitMessage.explain(text).line ?? GitMessage.summary(text, fallback: "\(command) failed")
        switch kind {
        case .authentication: return .authentication(remote: remote, detail: detail)
        case .network: return .network(remote: remote, detail: detail)
        case .notFound: return .remoteNotFound(remote: remote, detail: detail)
        case .rejected, .retry: return .pushRefused(remote: remote, detail: detail)
        case .other: return .git(command: command, detail: detail)
        }
    }
}
