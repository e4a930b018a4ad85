import Foundation

/// How often the full-screen UI syncs by itself: `sync_interval` in
/// config.toml (`"5m"`, `"30s"`, `"1h"`; `"off"` or absent: never, only when
/// asked with the sync key).
public enum SyncSettings {
    /// The shortest interval accepted: syncing more often only loads the remote.
    public static let minimumSeconds = 10

    /// The interval in seconds, or nil when automatic sync is off.
    public static func interval(_ config: ConfigFile) throws(StoreError) -> Int? {
        guard let text = config.values["sync_interval"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if ["", "off", "0", "never"].contains(text.lowercased()) { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        guard let unit = text.last, let factor = units[unit], let n = Int(text.dropLast()), n > 0,
              n * factor >= minimumSeconds else {
            throw .config("config.toml sync_interval '\(text)': use a duration of at least \(minimumSeconds) seconds such as \"30s\", \"5m\" or \"1h\", or \"off\"")
        }
        return n * factor
    }

    /// The interval set in the user's config.toml.
    public static func interval(_ env: StoreEnvironment) throws(StoreError) -> Int? {
        try interval(ConfigFile.load(env))
    }
}
