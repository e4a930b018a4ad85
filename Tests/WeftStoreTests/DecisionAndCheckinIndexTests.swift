import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Decisions, check-ins and mentions in the index: queries, and rebuild == incremental.
final class DecisionAndCheckinIndexTests: XCTestCase {
    func testDecisionListNewestFirstWithHistoryAndReopening() throws {
        var s = try HandMadeSpace.week47()
        s.add("reopen", .threadReopened(ThreadReopened(thread: s["db"], reason: "costs")), by: "bob", at: "2026-11-20T08:00:00.000Z")
        s.add("again", .threadDecided(ThreadDecided(thread: s["db"], summary: "SQLite after all")), by: "bob", at: "2026-11-20T09:00:00.000Z")
        s.add("lunchdecided", .threadDecided(ThreadDecided(thread: s["lunch"], summary: "Pizza")), by: "carol", at: "2026-11-20T09:30:00.000Z")
        let store = try s.store(now: "2026-11-21T12:00:00.000Z")
        let me = store.me
        let standing = try store.index.decisions(viewer: me)
        XCTAssertEqual(standing.map(\.text), ["Pizza", "SQLite after all"])
        XCTAssertTrue(standing.allSatisfy(\.isCurrent))
        let all = try store.index.decisions(viewer: me, history: true)
        XCTAssertEqual(all.map { ($0.decision.isReopening ? "reopened: " : "") + $0.text },
                       ["Pizza", "SQLite after all", "reopened: costs", "Postgres it is"])
        XCTAssertEqual(all.last?.commentText, "Postgres.")
        XCTAssertFalse(all.last!.isCurrent)
        XCTAssertEqual(try store.index.decisions(viewer: me, board: try BoardSlug("eng")).count, 0)
        XCTAssertEqual(try store.index.decisions(viewer: me, since: Timestamp(iso8601: "2026-11-20T09:15:00.000Z")!).map(\.text), ["Pizza"])
        XCTAssertEqual(try store.index.decisionHistory(thread: s["db"]).count, 3)
        // The thread shows as decided with its standing decision.
        XCTAssertEqual(try store.index.thread(s["db"], viewer: me)?.decision?.summary, "SQLite after all")
        XCTAssertTrue(try store.index.threads(board: try BoardSlug("general"), viewer: me).first { $0.id == s["db"] }!.decided)
    }

    func testStoreDecideAndReopenCheckTheirInput() throws {
        let s = try HandMadeSpace.week47()
        let store = try s.store(now: "2026-11-21T12:00:00.000Z")
        XCTAssertThrowsError(try store.decide(thread: s["db"], comment: s["readmention"], summary: nil)) { e in
            XCTAssertTrue("\(e)".contains("comment of this thread"), "\(e)")
        }
        XCTAssertThrowsError(try store.reopen(thread: s["lunch"], reason: nil)) { e in
            XCTAssertTrue("\(e)".contains("not decided"), "\(e)")
        }
        try store.reopen(thread: s["db"], reason: nil)
        XCTAssertNil(try store.index.thread(s["db"], viewer: store.me)?.decision)
        XCTAssertFalse(try store.index.threads(board: try BoardSlug("general"), viewer: store.me).first { $0.id == s["db"] }!.decided)
        // A minute later (one clock per store: two events of one millisecond have no order).
        let later = try s.store(now: "2026-11-21T12:01:00.000Z")
        try later.decide(thread: s["db"], comment: s["c2"], summary: nil)
        XCTAssertEqual(try later.index.decisions(viewer: later.me).first?.text, "@ann what about SQLite?")
    }

    /// The inbox's question: which check-in occurrences fell due for a member and are unanswered.
    func testCheckinOccurrencesDueInEachMembersZone() throws {
        var s = try HandMadeSpace.week47()
        s.add("onlybob", .checkinScheduled(CheckinScheduled(question: "Blockers?", every: "mon,thu 09:30", audience: [try Handle("bob")])),
              by: "ann", board: "eng", at: "2026-11-16T00:00:00.000Z")
        let store = try s.store(now: "2026-11-21T12:00:00.000Z")
        let from = Timestamp(iso8601: "2026-11-16T00:00:00.000Z")!, to = Timestamp(iso8601: "2026-11-23T00:00:00.000Z")!
        let utc = TimeZone(identifier: "UTC")!
        // ann (Berlin): Friday 16:00 = 15:00Z; she has not answered.
        let ann = try store.index.checkinOccurrencesDue(for: try Handle("ann"), from: from, to: to, fallbackZone: utc)
        XCTAssertEqual(ann.map { "\($0.name) \($0.occurrence.at.iso8601)" }, ["2026-11-20 2026-11-20T15:00:00.000Z"])
        // carol (Tokyo): Friday 16:00 = 07:00Z.
        let carol = try store.index.checkinOccurrencesDue(for: try Handle("carol"), from: from, to: to, fallbackZone: utc)
        XCTAssertEqual(carol.map(\.occurrence.at.iso8601), ["2026-11-20T07:00:00.000Z"])
        // bob answered Friday's; the Monday/Thursday one asks only him, 09:30 New York.
        let bob = try store.index.checkinOccurrencesDue(for: try Handle("bob"), from: from, to: to, fallbackZone: utc)
        XCTAssertEqual(bob.map { "\($0.checkin.question) \($0.name) \($0.occurrence.at.iso8601)" },
                       ["Blockers? 2026-11-16 2026-11-16T14:30:00.000Z", "Blockers? 2026-11-19 2026-11-19T14:30:00.000Z"])
        // Paused: nothing is due; resumed: only occurrences after the resumption.
        let c = try store.index.checkin(s["checkin"].rawValue)!
        try store.change(c, to: .paused)
        XCTAssertTrue(try store.index.checkinOccurrencesDue(for: try Handle("carol"), from: from, to: to, fallbackZone: utc).isEmpty)
        // Resumed an hour later (one clock per store: two events in one millisecond have no order).
        let laterStore = try s.store(now: "2026-11-21T13:00:00.000Z")
        let paused = try laterStore.index.checkin(s["checkin"].rawValue)!
        XCTAssertEqual(paused.state, .paused)
        try laterStore.change(paused, to: .active)
        XCTAssertTrue(try store.index.checkinOccurrencesDue(for: try Handle("carol"), from: from, to: to, fallbackZone: utc).isEmpty,
                      "resumed on Saturday: Friday's occurrence is not due")
        let later = Timestamp(iso8601: "2026-11-30T00:00:00.000Z")!
        XCTAssertEqual(try store.index.checkinOccurrencesDue(for: try Handle("carol"), from: from, to: later, fallbackZone: utc).map(\.name),
                       ["2026-11-27"])
        // Only the author changes it.
        let bobStore = try s.store(as: "bob", now: "2026-11-21T12:00:00.000Z")
        XCTAssertThrowsError(try bobStore.change(try bobStore.index.checkin(s["checkin"].rawValue)!, to: .deleted))
    }

    func testAnswersAreGroupedByOccurrence() throws {
        var s = try HandMadeSpace.week47()
        s.add(.statusPosted(StatusPosted(kind: .note, text: "Earlier", checkin: s["checkin"], occurrence: "2026-11-13")), by: "carol", at: "2026-11-13T08:00:00.000Z")
        let store = try s.store(now: "2026-11-21T12:00:00.000Z")
        let c = try store.index.checkin(s["checkin"].rawValue)!
        try store.answer(c, text: "Mine", kind: .done)
        let groups = try store.index.checkinAnswers(s["checkin"])
        XCTAssertEqual(groups.map(\.occurrence), ["2026-11-20", "2026-11-13"])
        XCTAssertEqual(groups[0].answers.map(\.text), ["Mine", "The digest"])
    }

    func testAnAnswerBelongsToTheLatestOccurrenceOrTheFirstToCome() throws {
        let s = try HandMadeSpace.week47()  // "fri 16:00", scheduled Monday 2026-11-16
        let c = try s.store(now: "2026-11-21T12:00:00.000Z").index.checkin(s["checkin"].rawValue)!
        // ann is in Berlin: Friday 16:00 there is 15:00Z.
        XCTAssertEqual(try s.store(now: "2026-11-21T12:00:00.000Z").currentOccurrence(of: c), "2026-11-20")
        XCTAssertEqual(try s.store(now: "2026-11-20T15:00:00.000Z").currentOccurrence(of: c), "2026-11-20")
        // Before the first Friday since it was scheduled: the coming one, not the Friday before.
        XCTAssertEqual(try s.store(now: "2026-11-18T12:00:00.000Z").currentOccurrence(of: c), "2026-11-20")
    }

    /// Lines fed one by one in reverse order give the same index as a rebuild.
    func testIncrementalEqualsRebuild() throws {
        var s = try HandMadeSpace.week47()
        s.add(.threadReopened(ThreadReopened(thread: s["db"])), by: "bob", at: "2026-11-20T08:00:00.000Z")
        s.add(.checkinPaused(CheckinChange(checkin: s["checkin"])), by: "ann", at: "2026-11-20T08:00:00.000Z")
        s.add(.memberProfile(MemberProfile(email: "ann@example.org")), by: "ann", board: nil, at: "2026-11-20T08:00:00.000Z")
        let box = Sandbox()
        let target = try Space.create(at: box.space, name: "dst", id: "0190f000-0000-7000-8000-0000000000cc", now: Timestamp(milliseconds: 0))
        var lines: [(String, String)] = []
        for j in s.space.journals().found {
            let text = String(decoding: try JournalFile.read(j.absolutePath, from: 0), as: UTF8.self)
            for l in text.split(separator: "\n") { lines.append((target.root + "/" + j.relativePath, String(l))) }
        }
        let incremental = try Index(space: target, path: box.root + "/inc/index.sqlite", statePath: box.root + "/inc/state.sqlite")
        for (path, line) in lines.reversed() {
            Fixture.append(line + "\n", to: path)
            try incremental.catchUp()
        }
        let rebuilt = try Index(space: target, path: box.root + "/re/index.sqlite", statePath: box.root + "/re/state.sqlite")
        try rebuilt.rebuild()
        let a = try incremental.snapshot(), b = try rebuilt.snapshot()
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains("ann@example.org"), a)
        let part = a.components(separatedBy: "## ").filter { $0.hasPrefix("checkins") || $0.hasPrefix("mentions") }.joined()
        XCTAssertTrue(a.contains("|\"paused\"|"), part)
        XCTAssertTrue(b.contains("## mentions\n\"ann\"|"), part)
    }
}
