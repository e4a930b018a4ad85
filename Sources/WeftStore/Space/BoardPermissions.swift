import Foundation
import WeftCore
#if canImport(Glibc)
import Glibc
#endif

/// Who may enter a board's directory on a shared space, enforced by the kernel.
///
/// A private board's directory is mode `2700` (its creator) plus a POSIX ACL
/// (`setfacl`, Debian package `acl`) giving each other member `r-x`; its
/// `journal/` inside stays group-writable, but only people who can enter the
/// board directory can reach it. ACLs rather than a group per board: creating
/// groups needs root, while the owner of a directory can set its ACL.
/// A public board's directory is `2750` with no ACL.
enum BoardPermissions {
    static func tool(_ name: String) -> String? {
        for dir in ["/usr/bin", "/bin", "/usr/local/bin"] where access(dir + "/" + name, X_OK) == 0 {
            return dir + "/" + name
        }
        return nil
    }

    static func checkTools(_ space: Space) throws(StoreError) {
        guard space.isShared else { return }
        if tool("setfacl") == nil || tool("getfacl") == nil {
            throw .config("private boards on a shared space need POSIX ACLs: install setfacl/getfacl (Debian package 'acl')")
        }
    }

    /// Only the owner of a directory (or root) can change its ACL.
    static func checkOwner(_ space: Space, _ slug: BoardSlug) throws(StoreError) {
        let dir = space.boardDirectory(slug)
        var st = stat()
        guard lstat(dir, &st) == 0 else { throw .io(dir, "cannot stat: \(errnoText())") }
        if (st.st_mode & S_IFMT) != S_IFDIR { throw .symlink(dir) }
        if st.st_uid != geteuid() && geteuid() != 0 {
            let owner = getpwuid(st.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(st.st_uid)"
            throw .config("only \(owner), who owns boards/\(slug), or root can change who may enter it: ask them to run this command")
        }
    }

    /// Sets the directory's mode and ACL for `visibility` with `readers` (uids).
    static func apply(_ space: Space, _ slug: BoardSlug, visibility: Visibility, readers: [uid_t]) throws(StoreError) {
        guard space.isShared else { return }
        let dir = space.boardDirectory(slug)
        try checkOwner(space, slug)
        var st = stat()
        guard lstat(dir, &st) == 0 else { throw .io(dir, errnoText()) }
        switch visibility {
        case .private:
            try checkTools(space)
            guard chmod(dir, Space.Modes.privateBoard) == 0 else { throw .io(dir, "cannot set its mode: \(errnoText())") }
            var spec = "u::rwx,g::---,o::---"
            let others = readers.filter { $0 != st.st_uid }
            if !others.isEmpty { spec += ",m::r-x," + others.map { "u:\($0):r-x" }.joined(separator: ",") }
            try run("setfacl", ["--set", spec, dir])
        case .public:
            if tool("setfacl") != nil { try run("setfacl", ["-b", dir]) }
            guard chmod(dir, Space.Modes.publicBoard) == 0 else { throw .io(dir, "cannot set its mode: \(errnoText())") }
        }
    }

    /// A directory's ACL: the uids with a named entry, and who else may enter it
    /// through the group class (the owning group or named groups, less the mask).
    struct ACL {
        var users: [uid_t] = []
        var groupAccess: [String] = []
    }

    /// The directory's ACL (nil when it cannot be read).
    static func acl(_ dir: String) -> ACL? {
        guard tool("getfacl") != nil, let out = try? run("getfacl", ["-n", "-p", "--omit-header", dir]) else { return nil }
        var acl = ACL()
        var mask = "rwx"
        var groups: [(String, String)] = []
        var users: [(uid_t, String)] = []
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: "#", maxSplits: 1)[0].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { continue }
            switch parts[0] {
            case "user" where !parts[1].isEmpty: if let uid = uid_t(parts[1]) { users.append((uid, parts[2])) }
            case "group": groups.append((parts[1].isEmpty ? "its group" : "group \(parts[1])", parts[2]))
            case "mask": mask = parts[2]
            default: break
            }
        }
        func effective(_ perms: String) -> Bool { zip(perms, mask).contains { $0 != "-" && $1 != "-" } }
        acl.users = users.filter { effective($0.1) }.map(\.0)
        acl.groupAccess = groups.filter { effective($0.1) }.map(\.0)
        return acl
    }

    @discardableResult
    static func run(_ name: String, _ args: [String]) throws(StoreError) -> String {
        guard let path = tool(name) else { throw .config("\(name) is not installed (Debian package 'acl')") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw .io(path, "cannot run: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw .io(args.last ?? path, "\(name) failed: \(errText.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
