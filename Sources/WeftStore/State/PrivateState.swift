import Foundation
import WeftCore

/// A person's private state for one space, kept outside the space in
/// `$XDG_STATE_HOME/weft/<space-id>/`: the device id and (in `state.sqlite`,
/// attached to the index) read markers.
public struct PrivateState: Sendable {
    public let directory: String

    public init(env: StoreEnvironment, spaceID: String) {
        directory = env.stateHome + "/weft/" + spaceID
    }

    public var databasePath: String { directory + "/state.sqlite" }

    /// This machine's device id, made on first use. `WEFT_DEVICE` overrides it.
    public func deviceID(env: StoreEnvironment) throws(StoreError) -> DeviceID {
        if let d = env["WEFT_DEVICE"] {
            do { return try DeviceID(d) } catch { throw .config("WEFT_DEVICE: \(error)") }
        }
        let path = directory + "/device"
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if let id = try? DeviceID(text) { return id }
        }
        // Link fails if the id exists, so two first runs at once agree on one id.
        _ = try writeNewDeviceID { tmp, path in link(tmp, path) == 0 }
        if let data = FileManager.default.contents(atPath: path),
           let id = try? DeviceID(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) {
            return id
        }
        throw .notWritable(path)
    }

    /// Writes a fresh random device id completely under a temporary name, then
    /// lets `place` move it into `device` (nobody ever reads a half-written
    /// file). Returns the id when `place` succeeded, nil when it did not.
    func writeNewDeviceID(_ place: (_ tmp: String, _ path: String) -> Bool) throws(StoreError) -> DeviceID? {
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
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .notWritable(directory)
        }
        defer { unlink(tmp) }
        return place(tmp, path) ? try? DeviceID(hex) : nil
    }
}
