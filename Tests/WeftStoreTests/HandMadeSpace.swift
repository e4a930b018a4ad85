import Foundation
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// A small space written line by line at chosen times, for digest, decision and
/// check-in tests: ann (Berlin), bob (New York) and carol (Tokyo) on three boards.
struct HandMadeSpace {
    let box = Sandbox()
    let space: Space
    var ids: [String: EventID] = [:]

    init() throws {
        space = try Fixture.space(box)
    }

    /// Writes one event by `who` at `at` (UTC) and remembers its id under `name`.
    @discardableResult
    mutating func add(_ payload: Payload, by who: String, board: String? = "general", at: String) -> EventID {
        add(nil, payload, by: who, board: board, at: at)
    }

    @discardableResult
    mutating func add(_ name: String?, _ payload: Payload, by who: String, board: String? = "general", at: String) -> EventID {
        var rng = SystemRandomNumberGenerator()
        let t = Timestamp(iso8601: at)!
        let id = EventID.make(at: t, random: &rng)
        let line = EventCodec.encode(Event(id: id, at: t, author: try? Handle(who), payload: payload))
        let path = space.journalPath(JournalName(handle: try! Handle(who), device: try! DeviceID("laptop")),
                                     board: board.map { try! BoardSlug($0) })
        Fixture.append(line + "\n", to: path)
        if let name { ids[name] = id }
        return id
    }

    subscript(_ name: String) -> EventID { ids[name]! }

    func store(as who: String = "ann", now: String) throws -> Store {
        try Fixture.store(box, handle: who, clock: FixedClock(iso8601: now)!)
    }

    /// The scenario the digest tests read; "now" is Friday 2026-11-20 12:00 UTC, in 2026-W47.
    static func week47() throws -> HandMadeSpace {
        var s = try HandMadeSpace()
        s.add(.memberProfile(MemberProfile(name: "Ann Müller", tz: "Europe/Berlin", email: "ann@example.com")), by: "ann", board: nil, at: "2026-11-01T08:00:00.000Z")
        s.add(.memberProfile(MemberProfile(tz: "America/New_York")), by: "bob", board: nil, at: "2026-11-01T08:00:00.000Z")
        s.add(.memberProfile(MemberProfile(tz: "Asia/Tokyo")), by: "carol", board: nil, at: "2026-11-01T08:00:00.000Z")
        s.add(.boardCreated(BoardCreated(title: "General")), by: "ann", board: "general", at: "2026-11-01T09:00:00.000Z")
        s.add(.boardCreated(BoardCreated(title: "Engineering")), by: "bob", board: "eng", at: "2026-11-01T09:00:00.000Z")
        s.add(.boardCreated(BoardCreated(title: "Secret", visibility: .private)), by: "carol", board: "secret", at: "2026-11-01T09:00:00.000Z")

        // A thread from the week before, still unanswered.
        s.add("old", .threadCreated(ThreadCreated(title: "Old question", blocks: Blocks.split("Anyone?"))), by: "ann", at: "2026-11-10T10:00:00.000Z")
        s.add(.statusPosted(StatusPosted(kind: .done, text: "last week's work")), by: "bob", board: nil, at: "2026-11-12T10:00:00.000Z")

        // The week: a busy thread, decided.
        s.add("db", .threadCreated(ThreadCreated(title: "Pick a DB", blocks: Blocks.split("Which one?"))), by: "bob", at: "2026-11-17T10:00:00.000Z")
        s.add("c1", .commentCreated(CommentCreated(thread: s["db"], body: "Postgres.")), by: "ann", at: "2026-11-17T11:00:00.000Z")
        s.add("c2", .commentCreated(CommentCreated(thread: s["db"], body: "@ann what about SQLite?", mentions: [try Handle("ann")])),
              by: "carol", at: "2026-11-18T09:00:00.000Z")
        s.add(.commentCreated(CommentCreated(thread: s["db"], parent: s["c2"], body: "Too small.")), by: "bob", at: "2026-11-18T10:00:00.000Z")
        s.add("decision", .threadDecided(ThreadDecided(thread: s["db"], comment: s["c1"], summary: "Postgres it is")), by: "ann",
              at: "2026-11-19T08:00:00.000Z")
        // A quieter thread with a mention ann has read, and one nobody answered.
        s.add("lunch", .threadCreated(ThreadCreated(title: "Lunch Friday", blocks: Blocks.split("Who's in?"))), by: "carol", at: "2026-11-20T09:00:00.000Z")
        s.add("readmention", .commentCreated(CommentCreated(thread: s["lunch"], body: "@ann you?", mentions: [try Handle("ann")])),
              by: "bob", at: "2026-11-20T10:00:00.000Z")
        s.add("deploy", .threadCreated(ThreadCreated(title: "Deploy plan", blocks: Blocks.split("Draft."))), by: "carol", board: "eng",
              at: "2026-11-19T12:00:00.000Z")
        s.add("hidden", .threadCreated(ThreadCreated(title: "Secret plan", blocks: Blocks.split("Shh."))), by: "carol", board: "secret",
              at: "2026-11-18T12:00:00.000Z")
        // Sunday 18:30 in New York, Monday 00:30 in Berlin: W47 for bob, W48 for ann.
        s.add("late", .threadCreated(ThreadCreated(title: "Sunday night idea", blocks: Blocks.split("Hm."))), by: "bob",
              at: "2026-11-22T23:30:00.000Z")

        // Status updates and a check-in.
        s.add("blocked", .statusPosted(StatusPosted(kind: .blocked, text: "Waiting on infra")), by: "bob", board: nil, at: "2026-11-18T14:00:00.000Z")
        s.add("ontrack", .statusPosted(StatusPosted(kind: .onTrack, text: "Back on track")), by: "bob", board: "eng", at: "2026-11-20T11:00:00.000Z")
        s.add("note", .statusPosted(StatusPosted(kind: .note, text: "Out Friday")), by: "carol", at: "2026-11-19T09:00:00.000Z")
        s.add("checkin", .checkinScheduled(CheckinScheduled(question: "What did you ship?", every: "fri 16:00")), by: "ann",
              at: "2026-11-16T08:00:00.000Z")
        s.add("answer", .statusPosted(StatusPosted(kind: .done, text: "The digest", checkin: s["checkin"], occurrence: "2026-11-20")),
              by: "bob", at: "2026-11-20T11:30:00.000Z")

        // Follow-ups.
        s.add("overdue", .followupRequested(FollowupRequested(target: s["db"], assignee: try Handle("ann"), due: Timestamp(iso8601: "2026-11-18T16:00:00.000Z")!)),
              by: "bob", at: "2026-11-17T12:00:00.000Z")
        s.add("thisweek", .followupRequested(FollowupRequested(target: s["c2"], assignee: try Handle("ann"), due: Timestamp(iso8601: "2026-11-21T16:00:00.000Z")!, note: "reply pls")),
              by: "carol", at: "2026-11-18T12:00:00.000Z")
        s.add("nextweek", .followupRequested(FollowupRequested(target: s["lunch"], assignee: try Handle("ann"), due: Timestamp(iso8601: "2026-11-25T16:00:00.000Z")!)),
              by: "bob", at: "2026-11-20T10:30:00.000Z")
        s.add("later", .followupRequested(FollowupRequested(target: s["lunch"], assignee: try Handle("ann"), due: Timestamp(iso8601: "2026-12-10T16:00:00.000Z")!)),
              by: "bob", at: "2026-11-20T10:30:00.000Z")
        s.add("done", .followupRequested(FollowupRequested(target: s["db"], assignee: try Handle("ann"), due: Timestamp(iso8601: "2026-11-19T16:00:00.000Z")!)),
              by: "bob", at: "2026-11-17T12:00:00.000Z")
        s.add(.followupResolved(FollowupResolved(followup: s["done"], state: .done)), by: "ann", at: "2026-11-18T12:00:00.000Z")
        s.add("asked", .followupRequested(FollowupRequested(target: s["deploy"], assignee: try Handle("bob"), due: Timestamp(iso8601: "2026-11-24T16:00:00.000Z")!)),
              by: "ann", board: "eng", at: "2026-11-19T13:00:00.000Z")
        return s
    }
}
