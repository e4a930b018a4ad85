import Foundation
import WeftCore
#if canImport(Glibc)
import Glibc
#endif

/// A space shared by a Unix group on one host (`weft init PATH --shared GROUP`).
///
/// The modes (see Docs/security.md):
/// - the space root: `2750`, owned by its creator, group = the space's group;
/// - `journal/` and `boards/`: `3770` — the group may add entries, the sticky bit
///   stops anyone deleting or renaming another person's entries, setgid keeps the group;
/// - a public board `boards/<slug>/`: `2750` (only its creator adds entries);
///   a private one: `2700` plus a POSIX ACL giving each member `r-x`;
/// - `boards/<slug>/journal/`: `3770`;
/// - journals: `0640` — the group reads, only the owner writes.
/// Weft sets these modes on what it creates (whatever the umask) and never changes
/// the mode of anything that already exists; `weft doctor` explains deviations.
extension Space {
    public enum Modes {
        public static let root: mode_t = 0o2750
        public static let dropDirectory: mode_t = 0o3770
        public static let publicBoard: mode_t = 0o2750
        public static let privateBoard: mode_t = 0o2700
        public static let journal: mode_t = 0o640
    }

    public var isShared: Bool { manifest.group != nil }
    public var creator: Handle? { manifest.creator.flatMap { try? Handle($0) } }

    /// The mode journals are created with: exact on a shared space, `0644` less the umask otherwise.
    var journalMode: (mode: mode_t, exact: Bool) { isShared ? (Modes.journal, true) : (0o644, false) }

    static func createShared(at path: String, manifest: SpaceManifest, group: String) throws(StoreError) -> Space {
        guard let gid = groupID(group) else {
            throw .config("no Unix group named '\(Inert.line(group))': create it first (groupadd \(Inert.line(group))) and add the team to it")
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard mkdir(path, 0o700) == 0 else { throw .notWritable(path) }
        }
        guard chown(path, uid_t.max, gid) == 0 else {
            throw .config("cannot give \(path) to group '\(group)': \(errnoText()) (you must belong to the group)")
        }
        guard chmod(path, Modes.root) == 0 else { throw .notWritable(path) }
        for dir in [path + "/journal", path + "/boards"] {
            try makeDirectory(dir, mode: Modes.dropDirectory)
        }
        let tmp = path + "/.weft.json.tmp"
        let data = manifest.encoded()
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .notWritable(path) }
        let ok = data.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress, raw.count) == raw.count }
        fchmod(fd, 0o640)
        fsync(fd)
        close(fd)
        guard ok, rename(tmp, path + "/weft.json") == 0 else { throw .io(path, "cannot write weft.json: \(errnoText())") }
        return Space(root: path, manifest: manifest)
    }

    /// Creates a directory with exactly `mode` (the umask does not apply); refuses
    /// to go through a symbolic link.
    static func makeDirectory(_ path: String, mode: mode_t) throws(StoreError) {
        if isSymlink(path) { throw .symlink(path) }
        if mkdir(path, 0o700) != 0 {
            if errno == EEXIST { return }
            throw .notWritable(path)
        }
        guard chmod(path, mode) == 0 else { throw .io(path, "cannot set its mode: \(errnoText())") }
    }

    /// Creates `dir` (a journal directory) and, on a shared space, its board
    /// directory, with the space's modes.
    func prepareJournalDirectory(_ dir: String, board: BoardSlug?, visibility: Visibility = .public) throws(StoreError) {
        if let board {
            let boardDir = boardDirectory(board)
            if isSymlink(boardDir) { throw .symlink(boardDir) }
            if isShared {
                try Self.makeDirectory(boardDir, mode: visibility == .private ? Modes.privateBoard : Modes.publicBoard)
            }
        }
        if isSymlink(dir) { throw .symlink(dir) }
        if FileManager.default.fileExists(atPath: dir) { return }
        if isShared {
            try Self.makeDirectory(dir, mode: Modes.dropDirectory)
        } else {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw .notWritable(dir)
            }
        }
    }

    // MARK: Who owns what

    /// The uid of the Unix user named like `handle` (on a shared space a member's
    /// handle is their login name).
    public static func userID(_ handle: Handle) -> uid_t? {
        guard let pw = getpwnam(handle.rawValue) else { return nil }
        return pw.pointee.pw_uid
    }

    public static func groupID(_ name: String) -> gid_t? {
        guard let gr = getgrnam(name) else { return nil }
        return gr.pointee.gr_gid
    }

    /// On a shared space, why the journal at `location` cannot be trusted (nil when it can):
    /// it must be a regular file owned by the Unix user its handle names.
    public func distrust(_ location: JournalLocation) -> String? {
        guard isShared else { return nil }
        var st = stat()
        guard lstat(location.absolutePath, &st) == 0 else { return nil }
        if (st.st_mode & S_IFMT) != S_IFREG { return "not a regular file; rejected" }
        guard let uid = Self.userID(location.name.handle) else {
            return "no Unix user is named '\(location.name.handle)', so nobody can prove they wrote it; rejected"
        }
        if st.st_uid != uid {
            let owner = getpwuid(st.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(st.st_uid)"
            return "owned by \(owner), not by \(location.name.handle) (uid \(uid)): forged authorship; rejected"
        }
        if st.st_mode & 0o022 != 0 {
            return "writable by others than \(location.name.handle), so anyone could have written in it; rejected until its owner runs chmod go-w"
        }
        return nil
    }

    /// The journals to read: those found, less (on a shared space) any whose owner
    /// does not match its handle, which are returned as rejected with the reason.
    public func trustedJournals() -> (found: [JournalLocation], rejected: [(path: String, reason: String)]) {
        var trusted: [JournalLocation] = []
        var rejected: [(String, String)] = []
        for j in journals().found {
            if let why = distrust(j) { rejected.append((j.relativePath, why)) } else { trusted.append(j) }
        }
        return (trusted, rejected)
    }
}
