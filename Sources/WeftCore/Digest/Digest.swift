/// One person's weekly digest: what happened in an ISO week (in their time zone)
/// on the boards they can read, and what is waiting for them. Built by the store
/// from its index; rendered by ``DigestText``, ``DigestMarkdown`` and ``DigestEmail``.
public struct Digest: Hashable, Sendable {
    public var viewer: Handle
    public var viewerName: String?
    public var week: ISOWeek
    /// The IANA name of the zone the week and every time are shown in.
    public var timeZone: String
    public var interval: Range<Timestamp>
    public var generatedAt: Timestamp
    public var counts: Counts
    public var sections: [DigestSection]

    public init(viewer: Handle, viewerName: String? = nil, week: ISOWeek, timeZone: String, interval: Range<Timestamp>,
                generatedAt: Timestamp, counts: Counts, sections: [DigestSection]) {
        self.viewer = viewer
        self.viewerName = viewerName
        self.week = week
        self.timeZone = timeZone
        self.interval = interval
        self.generatedAt = generatedAt
        self.counts = counts
        self.sections = sections
    }

    /// The header: what happened in the week.
    public struct Counts: Hashable, Sendable {
        public var threads = 0
        public var comments = 0
        public var statusUpdates = 0
        public var decisions = 0
        public var activePeople = 0
        public init(threads: Int = 0, comments: Int = 0, statusUpdates: Int = 0, decisions: Int = 0, activePeople: Int = 0) {
            self.threads = threads
            self.comments = comments
            self.statusUpdates = statusUpdates
            self.decisions = decisions
            self.activePeople = activePeople
        }
    }

    public func section(_ kind: DigestSection.Kind) -> DigestSection? { sections.first { $0.kind == kind } }

    /// `2026-W47 (Mon Nov 16 – Sun Nov 22)`
    public var title: String {
        let m = week.monday, s = week.sunday
        return "\(week) (Mon \(LocalTime.months[m.month - 1]) \(m.day) – Sun \(LocalTime.months[s.month - 1]) \(s.day) \(s.year))"
    }

    /// `12 threads · 80 comments · 9 status updates · 2 decisions · 14 active people`
    public var countsLine: String {
        func n(_ v: Int, _ one: String, _ many: String) -> String { "\(v) \(v == 1 ? one : many)" }
        return [n(counts.threads, "new thread", "new threads"), n(counts.comments, "comment", "comments"),
                n(counts.statusUpdates, "status update", "status updates"), n(counts.decisions, "decision", "decisions"),
                n(counts.activePeople, "active person", "active people")].joined(separator: " · ")
    }
}

/// One part of a digest, in the order the digest shows them.
public struct DigestSection: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case decisions, statusUpdates, checkinAnswers, newThreads, mostActive, waitingForReply,
             followUpsForMe, followUpsIAsked, unreadMentions

        public var title: String {
            switch self {
            case .decisions: "Decisions made"
            case .statusUpdates: "Status updates by person"
            case .checkinAnswers: "Check-in answers"
            case .newThreads: "New threads by board"
            case .mostActive: "Most active threads"
            case .waitingForReply: "Threads still waiting for a first reply"
            case .followUpsForMe: "Follow-ups for me"
            case .followUpsIAsked: "Follow-ups I asked, still open"
            case .unreadMentions: "Mentions I have not read"
            }
        }

        /// What an empty section says.
        public var emptyText: String {
            switch self {
            case .decisions: "No decisions this week."
            case .statusUpdates: "No status updates this week."
            case .checkinAnswers: "No check-in answers this week."
            case .newThreads: "No new threads this week."
            case .mostActive: "No discussion this week."
            case .waitingForReply: "Every recent thread has a reply."
            case .followUpsForMe: "Nothing is waiting for you."
            case .followUpsIAsked: "None open."
            case .unreadMentions: "You have read every mention."
            }
        }
    }

    public var kind: Kind
    public var groups: [DigestGroup]

    public init(kind: Kind, groups: [DigestGroup]) {
        self.kind = kind
        self.groups = groups.filter { !$0.items.isEmpty }
    }

    public var title: String { kind.title }
    public var itemCount: Int { groups.reduce(0) { $0 + $1.items.count } }
    public var isEmpty: Bool { itemCount == 0 }
}

/// Items under an optional heading (a person, a board, a question, "Overdue").
public struct DigestGroup: Hashable, Sendable {
    public var heading: String?
    public var items: [DigestItem]
    public init(heading: String? = nil, items: [DigestItem]) {
        self.heading = heading
        self.items = items
    }
}

/// One line of a digest. Every item names its board (nil for a status update
/// posted to the whole space), its author and when it happened.
public struct DigestItem: Hashable, Sendable {
    public enum Kind: String, Sendable { case thread, comment, status, decision, followUp }

    public var kind: Kind
    public var id: EventID
    /// The thread to open for this item (nil for status updates).
    public var thread: EventID?
    public var board: BoardSlug?
    public var author: Handle
    public var at: Timestamp
    /// The thread's title, or a status update's text.
    public var title: String
    /// More text: a decision's summary, a comment's opening, a follow-up's note.
    public var text: String?
    /// A short fact: "12 comments", "due Fri Nov 20 17:00", "blocked".
    public var note: String?
    /// Shown louder: blocked and at-risk updates, overdue follow-ups.
    public var highlight: Bool

    public init(kind: Kind, id: EventID, thread: EventID? = nil, board: BoardSlug?, author: Handle, at: Timestamp,
                title: String, text: String? = nil, note: String? = nil, highlight: Bool = false) {
        self.kind = kind
        self.id = id
        self.thread = thread
        self.board = board
        self.author = author
        self.at = at
        self.title = title
        self.text = text
        self.note = note
        self.highlight = highlight
    }
}
