/// What went wrong while syncing a space with git, said so a person knows what
/// to do next. Whatever the error, no journal line was rewritten or dropped:
/// lines written here stay in this clone (committed) until a sync succeeds.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    case gitMissing
    case notARepository(String)
    case noRemote(String)
    case unknownRemote(String, known: [String])
    case severalRemotes([String])
    case remoteExists(String, url: String)
    case detachedHead
    case network(remote: String, detail: String)
    case authentication(remote: String, detail: String)
    case remoteNotFound(remote: String, detail: String)
    case otherSpace(remote: String, id: String)
    /// Your own journal was also written elsewhere: the same handle and device
    /// on two machines.
    case divergedOwnJournal(path: String, device: String)
    /// Someone's journal on the remote lost or changed lines.
    case rewrittenJournal(path: String, remote: String)
    /// Your own journal here lost or changed lines since it was committed.
    case rewrittenOwnJournal(path: String)
    case pushRefused(remote: String, detail: String)
    case keptChanging(remote: String, attempts: Int)
    case git(command: String, detail: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .gitMissing:
            return "git is not installed: install it (e.g. 'apt-get install git') to sync spaces"
        case .notARepository(let root):
            return "the space at \(root) is not synced with git: run 'weft sync init --remote URL' first (or create spaces with 'weft init PATH --git')"
        case .noRemote(let root):
            return "the space has no git remote to sync with: add one with 'weft --space \(root) sync init --remote URL' (e.g. ssh://host/srv/git/team.git)"
        case .unknownRemote(let name, let known):
            return "no git remote named '\(name)'" + (known.isEmpty ? ": add it with 'weft sync init --remote URL --remote-name \(name)'" : " (remotes: \(known.joined(separator: ", "))): choose one with --remote")
        case .severalRemotes(let known):
            return "the space has several git remotes (\(known.joined(separator: ", "))): choose one with --remote NAME"
        case .remoteExists(let name, let url):
            return "a git remote named '\(name)' already exists (\(url)): change it with 'git remote set-url \(name) URL' in the space, or pick another --remote-name"
        case .detachedHead:
            return "the space's git checkout is not on a branch (detached HEAD): run 'git switch main' in the space, then sync again"
        case .network(let remote, let detail):
            return "cannot reach remote '\(remote)' (\(detail)): you seem to be offline or the host is down; your posts are kept and go out with the next sync"
        case .authentication(let remote, let detail):
            return "remote '\(remote)' refused your credentials (\(detail)): check your SSH key ('ssh-add -l') or access token and that you may access the repository; nothing was lost"
        case .remoteNotFound(let remote, let detail):
            return "remote '\(remote)' has no repository there (\(detail)): check its URL with 'git remote -v' in the space"
        case .otherSpace(let remote, let id):
            return "remote '\(remote)' holds another space (id \(id)): nothing was merged; use a separate repository for each space"
        case .divergedOwnJournal(let path, let device):
            return "your journal \(path) was also written on another machine (both use device '\(device)'): nothing was merged or lost; run 'weft sync repair' here to give this machine its own device and move its lines to a new journal"
        case .rewrittenJournal(let path, let remote):
            return "remote '\(remote)' has a rewritten \(path) (lines changed or removed, not appended): nothing was merged; ask its writer to restore it from their clone, and see 'weft doctor'"
        case .rewrittenOwnJournal(let path):
            return "your journal \(path) was changed other than by appending since it was last committed: nothing was synced; restore the committed lines (git diff shows what changed) and run 'weft doctor'"
        case .pushRefused(let remote, let detail):
            return "remote '\(remote)' refused the push (\(detail)): your posts are committed here and go out with the next sync"
        case .keptChanging(let remote, let attempts):
            return "remote '\(remote)' changed during each of \(attempts) tries to push: others are syncing right now; run 'weft sync' again in a moment"
        case .git(let command, let detail):
            return "git \(command) failed: \(detail)"
        case .store(let e):
            return e.description
        }
    }
}
