import WeftCore
import WeftStore

/// Syncing with the team's git remote, as the interface shows it. `State.sync`
/// is nil for a space that is not a git repository.
public struct SyncState: Equatable, Sendable {
    /// The last successful sync from this machine.
    public var lastSync: Timestamp?
    /// The viewer's lines the remote does not have yet.
    public var unpushed = 0
    /// Whether a sync is running (in the background).
    public var running = false
    /// `sync_interval` from config.toml, in seconds; nil: only on request.
    public var interval: Int?
    /// When the last sync, successful or not, ended.
    public var lastAttempt: Timestamp?
    /// Whether the running sync was asked for with the key (its result is
    /// always reported); automatic syncs report only failures and news.
    public var requested = false

    public init(lastSync: Timestamp? = nil, unpushed: Int = 0, interval: Int? = nil) {
        self.lastSync = lastSync
        self.unpushed = unpushed
        self.interval = interval
    }
}

/// How a sync ended.
public enum SyncOutcome: Equatable, Sendable {
    case synced(SyncReport)
    case failed(String)
}
