import Foundation
import WeftCore
#if canImport(Glibc)
import Glibc
#endif

/// What `weft doctor` finds wrong with a shared space's ownership and modes. It
/// explains and suggests a fix; it never changes a permission itself.
public struct PermissionFinding: Sendable, Equatable {
    public enum Level: Sendable { case ok, warn, fail }
    public var level: Level
    public var message: String
}

extension Space {
    /// Checks modes, groups, sticky bits, journal owners and private boards' ACLs
    /// against `access` (the events' view of who may enter which board).
    public func permissionFindings(access: SpaceAccess) -> [PermissionFinding] {
        guard let group = manifest.group else { return [] }
        var out: [PermissionFinding] = []
        func fail(_ s: String) { out.append(.init(level: .fail, message: s)) }
        func warn(_ s: String) { out.append(.init(level: .warn, message: s)) }
        guard let gid = Self.groupID(group) else {
            fail("the space's group '\(group)' does not exist on this host: create it (groupadd \(group)) or fix weft.json")
            return out
        }
        func stats(_ path: String) -> stat? {
            var st = stat()
            return lstat(path, &st) == 0 ? st : nil
        }
        func rel(_ path: String) -> String { path == root ? "the space directory" : String(path.dropFirst(root.count + 1)) }
        func checkDirectory(_ path: String, sticky: Bool, groupWrite: Bool) {
            guard let st = stats(path) else { return }
            let mode = st.st_mode & 0o7777
            if (st.st_mode & S_IFMT) != S_IFDIR { return fail("\(rel(path)) is not a directory (a planted link?): remove it") }
            if st.st_gid != gid { fail("\(rel(path)) belongs to group \(st.st_gid), not '\(group)': chgrp \(group) \(path)") }
            if mode & 0o2000 == 0 { warn("\(rel(path)) lacks the setgid bit, so new entries get the creator's group: chmod g+s \(path)") }
            if sticky && mode & 0o1000 == 0 {
                fail("\(rel(path)) is not sticky: anyone in '\(group)' can delete or replace another person's entries: chmod +t \(path)")
            }
            if !groupWrite && mode & 0o020 != 0 { fail("\(rel(path)) is group-writable: anyone in '\(group)' can replace what is in it: chmod g-w \(path)") }
            if mode & 0o002 != 0 { fail("\(rel(path)) is writable by everyone on this host: chmod o-w \(path)") }
            else if mode & 0o005 != 0 { warn("\(rel(path)) is open to users outside '\(group)': chmod o-rwx \(path)") }
        }
        checkDirectory(root, sticky: false, groupWrite: false)
        checkDirectory(spaceJournalDirectory, sticky: true, groupWrite: true)
        checkDirectory(boardsDirectory, sticky: true, groupWrite: true)
        if let st = stats(root + "/weft.json"), let c = creator, let uid = Self.userID(c), st.st_uid != uid {
            fail("weft.json is not owned by the space's creator \(c): someone may have replaced it")
        }
        let boards = (try? FileManager.default.contentsOfDirectory(atPath: boardsDirectory)) ?? []
        for entry in boards.sorted() {
            guard let slug = try? BoardSlug(entry) else { continue }
            let dir = boardDirectory(slug)
            guard let st = stats(dir), (st.st_mode & S_IFMT) == S_IFDIR else { continue }
            guard Glibc.access(dir, X_OK) == 0 else { continue }  // a private board you are not in: not yours to inspect
            let mode = st.st_mode & 0o7777
            let info = access.boards[slug]
            if mode & 0o022 != 0 { fail("boards/\(slug) is writable by others than its owner: chmod go-w \(dir)") }
            if mode & 0o007 != 0 { fail("boards/\(slug) is open to users outside '\(group)': chmod o-rwx \(dir)") }
            if info?.visibility == .private {
                if let acl = BoardPermissions.acl(dir) {
                    let allowed = Set((info?.members ?? []).compactMap(Self.userID))
                    for uid in acl.users where !allowed.contains(uid) {
                        let name = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
                        fail("private board '\(slug)': \(name) can enter its directory but is not a member: weft board members remove \(slug) \(name) (or setfacl -x u:\(name) \(dir))")
                    }
                    for uid in allowed where uid != st.st_uid && !acl.users.contains(uid) {
                        let name = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
                        warn("private board '\(slug)': member \(name) cannot enter its directory: its owner can run weft board members add \(slug) \(name)")
                    }
                    for who in acl.groupAccess {
                        fail("private board '\(slug)' can be entered by \(who), not just its members: chmod g-rwx \(dir) (or setfacl -m g::--- \(dir))")
                    }
                } else {
                    warn("private board '\(slug)': cannot read its ACL (install the 'acl' package)")
                }
            }
            checkDirectory(boardJournalDirectory(slug), sticky: true, groupWrite: true)
        }
        for j in journals().found {
            guard let st = stats(j.absolutePath) else { continue }
            if let why = distrust(j) { fail("\(j.relativePath): \(why)") }
            let mode = st.st_mode & 0o777
            if mode & 0o022 != 0 { fail("\(j.relativePath) is writable by others than its owner: its owner should run chmod go-w \(j.absolutePath)") }
            if mode & 0o040 == 0 { warn("\(j.relativePath) is not readable by the group: others cannot see what \(j.name.handle) wrote (chmod g+r)") }
        }
        return out
    }
}
