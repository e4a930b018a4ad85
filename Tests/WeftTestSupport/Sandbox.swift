import Foundation

/// A temporary home for one test: XDG directories, a space path and the
/// environment to run `weft` in. Removed when it is released, and in any case when
/// the test process exits: XCTest keeps every test case object (and so a sandbox
/// held in a property) alive until then.
public final class Sandbox: @unchecked Sendable {
    public let root: String
    public var handle: String
    public var extraEnvironment: [String: String] = [:]

    public init(handle: String = "ann", file: String = #file, line: Int = #line) {
        let base = FileManager.default.temporaryDirectory.path + "/weft-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        root = base
        self.handle = handle
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        SandboxRoots.shared.add(base)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        SandboxRoots.shared.remove(root)
    }

    /// The space used by default in this sandbox.
    public var space: String { root + "/space" }

    /// The environment of a person (`handle`) on a device (`device`): each device
    /// gets its own state and cache directories, as on separate machines.
    public func environment(handle: String? = nil, device: String = "laptop") -> [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root + "/home",
            "XDG_DATA_HOME": root + "/data",
            "XDG_CONFIG_HOME": root + "/config",
            "XDG_STATE_HOME": root + "/state-\(handle ?? self.handle)-\(device)",
            "XDG_CACHE_HOME": root + "/cache-\(handle ?? self.handle)-\(device)",
            "WEFT_HANDLE": handle ?? self.handle,
            "TZ": "UTC",
        ]
        for (k, v) in extraEnvironment { env[k] = v }
        return env
    }

    public func write(_ text: String, to relative: String) {
        let path = root + "/" + relative
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}

/// The sandboxes not yet removed, removed when the process exits.
private final class SandboxRoots: @unchecked Sendable {
    static let shared: SandboxRoots = {
        atexit { SandboxRoots.shared.removeAll() }
        return SandboxRoots()
    }()

    private let lock = NSLock()
    private var roots: Set<String> = []

    func add(_ root: String) { lock.withLock { _ = roots.insert(root) } }
    func remove(_ root: String) { lock.withLock { _ = roots.remove(root) } }

    func removeAll() {
        let all = lock.withLock { roots }
        for root in all { try? FileManager.default.removeItem(atPath: root) }
    }
}
