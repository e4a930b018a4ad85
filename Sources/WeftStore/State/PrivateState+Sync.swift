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
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<8).map { _ in String(Int.random(in: 0..<16, using: &rng), radix: 16) }.joined()
        let path = directory + "/device"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .notWritable(directory)
        }
        let tmp = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data((hex + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]),
              rename(tmp, path) == 0 else {
            unlink(tmp)
            throw .notWritable(path)
        }
        do { return try DeviceID(hex) } catch { throw .notWritable(path) }
    }
}
