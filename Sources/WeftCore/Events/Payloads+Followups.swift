/// `followup.rescheduled`: a new due date for an open follow-up, set by its
/// requester or its assignee (see ``FollowUpRules``).
public struct FollowupRescheduled: Hashable, Sendable, Codable {
    public var followup: EventID
    public var due: Timestamp
    public init(followup: EventID, due: Timestamp) {
        self.followup = followup
        self.due = due
    }
}
