import Foundation

/// `weft.json` at the root of a space: format version, space id and name.
public struct SpaceManifest: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var name: String
    public var created: String

    public init(format: Int = SpaceManifest.currentFormat, id: String, name: String, created: String) {
        self.format = format
        self.id = id
        self.name = name
        self.created = created
    }

    func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? e.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    static func read(at path: String) throws(StoreError) -> SpaceManifest {
        let file = path + "/weft.json"
        guard let data = FileManager.default.contents(atPath: file) else {
            if FileManager.default.fileExists(atPath: path) { throw .notASpace(path) }
            throw .noSpace(path)
        }
        guard let m = try? JSONDecoder().decode(SpaceManifest.self, from: data) else {
            throw .badManifest(file, "it is not valid JSON with format, id and name")
        }
        if m.format > currentFormat { throw .newerSpaceFormat(m.format) }
        guard m.id.count >= 8, m.id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw .badManifest(file, "its id '\(m.id)' is not a UUID")
        }
        return m
    }
}
