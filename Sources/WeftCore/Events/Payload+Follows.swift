/// What an event must come after: the entities it changes or answers. Readers
/// apply events in `(at, id)` order, so an edit stamped before its post (one of
/// a person's devices with its clock behind another's) would take no effect;
/// a writer stamps such an event after them (`Event.stamp(now:after:)`).
extension Payload {
    public var follows: [EventID] {
        switch self {
        case .commentCreated(let p): [p.thread] + (p.parent.map { [$0] } ?? [])
        case .postEdited(let p): [p.target]
        case .postRedacted(let p): [p.target]
        case .reactionAdded(let p), .reactionRemoved(let p): [p.target]
        case .statusPosted(let p): p.checkin.map { [$0] } ?? []
        case .followupRequested(let p): [p.target]
        case .followupResolved(let p): [p.followup]
        case .followupRescheduled(let p): [p.followup]
        case .threadDecided(let p): [p.thread] + (p.comment.map { [$0] } ?? [])
        case .threadReopened(let p): [p.thread]
        case .threadPinned(let p), .threadUnpinned(let p): [p.thread]
        case .checkinPaused(let p), .checkinResumed(let p), .checkinDeleted(let p): [p.checkin]
        case .boardCreated, .boardUpdated, .threadCreated, .memberProfile, .access, .checkinScheduled: []
        }
    }
}

extension EventID {
    /// The time the id was made at: its first 48 bits (UUIDv7), in milliseconds.
    public var time: Timestamp {
        var ms: Int64 = 0
        for byte in rawValue.utf8.prefix(13) where byte != 45 {
            let digit = byte <= 57 ? byte - 48 : byte - 87
            ms = ms << 4 | Int64(digit)
        }
        return Timestamp(milliseconds: ms)
    }
}

extension Event {
    /// The time to stamp a new event with `payload` at: `now`, or just after the
    /// newest entity it follows when `now` is before that (a clock behind).
    public static func stamp(now: Timestamp, after payload: Payload) -> Timestamp {
        let newest = payload.follows.map(\.time.milliseconds).max() ?? Int64.min
        return newest >= now.milliseconds ? Timestamp(milliseconds: newest + 1) : now
    }
}
