import WeftCore

/// A journal's file name, `<handle>@<device>.jsonl`: the file's one writer.
public struct JournalName: Hashable, Sendable, CustomStringConvertible {
    public var handle: Handle
    public var device: DeviceID

    public init(handle: Handle, device: DeviceID) {
        self.handle = handle
        self.device = device
    }

    /// Parses a file name; nil when it is not a journal's name.
    public init?(fileName: String) {
        guard fileName.hasSuffix(".jsonl") else { return nil }
        let stem = fileName.dropLast(6)
        let parts = stem.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = try? Handle(String(parts[0])), let d = try? DeviceID(String(parts[1])) else {
            return nil
        }
        handle = h
        device = d
    }

    public var fileName: String { "\(handle.rawValue)@\(device.rawValue).jsonl" }
    public var description: String { fileName }
}
