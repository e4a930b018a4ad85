import Foundation
import WeftCore

/// A space on disk: `weft.json`, the space journal directory and the boards.
public struct Space: Sendable {
    public let root: String
    public let manifest: SpaceManifest

    public var id: String { manifest.id }
    public var name: String { manifest.name }

    /// Opens the space at `root`, checking its manifest.
    public static func open(at root: String) throws(StoreError) -> Space {
        let path = Space.normalize(root)
        let manifest = try SpaceManifest.read(at: path)
        return Space(root: path, manifest: manifest)
    }

    /// Creates an empty space (no boards) at `root`; refuses to overwrite one.
    /// With `group`, the space is shared by that Unix group (see Space+Sharing.swift).
    public static func create(at root: String, name: String, id: String, now: Timestamp,
                              creator: Handle? = nil, group: String? = nil) throws(StoreError) -> Space {
        let path = Space.normalize(root)
        let fm = FileManager.default
        if fm.fileExists(atPath: path + "/weft.json") { throw .spaceExists(path) }
        let manifest = SpaceManifest(id: id, name: name, created: now.iso8601, creator: creator?.rawValue, group: group)
        if let group { return try createShared(at: path, manifest: manifest, group: group) }
        do {
            try fm.createDirectory(atPath: path + "/journal", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: path + "/boards", withIntermediateDirectories: true)
        } catch {
            throw .notWritable(path)
        }
        let tmp = path + "/.weft.json.tmp"
        guard fm.createFile(atPath: tmp, contents: manifest.encoded()) else { throw .notWritable(path) }
        guard rename(tmp, path + "/weft.json") == 0 else { throw .io(path, "cannot write weft.json: \(errnoText())") }
        return Space(root: path, manifest: manifest)
    }

    static func normalize(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var p = url.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    // MARK: Layout

    public var spaceJournalDirectory: String { root + "/journal" }
    public var boardsDirectory: String { root + "/boards" }

    public func boardDirectory(_ slug: BoardSlug) -> String { boardsDirectory + "/" + slug.rawValue }
    public func boardJournalDirectory(_ slug: BoardSlug) -> String { boardDirectory(slug) + "/journal" }

    /// The path of `name`'s journal for `board` (or the space journal).
    public func journalPath(_ name: JournalName, board: BoardSlug?) -> String {
        (board.map(boardJournalDirectory) ?? spaceJournalDirectory) + "/" + name.fileName
    }

    /// A journal found on disk.
    public struct JournalLocation: Hashable, Sendable {
        /// Relative to the space root, e.g. `boards/general/journal/ann@x1.jsonl`.
        public var relativePath: String
        public var absolutePath: String
        public var name: JournalName
        public var board: BoardSlug?
    }

    /// Every journal in the space, plus the names of files that look out of place.
    public func journals() -> (found: [JournalLocation], strays: [String]) {
        var found: [JournalLocation] = []
        var strays: [String] = []
        let fm = FileManager.default
        func scan(_ dir: String, rel: String, board: BoardSlug?) {
            if isSymlink(dir) {
                strays.append(rel + " (symbolic link, ignored)")
                return
            }
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
            for file in names.sorted() where !file.hasPrefix(".") {
                guard let name = JournalName(fileName: file) else {
                    strays.append(rel + "/" + file)
                    continue
                }
                let abs = dir + "/" + file
                if isSymlink(abs) {
                    strays.append(rel + "/" + file + " (symbolic link, ignored)")
                    continue
                }
                found.append(JournalLocation(relativePath: rel + "/" + file, absolutePath: abs, name: name, board: board))
            }
        }
        scan(spaceJournalDirectory, rel: "journal", board: nil)
        let boards = (try? fm.contentsOfDirectory(atPath: boardsDirectory)) ?? []
        for entry in boards.sorted() where !entry.hasPrefix(".") {
            guard let slug = try? BoardSlug(entry) else {
                strays.append("boards/" + entry)
                continue
            }
            let dir = boardDirectory(slug)
            if isSymlink(dir) {
                strays.append("boards/" + entry + " (symbolic link, ignored)")
                continue
            }
            scan(dir + "/journal", rel: "boards/\(entry)/journal", board: slug)
        }
        return (found, strays)
    }
}

func isSymlink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
}
