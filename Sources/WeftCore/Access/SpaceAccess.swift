/// Who may read which board, and who may change roles and membership: the fold
/// of the access events (`board.created`, `member.role`, `board.members`,
/// `board.visibility`) in application order.
///
/// This is THE rule for "which boards can this viewer read" at the application
/// level; the store's index applies it when it catches up, so nothing of a board
/// the viewer may not read is ever indexed for them. On a shared host the
/// operating system enforces the same membership with the board directory's ACL.
///
/// Rules:
/// - the space's creator (named in `weft.json`) is its first admin; anyone else
///   is a member until an admin gives them another role;
/// - only admins change roles, and the last admin cannot be demoted;
/// - a board's creator and admins change its membership and visibility; guests
///   cannot create boards; a private board's creator cannot be removed from it
///   (they own its directory);
/// - a private board is readable by its members only; a public board by every
///   member and admin, and by guests who were added to it.
/// An event that breaks a rule changes nothing and is reported in ``ignored``.
public struct SpaceAccess: Sendable, Equatable {
    public struct BoardAccess: Sendable, Equatable {
        public var creator: Handle
        public var visibility: Visibility
        /// Members added to the board (its creator always belongs).
        public var members: Set<Handle>
    }

    public let creator: Handle?
    public private(set) var roles: [Handle: Role] = [:]
    public private(set) var boards: [BoardSlug: BoardAccess] = [:]
    /// Access events that changed nothing, with the reason.
    public private(set) var ignored: [(id: EventID, reason: String)] = []
    private var seen: Set<EventID> = []

    public init(creator: Handle?) {
        self.creator = creator
    }

    /// Folds `events` (any order; non-access events are skipped).
    public init(creator: Handle?, events: [StoredEvent]) {
        self.creator = creator
        for e in events.sorted(by: Self.order) { apply(e) }
    }

    /// Application order, except that a board's creation goes first among events of
    /// the same millisecond: `weft board create --private --members` writes the
    /// creation and the members in quick succession, and ids within one millisecond
    /// are random.
    static func order(_ a: StoredEvent, _ b: StoredEvent) -> Bool {
        if a.event.at != b.event.at { return a.event.at < b.event.at }
        let ca = a.event.payload.isBoardCreation, cb = b.event.payload.isBoardCreation
        if ca != cb { return ca }
        return a.event.id < b.event.id
    }

    public static func == (a: SpaceAccess, b: SpaceAccess) -> Bool {
        a.creator == b.creator && a.roles == b.roles && a.boards == b.boards
    }

    /// Whether an event takes part in this fold.
    public static func isAccessEvent(_ p: Payload) -> Bool {
        switch p {
        case .boardCreated, .access: true
        default: false
        }
    }

    /// `who`'s role.
    public func role(of who: Handle) -> Role {
        roles[who] ?? (who == creator ? .admin : .member)
    }

    /// THE rule: may `viewer` read `board`? Boards not (yet) known are readable:
    /// the operating system still decides whether their files can be opened.
    public func canRead(_ board: BoardSlug, viewer: Handle) -> Bool {
        guard let b = boards[board] else { return true }
        if b.members.contains(viewer) { return true }
        return b.visibility == .public && role(of: viewer) != .guest
    }

    /// The known boards `viewer` may not read.
    public func hiddenBoards(for viewer: Handle) -> Set<BoardSlug> {
        Set(boards.keys.filter { !canRead($0, viewer: viewer) })
    }

    /// Whether `who` may change `board`'s members and visibility.
    public func mayManage(_ board: BoardSlug, who: Handle) -> Bool {
        guard let b = boards[board] else { return false }
        return b.creator == who || role(of: who) == .admin
    }

    public var admins: [Handle] {
        var all = Set(roles.filter { $0.value == .admin }.keys)
        if let c = creator, roles[c] == nil { all.insert(c) }
        return all.sorted()
    }

    /// Applies one event; callers apply in application order.
    public mutating func apply(_ stored: StoredEvent) {
        let e = stored.event
        guard Self.isAccessEvent(e.payload), seen.insert(e.id).inserted else { return }
        let who = stored.author
        switch e.payload {
        case .boardCreated(let p):
            guard let slug = stored.board, boards[slug] == nil else { return }
            if role(of: who) == .guest { return ignore(e, "\(who) is a guest and guests cannot create boards") }
            boards[slug] = BoardAccess(creator: who, visibility: p.visibility, members: [who])
        case .access(.role(let p)):
            guard role(of: who) == .admin else { return ignore(e, "\(who) is not an admin; only admins change roles") }
            if p.role != .admin && role(of: p.handle) == .admin && admins == [p.handle] {
                return ignore(e, "\(p.handle) is the last admin and cannot be made \(p.role.rawValue)")
            }
            roles[p.handle] = p.role
        case .access(.members(let p)):
            guard let slug = stored.board, var b = boards[slug] else { return ignore(e, "the board is not known") }
            guard mayManage(slug, who: who) else {
                return ignore(e, "\(who) is neither the board's creator nor an admin; membership unchanged")
            }
            for h in p.added ?? [] { b.members.insert(h) }
            for h in p.removed ?? [] where h != b.creator { b.members.remove(h) }
            boards[slug] = b
        case .access(.visibility(let p)):
            guard let slug = stored.board, var b = boards[slug] else { return ignore(e, "the board is not known") }
            guard mayManage(slug, who: who) else {
                return ignore(e, "\(who) is neither the board's creator nor an admin; visibility unchanged")
            }
            b.visibility = p.visibility
            boards[slug] = b
        default:
            return
        }
    }

    private mutating func ignore(_ e: Event, _ reason: String) {
        ignored.append((e.id, "\(e.type) ignored: \(reason)"))
    }
}

extension Payload {
    var isBoardCreation: Bool { if case .boardCreated = self { true } else { false } }
}
