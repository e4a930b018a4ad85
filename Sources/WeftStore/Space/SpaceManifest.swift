import Foundation

/// `weft.json` at the root of a space: format version, space id and name.
public struct SpaceManifest: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var name: String
    public var created: String
    /// The handle of the person who created the space: its first admin.
    public var creator: String?
    /// The Unix group of a shared space (`weft init --shared GROUP`); nil otherwise.
    public var group: String?

    public init(format: Int = SpaceManifest.currentFormat, id: String, name: String, created: String,
                creator: String? = nil, group: String? = nil) {
        self.format = format
        self.id = id
        self.name = name
        self.created = created
        self.creator = creator
        self.group = group
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
