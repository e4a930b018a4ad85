import WeftCore

/// Small builders for events in tests.
enum F {
    static func t(_ iso: String) -> Timestamp { Timestamp(iso8601: iso)! }
    static func h(_ s: String) -> Handle { try! Handle(s) }
    static func b(_ s: String) -> BoardSlug { try! BoardSlug(s) }

    nonisolated(unsafe) static var rng = SystemRandomNumberGenerator()

    static func id(_ at: Timestamp) -> EventID { EventID.make(at: at, random: &rng) }

    static func ev(_ payload: Payload, by who: String, board: String? = "general", at iso: String, id: EventID? = nil) -> StoredEvent {
        let at = t(iso)
        return StoredEvent(event: Event(id: id ?? F.id(at), at: at, author: h(who), payload: payload),
                           author: h(who), board: board.map(b))
    }
}
