/// The payloads of recurring check-ins (see `Docs/storage-format.md`).

/// A recurring question on a board: `checkin.scheduled`. The event's id is the check-in's id.
public struct CheckinScheduled: Hashable, Sendable, Codable {
    public var question: String
    /// A ``Recurrence`` as text, e.g. `fri 16:00` (each person's local time).
    public var every: String
    /// Who is asked; nil or empty means everyone who has written in the space.
    public var audience: [Handle]?
    public init(question: String, every: String, audience: [Handle]? = nil) {
        self.question = question
        self.every = every
        self.audience = audience
    }
}

/// `checkin.paused`, `checkin.resumed` and `checkin.deleted`: only the check-in's author may change it.
public struct CheckinChange: Hashable, Sendable, Codable {
    public var checkin: EventID
    public init(checkin: EventID) {
        self.checkin = checkin
    }
}
