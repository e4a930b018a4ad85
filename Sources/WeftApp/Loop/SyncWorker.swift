import Foundation
import WeftCore
import WeftStore

/// Runs the sync effects for the app loop: the sync itself on a background
/// thread (it waits on the network), so the interface keeps answering keys;
/// its outcome is picked up by the loop on the next event or tick.
final class SyncWorker: @unchecked Sendable {
    private let store: Store
    private let sync: SpaceSync?
    private let interval: Int?
    private let intervalProblem: String?
    private let lock = NSLock()
    private var outcome: SyncOutcome?
    private var busy = false

    init(store: Store) {
        self.store = store
        // Only a space that is a repository of its own syncs (checked without
        // running git; `.git` is a file in a linked worktree).
        if FileManager.default.fileExists(atPath: store.space.root + "/.git") {
            sync = try? SpaceSync(store: store)
        } else {
            sync = nil
        }
        do {
            interval = try SyncSettings.interval(store.env)
            intervalProblem = nil
        } catch {
            interval = nil
            intervalProblem = error.description
        }
    }

    /// Whether the loop should hand `effect` to this worker.
    static func handles(_ effect: Effect) -> Bool {
        effect == .sync || effect == .loadSyncStatus
    }

    /// Runs a sync effect; a sync only starts here and reports later.
    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .loadSyncStatus:
            guard let sync else { return nil }
            do {
                return .syncStatusLoaded(try sync.status(), interval: interval)
            } catch {
                return .failed(error.description)
            }
        case .sync:
            start()
            return nil
        default:
            return nil
        }
    }

    /// A problem with `sync_interval` in config.toml, to show once.
    var problem: String? { sync == nil ? nil : intervalProblem }

    private func start() {
        guard let sync else {
            finish(.failed("this space is not synced with git"))
            return
        }
        lock.lock()
        if busy {
            lock.unlock()
            return
        }
        busy = true
        lock.unlock()
        let store = store
        let thread = Thread { [self] in
            do {
                finish(.synced(try sync.sync(remote: nil, now: store.now)))
            } catch {
                finish(.failed("\(error)"))
            }
        }
        thread.start()
    }

    private func finish(_ result: SyncOutcome) {
        lock.lock()
        outcome = result
        busy = false
        lock.unlock()
    }

    /// The outcome of a finished sync, once.
    func takeOutcome() -> SyncOutcome? {
        lock.lock()
        defer { lock.unlock() }
        let result = outcome
        outcome = nil
        return result
    }
}
