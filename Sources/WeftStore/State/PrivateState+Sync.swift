import Foundation
import WeftCore

/// When this machine last synced the space (`last-sync` in private state: one
/// UTC time). Private because it says something about this machine, not the space.
extension PrivateState {
    var lastSyncPath: String { directory + "/last-sync" }

    /// The time of the last successful sync, or nil when there was none.
    public func lastSync() -> Timestamp? {
        guard let data = FileManager.default.contents(atPath: lastSyncPath) else { return nil }
        return Timestamp(iso8601: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Records a successful sync. Best effort: a missing record only means
    /// the status shows no time.
    func recordSync(at time: Timestamp) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tmp = lastSyncPath + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data((time.iso8601 + "\n").utf8)) else { return }
        if rename(tmp, lastSyncPath) != 0 { unlink(tmp) }
    }
}

extension PrivateState {
    /// Gives this machine a new device id (for `weft sync repair`, when two
    /// machines turned out to share one). Returns the new id.
    func replaceDeviceID() throws(StoreError) -> DeviceID {
        guard let id = try writeNewDeviceID({ tmp, path in rename(tmp, path) == 0 }) else {
            throw .notWritable(directory + "/device")
        }
        return id
    }
}
