import Foundation
import WeftCore
import WeftStore

extension DoctorCommand {
    /// For a space synced with git: the remote, unpushed lines, and every
    /// journal changed other than by appending (in the working tree, or in
    /// the recent history of this clone).
    static func syncChecks(_ store: Store, _ checks: inout Checks) {
        guard let sync = try? SpaceSync(store: store), sync.isEnabled else { return }
        do throws(StoreError) {
            if let seconds = try SyncSettings.interval(store.env) {
                checks.ok("the full-screen UI syncs every \(seconds) s while open (sync_interval)")
            }
        } catch {
            checks.warn(error.description)
        }
        do {
            let status = try sync.status()
            let last = status.lastSync.map { "last synced \(Clockface(store).full($0))" } ?? "never synced from here"
            if let remote = status.remote {
                checks.ok("synced with git through '\(remote)' (\(Inert.line(status.url ?? ""))): \(last), \(status.unpushedLines) line(s) of yours not pushed")
            } else {
                checks.warn("the space is a git repository without a remote: add one with 'weft sync init --remote URL'")
            }
            // The operating system cannot keep a private board closed in a clone.
            for board in (try? store.index.boardActivity()) ?? [] where board.board.visibility == .private {
                checks.warn("board '\(board.board.slug)' is private, but everyone with access to the git repository can read it: keep private groups in a separate space with its own repository (Docs/sync.md)")
            }
            let rewritten = try sync.audit()
            if rewritten.isEmpty {
                checks.ok("every journal in git was only appended to (last \(SpaceSync.auditDepth) commits)")
            }
            for r in rewritten.prefix(50) {
                let place = r.commit.map { "in commit \($0.prefix(12))" } ?? "since the last commit"
                checks.fail("\(r.path) was rewritten \(place): \(r.reason); journals may only grow — restore it from a clone that has every line")
            }
        } catch {
            checks.warn("cannot check git: \(error)")
        }
    }
}
