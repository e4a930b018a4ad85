/// Payloads of the access events: roles, board membership and board visibility.
/// They are events like any other, so every change is in the journals and audited.

/// A person's role in a space.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Manages members' roles and any board's membership and visibility.
    case admin
    /// Reads and writes every public board and the private boards they belong to.
    case member
    /// Sees only the boards they were added to.
    case guest

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
    private var rank: Int { switch self { case .guest: 0; case .member: 1; case .admin: 2 } }
}

/// `member.role` (space journal): gives `handle` the role `role`.
public struct MemberRole: Hashable, Sendable, Codable {
    public var handle: Handle
    public var role: Role
    public init(handle: Handle, role: Role) {
        self.handle = handle
        self.role = role
    }
}

/// `board.members` (the board's journal): adds and removes members of the board.
public struct BoardMembers: Hashable, Sendable, Codable {
    public var added: [Handle]?
    public var removed: [Handle]?
    public init(added: [Handle]? = nil, removed: [Handle]? = nil) {
        self.added = added
        self.removed = removed
    }
}

/// `board.visibility` (the board's journal): makes a board public or private.
public struct BoardVisibilityChange: Hashable, Sendable, Codable {
    public var visibility: Visibility
    public init(visibility: Visibility) { self.visibility = visibility }
}

/// The access events, one case of ``Payload``.
public enum AccessChange: Hashable, Sendable {
    case role(MemberRole)
    case members(BoardMembers)
    case visibility(BoardVisibilityChange)

    public var type: String {
        switch self {
        case .role: "member.role"
        case .members: "board.members"
        case .visibility: "board.visibility"
        }
    }

    public static let types = ["member.role", "board.members", "board.visibility"]
}
