import WeftCore
import WeftStore

/// Syncing from the interface: the sync key, the optional interval, the
/// status line's "synced 14:05 · 3 unpushed", and reloading what arrived.
/// What others wrote comes in as unread, like anything written on this host.
enum SyncUpdate {
    /// The sync key.
    static func requested(_ state: inout State) -> [Effect] {
        guard var sync = state.sync else {
            state.notice = Notice("This space is not synced with git: set it up with 'weft sync init --remote URL' (Docs/sync.md).",
                                  isWarning: true)
            return []
        }
        if sync.running {
            state.notice = Notice("Already syncing…")
            return []
        }
        sync.running = true
        sync.requested = true
        state.sync = sync
        state.notice = Notice("Syncing…")
        return [.sync]
    }

    /// On each poll: an automatic sync when the interval has passed since the
    /// last one (right away when there was none).
    static func due(now: Timestamp, _ state: inout State) -> [Effect] {
        guard var sync = state.sync, let interval = sync.interval, !sync.running else { return [] }
        if let last = sync.lastAttempt ?? sync.lastSync, now.milliseconds - last.milliseconds < Int64(interval) * 1000 {
            return []
        }
        sync.running = true
        sync.requested = false
        state.sync = sync
        return [.sync]
    }

    static func statusLoaded(_ status: SyncStatus, interval: Int?, _ state: inout State) -> [Effect] {
        guard status.enabled else {
            state.sync = nil
            return []
        }
        var sync = state.sync ?? SyncState()
        sync.lastSync = status.lastSync ?? sync.lastSync
        sync.unpushed = status.unpushedLines
        sync.interval = interval
        state.sync = sync
        return []
    }

    static func finished(_ outcome: SyncOutcome, now: Timestamp, _ state: inout State) -> [Effect] {
        guard var sync = state.sync else { return [] }
        let requested = sync.requested
        sync.running = false
        sync.requested = false
        sync.lastAttempt = now
        switch outcome {
        case .synced(let report):
            sync.lastSync = report.at
            if requested || report.receivedLines > 0 {
                state.notice = Notice(summary(report))
            }
        case .failed(let message):
            state.notice = Notice("Sync failed: " + message, isWarning: true)
        }
        state.sync = sync
        // The index catches up with what arrived; the screens reload if it changed.
        return [.poll, .loadSyncStatus]
    }

    static func summary(_ r: SyncReport) -> String {
        let received = r.receivedLines == 0 ? "nothing new" : "\(r.receivedLines) new line\(r.receivedLines == 1 ? "" : "s") from others"
        let sent = r.pushed ? ", yours pushed" : ""
        return "Synced with \(r.remote): \(received)\(sent)."
    }

    /// "synced 14:05 · 3 unpushed", "syncing…", "not synced yet"; empty when
    /// the space is not synced with git.
    static func statusText(_ state: State) -> String {
        guard let sync = state.sync else { return "" }
        if sync.running { return "syncing…" }
        var text = sync.lastSync.map { "synced " + state.clock.brief($0) } ?? "not synced yet"
        if sync.unpushed > 0 { text += " · \(sync.unpushed) unpushed" }
        return text
    }
}
