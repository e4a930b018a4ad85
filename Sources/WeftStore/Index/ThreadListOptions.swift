import WeftCore

/// How a board's thread list is filtered and sorted. Pinned threads always
/// come first; within them and within the rest, the sort decides.
public struct ThreadListOptions: Hashable, Sendable {
    public var filters: Set<ThreadFilter>
    public var sort: ThreadSort

    public init(filters: Set<ThreadFilter> = [], sort: ThreadSort = .activity) {
        self.filters = filters
        self.sort = sort
    }

    public static let `default` = ThreadListOptions()

    public var isDefault: Bool { self == .default }

    /// Turns `filter` on or off; decided and undecided exclude each other.
    public mutating func toggle(_ filter: ThreadFilter) {
        if filters.remove(filter) != nil { return }
        filters.insert(filter)
        if filter == .decided { filters.remove(.undecided) }
        if filter == .undecided { filters.remove(.decided) }
    }

    /// "unread · mine · by creation": what the title bar shows; empty for the default.
    public var summary: String {
        var parts = ThreadFilter.allCases.filter(filters.contains).map(\.label)
        if sort != .activity { parts.append("by " + sort.label) }
        return parts.joined(separator: " · ")
    }

    /// The stored form: `sort=created;filters=mine,unread`.
    public var encoded: String {
        "sort=\(sort.rawValue);filters=" + ThreadFilter.allCases.filter(filters.contains).map(\.rawValue).joined(separator: ",")
    }

    public init(encoded: String) {
        self.init()
        for part in encoded.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            switch kv[0] {
            case "sort": sort = ThreadSort(rawValue: kv[1]) ?? .activity
            case "filters": filters = Set(kv[1].split(separator: ",").compactMap { ThreadFilter(rawValue: String($0)) })
            default: break
            }
        }
    }
}

public enum ThreadFilter: String, CaseIterable, Hashable, Sendable {
    /// Threads with posts the viewer has not read.
    case unread
    case decided
    case undecided
    /// Threads with an open follow-up on the thread or one of its comments.
    case followups
    /// Threads the viewer started or commented on.
    case mine
    case pinned

    public var label: String {
        switch self {
        case .unread: "unread"
        case .decided: "decided"
        case .undecided: "undecided"
        case .followups: "open follow-ups"
        case .mine: "mine"
        case .pinned: "pinned"
        }
    }
}

public enum ThreadSort: String, CaseIterable, Hashable, Sendable {
    /// Most recent activity first (the default).
    case activity
    /// Newest thread first.
    case created
    /// Most unread posts first.
    case unread

    public var label: String {
        switch self {
        case .activity: "last activity"
        case .created: "creation"
        case .unread: "unread count"
        }
    }

    /// The next sort in the cycle the UI's sort key walks.
    public var next: ThreadSort {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

extension ThreadListOptions {
    /// FROM and WHERE for posts of thread `t` the viewer (`:me`) has not read.
    static let unreadPostsSQL = """
        FROM posts p INDEXED BY posts_thread WHERE p.thread = t.id AND p.board = t.board AND p.author != :me
            AND p.redacted = 0 AND NOT EXISTS (SELECT 1 FROM st.read r WHERE r.post = p.id)
        """

    /// The number of posts of thread `t` the viewer has not read.
    static let unreadCountSQL = "(SELECT count(*) \(unreadPostsSQL))"

    /// The expression the list is sorted by (descending), as text so that
    /// (pinned, key, id) orders rows and anchors pages for every sort.
    var keySQL: String {
        switch sort {
        case .activity: "t.last_activity"
        case .created: "t.created_at"
        case .unread: "printf('%010d', \(Self.unreadCountSQL))"
        }
    }

    /// Conditions on thread `t` of board `:board`, each starting with AND.
    var whereSQL: String {
        var sql = ""
        for filter in ThreadFilter.allCases where filters.contains(filter) {
            switch filter {
            case .unread: sql += " AND EXISTS (SELECT 1 \(Self.unreadPostsSQL))"
            case .decided: sql += " AND t.decided = 1"
            case .undecided: sql += " AND t.decided = 0"
            case .followups:
                // Uncorrelated: one pass over the board's open follow-ups, not one per thread.
                sql += """
                     AND t.id IN (SELECT q.thread FROM followups f JOIN posts q ON q.id = f.target
                        WHERE f.board = :board AND f.state = 'open')
                    """
            case .mine:
                sql += """
                     AND (t.author = :me OR t.id IN (SELECT p.thread FROM posts p INDEXED BY posts_unread
                        WHERE p.board = :board AND p.author = :me))
                    """
            case .pinned: sql += " AND t.pinned = 1"
            }
        }
        return sql
    }
}
