/// The forum as its events describe it: the reference fold of Weft's rules.
///
/// Events take effect in (time, id) order; an id seen before is ignored; the
/// latest edit of a post wins and earlier versions are kept as history; only a
/// post's author may edit or redact it; only the assignee may mark a follow-up
/// done or declined and only the requester may cancel it. The store's SQLite
/// index implements the same rules incrementally and is tested against this fold.
public struct Forum: Sendable {
    public private(set) var boards: [BoardSlug: Board] = [:]
    public private(set) var members: [Handle: Member] = [:]
    public private(set) var threads: [EventID: ForumThread] = [:]
    public private(set) var comments: [EventID: Comment] = [:]
    public private(set) var statuses: [EventID: StatusUpdate] = [:]
    public private(set) var followUps: [EventID: FollowUp] = [:]
    /// Reactions per target: emoji → people, in the order they reacted.
    public private(set) var reactions: [EventID: [String: [Handle]]] = [:]
    public private(set) var decisionHistory: [EventID: [Decision]] = [:]
    /// Pinned threads: who pinned each and when.
    public private(set) var pins: [EventID: Pin] = [:]
    public private(set) var checkins: [EventID: Checkin] = [:]
    private var seen: Set<EventID> = []

    public init() {}

    /// Folds `events` in application order, whatever order they come in.
    public init(events: [StoredEvent]) {
        for e in events.sorted(by: StoredEvent.applicationOrder) { apply(e) }
    }

    /// The reaction rule, on one post's reactions (emoji → people, in the order
    /// they reacted): adding twice counts once; removing drops the person, and
    /// an emoji nobody uses any more. Other payloads change nothing.
    public static func react(_ payload: Payload, by who: Handle, to reactions: inout [String: [Handle]]) {
        switch payload {
        case .reactionAdded(let p):
            var people = reactions[p.emoji, default: []]
            if !people.contains(who) { people.append(who) }
            reactions[p.emoji] = people
        case .reactionRemoved(let p):
            guard var people = reactions[p.emoji] else { return }
            people.removeAll { $0 == who }
            reactions[p.emoji] = people.isEmpty ? nil : people
        default:
            return
        }
    }

    /// Applies one event. Callers must apply events in application order.
    public mutating func apply(_ stored: StoredEvent) {
        let e = stored.event
        guard seen.insert(e.id).inserted else { return }
        let who = stored.author
        if members[who] == nil { members[who] = Member(handle: who, firstSeen: e.at) }
        switch e.payload {
        case .boardCreated(let p):
            guard let slug = stored.board, boards[slug] == nil else { return }
            boards[slug] = Board(slug: slug, title: p.title, purpose: p.purpose, visibility: p.visibility,
                                 createdAt: e.at, createdBy: who)
        case .boardUpdated(let p):
            guard let slug = stored.board, var b = boards[slug] else { return }
            if let t = p.title { b.title = t }
            if let pu = p.purpose { b.purpose = pu.isEmpty ? nil : pu }
            boards[slug] = b
        case .threadCreated(let p):
            guard let slug = stored.board else { return }
            threads[e.id] = ForumThread(id: e.id, board: slug, author: who, createdAt: e.at, title: p.title,
                                        blocks: p.blocks, mentions: p.mentions ?? [], lastActivity: e.at)
        case .commentCreated(let p):
            guard let slug = stored.board else { return }
            comments[e.id] = Comment(id: e.id, thread: p.thread, board: slug, parent: p.parent, anchor: p.anchor,
                                     author: who, createdAt: e.at, body: p.body, mentions: p.mentions ?? [])
            if var t = threads[p.thread], t.board == slug {
                t.lastActivity = max(t.lastActivity, e.at)
                threads[p.thread] = t
            }
        case .postEdited(let p):
            if var t = threads[p.target], t.author == who {
                t.history.append(Revision(at: t.editedAt ?? t.createdAt, title: t.title, text: Blocks.join(t.blocks)))
                if let title = p.title { t.title = title }
                if let blocks = p.blocks { t.blocks = blocks }
                t.editedAt = e.at
                threads[p.target] = t
            } else if var c = comments[p.target], c.author == who, let body = p.body {
                c.history.append(Revision(at: c.editedAt ?? c.createdAt, title: nil, text: c.body))
                c.body = body
                c.editedAt = e.at
                comments[p.target] = c
            }
        case .postRedacted(let p):
            if var t = threads[p.target], t.author == who {
                t.redacted = true
                threads[p.target] = t
            } else if var c = comments[p.target], c.author == who {
                c.redacted = true
                comments[p.target] = c
            }
        case .reactionAdded(let p), .reactionRemoved(let p):
            var forTarget = reactions[p.target, default: [:]]
            Self.react(e.payload, by: who, to: &forTarget)
            reactions[p.target] = forTarget.isEmpty ? nil : forTarget
        case .statusPosted(let p):
            statuses[e.id] = StatusUpdate(id: e.id, board: stored.board, author: who, at: e.at, kind: p.kind, text: p.text,
                                          checkin: p.checkin, occurrence: p.occurrence)
        case .followupRequested(let p):
            guard let slug = stored.board else { return }
            followUps[e.id] = FollowUp(id: e.id, board: slug, target: p.target, requester: who, assignee: p.assignee,
                                       due: p.due, note: p.note, state: .open, reason: nil, createdAt: e.at)
        case .followupResolved(let p):
            guard var f = followUps[p.followup], FollowUpRules.may(who, set: p.state, on: f) else { return }
            f.state = p.state
            f.reason = p.reason
            followUps[p.followup] = f
        case .followupRescheduled(let p):
            guard var f = followUps[p.followup], f.state == .open, FollowUpRules.mayReschedule(who, f) else { return }
            f.due = p.due
            followUps[p.followup] = f
        case .threadDecided(let p):
            let d = Decision(id: e.id, thread: p.thread, comment: p.comment, summary: p.summary, author: who, at: e.at, isReopening: false)
            decisionHistory[p.thread, default: []].append(d)
            if var t = threads[p.thread] {
                t.decision = d
                threads[p.thread] = t
            }
        case .threadReopened(let p):
            let d = Decision(id: e.id, thread: p.thread, comment: nil, summary: p.reason, author: who, at: e.at, isReopening: true)
            decisionHistory[p.thread, default: []].append(d)
            if var t = threads[p.thread] {
                t.decision = nil
                threads[p.thread] = t
            }
        case .threadPinned(let p), .threadUnpinned(let p):
            guard let slug = stored.board, Self.may(who, pinIn: boards[slug]) else { return }
            if case .threadPinned = e.payload {
                pins[p.thread] = Pin(thread: p.thread, board: slug, by: who, at: e.at)
            } else {
                pins[p.thread] = nil
            }
        case .memberProfile(let p):
            var m = members[who] ?? Member(handle: who, firstSeen: e.at)
            if let n = p.name { m.name = n.isEmpty ? nil : n }
            if let tz = p.tz { m.timeZone = tz.isEmpty ? nil : tz }
            if let h = p.hours { m.hours = h.isEmpty ? nil : try? WorkingHours(parsing: h) }
            if let mail = p.email { m.email = mail.isEmpty ? nil : mail }
            members[who] = m
        case .access:
            break  // roles and board membership are folded by SpaceAccess
        case .checkinScheduled(let p):
            guard let slug = stored.board, checkins[e.id] == nil, let every = try? Recurrence(parsing: p.every) else { return }
            checkins[e.id] = Checkin(id: e.id, board: slug, author: who, createdAt: e.at, question: p.question, every: every,
                                     audience: p.audience ?? [])
        case .checkinPaused(let p):
            setCheckin(p.checkin, to: .paused, by: who, at: e.at)
        case .checkinResumed(let p):
            setCheckin(p.checkin, to: .active, by: who, at: e.at)
        case .checkinDeleted(let p):
            setCheckin(p.checkin, to: .deleted, by: who, at: e.at)
        }
    }

    /// Only a check-in's author changes it, and a deleted check-in stays deleted.
    private mutating func setCheckin(_ id: EventID, to state: Checkin.State, by who: Handle, at: Timestamp) {
        guard var c = checkins[id], c.author == who, c.state != .deleted, c.state != state else { return }
        c.state = state
        c.changedAt = at
        checkins[id] = c
    }

    /// Comments of a thread in creation order.
    public func comments(of thread: EventID) -> [Comment] {
        comments.values.filter { $0.thread == thread }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
    }
}

/// Who may change a follow-up's state.
public enum FollowUpRules {
    public static func may(_ who: Handle, set state: FollowUpState, on f: FollowUp) -> Bool {
        switch state {
        case .done, .declined: who == f.assignee
        case .cancelled: who == f.requester
        case .open: who == f.requester || who == f.assignee
        }
    }

    /// The requester or the assignee may move the due date of an open follow-up.
    public static func mayReschedule(_ who: Handle, _ f: FollowUp) -> Bool {
        who == f.requester || who == f.assignee
    }
}
