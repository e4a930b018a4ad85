import Foundation

/// The user's settings in `$XDG_CONFIG_HOME/weft/config.toml`.
///
/// Weft reads a small subset of TOML: `key = "string"` pairs, `#` comments and
/// `[section]` headers (keys are then `section.key`). Known keys: `handle`, `space`.
public struct ConfigFile: Equatable, Sendable {
    public var values: [String: String] = [:]

    public init(values: [String: String] = [:]) { self.values = values }

    public static func load(_ env: StoreEnvironment) throws(StoreError) -> ConfigFile {
        let path = env.configHome + "/weft/config.toml"
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws(StoreError) -> ConfigFile {
        var config = ConfigFile()
        var section = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw .config("\(path):\(n + 1): malformed section header '\(line)'")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) + "."
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw .config("\(path):\(n + 1): expected key = \"value\"")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #"), !value.hasPrefix("\"") || value[..<hash.lowerBound].hasSuffix("\"") {
                value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""), !key.isEmpty else {
                throw .config("\(path):\(n + 1): the value of '\(key)' must be a quoted string, e.g. \(key) = \"value\"")
            }
            config.values[section + key] = String(value.dropFirst().dropLast())
        }
        return config
    }
}
