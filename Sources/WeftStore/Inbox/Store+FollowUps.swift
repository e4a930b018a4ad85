import WeftCore

/// Writing follow-ups, shared by the CLI and the full-screen UI.
extension Store {
    /// Asks `assignee` to follow up on a post by `due`. The caller has parsed the due date.
    @discardableResult
    public func askFollowUp(on post: PostView, assignee: Handle, due: Timestamp, note: String?) throws(StoreError) -> Event {
        guard try index.member(assignee) != nil else {
            throw .config("no member '\(assignee)' in this space: see 'weft member list'")
        }
        if assignee == me {
            throw .config("you cannot ask yourself to follow up: set a reminder instead ('weft remind' or b)")
        }
        return try append(.followupRequested(FollowupRequested(target: post.id, assignee: assignee, due: due, note: note)),
                          board: post.board)
    }

    /// Marks a follow-up done, declined or cancelled, checking who may; a decline's
    /// reason is posted as a comment on the follow-up's post, mentioning the requester.
    public func resolveFollowUp(_ f: FollowUp, _ state: FollowUpState, reason: String?) throws(StoreError) {
        guard f.state == .open else { throw .config("follow-up \(f.id.short) is already \(f.state.rawValue)") }
        guard FollowUpRules.may(me, set: state, on: f) else {
            let who = state == .cancelled ? "the requester (\(f.requester))" : "the assignee (\(f.assignee))"
            throw .config("only \(who) can mark follow-up \(f.id.short) \(state.rawValue)")
        }
        try append(.followupResolved(FollowupResolved(followup: f.id, state: state, reason: reason)), board: f.board)
        if state == .declined, let reason, let post = try index.post(f.target, viewer: me) {
            let body = "Declined the follow-up from @\(f.requester): \(reason)"
            let comment = try append(.commentCreated(CommentCreated(thread: post.thread, parent: post.kind == .comment ? post.id : nil,
                                                                    body: body, mentions: [f.requester])), board: f.board)
            try index.markRead([comment.id])
        }
    }

    /// Moves an open follow-up's due date (requester or assignee only).
    public func rescheduleFollowUp(_ f: FollowUp, due: Timestamp) throws(StoreError) {
        guard f.state == .open else { throw .config("follow-up \(f.id.short) is already \(f.state.rawValue)") }
        guard FollowUpRules.mayReschedule(me, f) else {
            throw .config("only \(f.requester) or \(f.assignee) can change the due date of \(f.id.short)")
        }
        try append(.followupRescheduled(FollowupRescheduled(followup: f.id, due: due)), board: f.board)
    }

    /// One follow-up by id.
    public func followUp(_ id: EventID) throws(StoreError) -> FollowUp? {
        try index.followUps().first { $0.id == id }
    }
}
