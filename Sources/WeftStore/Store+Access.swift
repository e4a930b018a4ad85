import Foundation
import WeftCore
#if canImport(Glibc)
import Glibc
#endif

/// Roles, board membership and visibility: each change is an event (so it is
/// audited) and, on a shared space, the board directory's permissions follow.
extension Store {
    /// On a shared space your handle must be your login name: the file system
    /// proves who wrote a journal by its owner.
    public static func checkSharedIdentity(_ me: Handle, group: String) throws(StoreError) {
        guard let uid = Space.userID(me) else {
            throw .config("this space is shared by group '\(group)': your handle '\(me)' must be your login name (unset WEFT_HANDLE and handle in config.toml)")
        }
        if uid != geteuid() {
            throw .config("this space is shared: you are uid \(geteuid()) but '\(me)' is uid \(uid); on a shared space you can only write as your own login (unset WEFT_HANDLE)")
        }
    }

    /// The viewer's role.
    public func role() throws(StoreError) -> Role { try index.access().role(of: me) }

    func newBoardVisibility(_ payload: Payload) -> Visibility {
        if case .boardCreated(let p) = payload { return p.visibility }
        return .public
    }

    /// Creates a board (private ones with `members`, who alone may enter it).
    @discardableResult
    public func createBoard(_ slug: BoardSlug, title: String, purpose: String?, visibility: Visibility = .public,
                            members: [Handle]) throws(StoreError) -> Event {
        if try index.board(slug) != nil { throw .boardExists(slug.rawValue) }
        // A board you may not read still takes its name.
        if try index.access().boards[slug] != nil { throw .boardExists(slug.rawValue) }
        if space.isShared, FileManager.default.fileExists(atPath: space.boardDirectory(slug)) || isSymlink(space.boardDirectory(slug)) {
            // A board that exists but that you may not read: say no more than that the name is taken.
            throw .boardExists(slug.rawValue)
        }
        if try role() == .guest { throw .config("guests cannot create boards: ask an admin") }
        if visibility == .private { try BoardPermissions.checkTools(space) }
        let others = members.filter { $0 != me }
        try checkUsers(others)
        let event = try append(.boardCreated(BoardCreated(title: title, purpose: purpose, visibility: visibility)), board: slug)
        if !others.isEmpty { try append(.access(.members(BoardMembers(added: Array(Set(others)).sorted()))), board: slug) }
        try syncPermissions(slug)
        return event
    }

    /// Adds and removes members of a board.
    @discardableResult
    public func changeMembers(_ slug: BoardSlug, add: [Handle], remove: [Handle]) throws(StoreError) -> Event {
        let access = try index.access()
        guard let b = access.boards[slug], try index.board(slug) != nil else { throw .unknownBoard(slug.rawValue) }
        guard access.mayManage(slug, who: me) else {
            throw .config("only the board's creator (\(b.creator)) or an admin can change its members")
        }
        if remove.contains(b.creator) {
            throw .config("\(b.creator) created '\(slug)' and owns its directory: they cannot be removed from it")
        }
        try checkUsers(add)
        // Only a private board's directory lists its members; a public one is left as it is.
        if b.visibility == .private { try checkCanSetPermissions(slug, visibility: b.visibility) }
        let event = try append(.access(.members(BoardMembers(added: add.isEmpty ? nil : add, removed: remove.isEmpty ? nil : remove))), board: slug)
        if b.visibility == .private { try syncPermissions(slug) }
        return event
    }

    /// Makes a board public or private.
    @discardableResult
    public func changeVisibility(_ slug: BoardSlug, to visibility: Visibility) throws(StoreError) -> Event {
        let access = try index.access()
        guard let b = access.boards[slug], try index.board(slug) != nil else { throw .unknownBoard(slug.rawValue) }
        guard access.mayManage(slug, who: me) else {
            throw .config("only the board's creator (\(b.creator)) or an admin can make it \(visibility.rawValue)")
        }
        if b.visibility == visibility { throw .config("'\(slug)' is already \(visibility.rawValue)") }
        try checkCanSetPermissions(slug, visibility: visibility)
        if visibility == .private {
            // Close the door before saying so.
            try BoardPermissions.apply(space, slug, visibility: .private, readers: try uids(b.members))
        }
        let event = try append(.access(.visibility(BoardVisibilityChange(visibility: visibility))), board: slug)
        try syncPermissions(slug)
        return event
    }

    /// Gives `handle` a role (admins only).
    @discardableResult
    public func setRole(_ handle: Handle, _ role: Role) throws(StoreError) -> Event {
        let access = try index.access()
        guard access.role(of: me) == .admin else { throw .config("only admins change roles; you are a \(access.role(of: me).rawValue)") }
        if role != .admin && access.admins == [handle] {
            throw .config("\(handle) is the last admin: make someone else admin first")
        }
        try checkUsers([handle])
        return try append(.access(.role(MemberRole(handle: handle, role: role))), board: nil)
    }

    /// On a shared space, makes the board directory's permissions say what the
    /// events say: a private board's members (and nobody else) may enter it.
    func syncPermissions(_ slug: BoardSlug) throws(StoreError) {
        guard space.isShared, let b = try index.access().boards[slug] else { return }
        try BoardPermissions.apply(space, slug, visibility: b.visibility, readers: try uids(b.members))
    }

    private func checkCanSetPermissions(_ slug: BoardSlug, visibility: Visibility) throws(StoreError) {
        guard space.isShared else { return }
        if visibility == .private { try BoardPermissions.checkTools(space) }
        try BoardPermissions.checkOwner(space, slug)
    }

    private func checkUsers(_ handles: [Handle]) throws(StoreError) {
        guard space.isShared else { return }
        for h in handles where Space.userID(h) == nil {
            throw .config("no Unix user is named '\(h)': on a shared space a member's handle is their login name")
        }
    }

    private func uids(_ handles: Set<Handle>) throws(StoreError) -> [uid_t] {
        handles.sorted().compactMap(Space.userID)
    }
}
