import WeftCore

/// Deciding and reopening threads: the checks shared by the CLI and the full-screen UI.
extension Store {
    /// Marks `comment` (which must belong to the thread) and/or `summary` as the
    /// thread's decision. A new decision replaces the standing one; history is kept.
    @discardableResult
    public func decide(thread: EventID, comment: EventID?, summary: String?) throws(StoreError) -> Event {
        guard let detail = try index.thread(thread, viewer: me) else { throw .unknownID(thread.rawValue) }
        if let comment, !detail.comments.contains(where: { $0.id == comment }) {
            throw .wrongKind(comment.rawValue, expected: "comment of this thread")
        }
        guard comment != nil || summary != nil else { throw .config("nothing to decide: give a comment or a summary") }
        return try append(.threadDecided(ThreadDecided(thread: thread, comment: comment, summary: summary)), board: detail.board.slug)
    }

    /// Reopens a decided thread; the decision stays in its history.
    @discardableResult
    public func reopen(thread: EventID, reason: String?) throws(StoreError) -> Event {
        guard let detail = try index.thread(thread, viewer: me) else { throw .unknownID(thread.rawValue) }
        guard detail.decision != nil else { throw .config("the thread is not decided, so there is nothing to reopen") }
        return try append(.threadReopened(ThreadReopened(thread: thread, reason: reason)), board: detail.board.slug)
    }

    /// The week of the viewer's digest: this week (in their zone) unless told.
    public func currentWeek() -> ISOWeek {
        WeekCalendar(viewerTimeZone()).week(containing: now)
    }

    /// The viewer's digest of `week`.
    public func digest(week: ISOWeek) throws(StoreError) -> Digest {
        try index.digest(viewer: me, week: week, zone: viewerTimeZone(), now: now)
    }
}
