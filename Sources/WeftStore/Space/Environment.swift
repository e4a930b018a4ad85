import Foundation

/// The process environment the store reads (XDG directories, WEFT_* overrides),
/// passed in so tests can point everything at temporary directories.
public struct StoreEnvironment: Sendable {
    public var variables: [String: String]

    public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    public subscript(_ key: String) -> String? {
        guard let v = variables[key], !v.isEmpty else { return nil }
        return v
    }

    var home: String { self["HOME"] ?? NSHomeDirectory() }

    private func xdg(_ key: String, _ fallback: String) -> String {
        if let v = self[key], v.hasPrefix("/") { return v }
        return home + "/" + fallback
    }

    public var dataHome: String { xdg("XDG_DATA_HOME", ".local/share") }
    public var stateHome: String { xdg("XDG_STATE_HOME", ".local/state") }
    public var cacheHome: String { xdg("XDG_CACHE_HOME", ".cache") }
    public var configHome: String { xdg("XDG_CONFIG_HOME", ".config") }

    /// `$XDG_DATA_HOME/weft/default`
    public var defaultSpacePath: String { dataHome + "/weft/default" }
}
