import XCTest
@testable import WeftCore

/// Check-in questions and the weekly digest as inbox items, with a pinned
/// clock in two time zones: when each is delivered, and what holds it.
final class ScheduledInboxPolicyTests: XCTestCase {
    let la = TimeZone(identifier: "America/Los_Angeles")!
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    let general = F.b("general")

    func hours(_ s: String) -> WorkSchedule {
        WorkSchedule(hours: try! WorkingHours(parsing: s))
    }

    /// One check-in, `fri 16:00`: each audience member's occurrence is 16:00 on
    /// their own Friday, and is delivered like a follow-up due.
    func checkinCandidate(in zone: TimeZone) throws -> InboxCandidate {
        let every = try Recurrence(parsing: "fri 16:00")
        let o = every.occurrences(in: zone, from: F.t("2026-11-16T00:00:00.000Z"), to: F.t("2026-11-23T00:00:00.000Z"))
        XCTAssertEqual(o.count, 1)
        return InboxCandidate(kind: .checkin, board: general, arrived: o[0].at)
    }

    func testCheckinArrivesAtEachPersonsOwnFridayFourPm() throws {
        let tokyoItem = try checkinCandidate(in: tokyo), laItem = try checkinCandidate(in: la)
        XCTAssertEqual(tokyoItem.arrived.iso8601, "2026-11-20T07:00:00.000Z", "Fri 16:00 in Tokyo")
        XCTAssertEqual(laItem.arrived.iso8601, "2026-11-21T00:00:00.000Z", "Fri 16:00 in Los Angeles")
        // Instant cadence, hours 09:00-17:00 in each zone: delivered at once, at different instants.
        let inTokyo = NotificationPolicy(NotificationSettings(timeZone: tokyo, schedule: hours("09:00-17:00")))
        let inLA = NotificationPolicy(NotificationSettings(timeZone: la, schedule: hours("09:00-17:00")))
        let now = F.t("2026-11-20T12:00:00.000Z")
        XCTAssertEqual(inTokyo.decide(tokyoItem, now: now), .delivered(at: tokyoItem.arrived))
        XCTAssertEqual(inLA.decide(laItem, now: now), .held(until: laItem.arrived))
        XCTAssertEqual(inLA.decide(laItem, now: F.t("2026-11-21T00:00:00.000Z")), .delivered(at: laItem.arrived))
    }

    func testCheckinWaitsForCadenceAndWorkingHoursButNotForAMutedBoard() throws {
        let item = try checkinCandidate(in: tokyo)  // Friday 16:00 Tokyo
        // Working hours end at 15:00 on Fridays: "work can wait" holds it to Monday 10:00 Tokyo.
        let early = NotificationPolicy(NotificationSettings(timeZone: tokyo, schedule: hours("10:00-15:00")))
        XCTAssertEqual(early.deliveryTime(item)?.iso8601, "2026-11-23T01:00:00.000Z")
        // A daily 09:00 cadence: Saturday 09:00 Tokyo.
        let daily = NotificationPolicy(NotificationSettings(timeZone: tokyo, cadence: .daily(minute: 9 * 60)))
        XCTAssertEqual(daily.deliveryTime(item)?.iso8601, "2026-11-21T00:00:00.000Z")
        // The question is asked of the person: a muted board lets it through.
        let muted = NotificationPolicy(NotificationSettings(timeZone: tokyo, boardLevel: [general: .muted]))
        XCTAssertEqual(muted.deliveryTime(item), item.arrived)
        // Snooze-all holds it like anything else.
        let snoozed = NotificationPolicy(NotificationSettings(
            timeZone: tokyo, snooze: Snooze(from: F.t("2026-11-20T00:00:00.000Z"), until: F.t("2026-11-20T09:00:00.000Z"))))
        XCTAssertEqual(snoozed.deliveryTime(item)?.iso8601, "2026-11-20T09:00:00.000Z")
        XCTAssertFalse(InboxKind.checkin.isExact)
        XCTAssertEqual(InboxKind.checkin.label, "check-in")
    }

    func testOnlyAWeeklyCadenceHasADigestSchedule() {
        XCTAssertEqual(Cadence.weekly(weekday: 2, minute: 9 * 60).digestSchedule?.description, "mon 09:00")
        XCTAssertEqual(Cadence.weekly(weekday: 1, minute: 18 * 60 + 30).digestSchedule?.description, "sun 18:30")
        XCTAssertEqual(Cadence.weekly(weekday: 7, minute: 0).digestSchedule?.description, "sat 00:00")
        XCTAssertNil(Cadence.instant.digestSchedule)
        XCTAssertNil(Cadence.hourly.digestSchedule)
        XCTAssertNil(Cadence.daily(minute: 9 * 60).digestSchedule)
    }

    func testDigestIsReadyAtEachPersonsWeeklySlot() throws {
        let weekly = Cadence.weekly(weekday: 2, minute: 9 * 60)  // Monday 09:00
        let schedule = try XCTUnwrap(weekly.digestSchedule)
        // Monday 2026-11-23 09:00 Tokyo is Sunday 16:00 Los Angeles.
        let now = F.t("2026-11-23T00:30:00.000Z")
        let tokyoReady = try XCTUnwrap(DigestDelivery.ready(schedule: schedule, zone: tokyo, now: now))
        XCTAssertEqual(tokyoReady.at.iso8601, "2026-11-23T00:00:00.000Z")
        XCTAssertEqual(tokyoReady.week.description, "2026-W47")
        // In Los Angeles the W47 digest is not ready yet: the latest is W46's.
        XCTAssertEqual(DigestDelivery.ready(schedule: schedule, zone: la, now: now)?.week.description, "2026-W46")
        let laNext = try XCTUnwrap(DigestDelivery.next(schedule: schedule, zone: la, after: now))
        XCTAssertEqual(laNext.at.iso8601, "2026-11-23T17:00:00.000Z", "Monday 09:00 in Los Angeles")
        XCTAssertEqual(laNext.week.description, "2026-W47")
        XCTAssertEqual(DigestDelivery.next(schedule: schedule, zone: tokyo, after: now)?.week.description, "2026-W48")

        // At its slot the weekly cadence delivers it as it is ready.
        let tokyoPolicy = NotificationPolicy(NotificationSettings(timeZone: tokyo, cadence: weekly))
        let item = InboxCandidate(kind: .digest, board: nil, arrived: tokyoReady.at)
        XCTAssertEqual(tokyoPolicy.decide(item, now: now), .delivered(at: tokyoReady.at))
        // Working hours from 10:00 hold it (and the rest of the week's batch) to 10:00.
        let later = NotificationPolicy(NotificationSettings(timeZone: tokyo, cadence: weekly, schedule: hours("10:00-18:00")))
        XCTAssertEqual(later.decide(item, now: now), .held(until: F.t("2026-11-23T01:00:00.000Z")))
        // The LA one is held until its Monday 09:00.
        let laPolicy = NotificationPolicy(NotificationSettings(timeZone: la, cadence: weekly))
        XCTAssertEqual(laPolicy.decide(InboxCandidate(kind: .digest, board: nil, arrived: laNext.at), now: now),
                       .held(until: laNext.at))
        XCTAssertEqual(laPolicy.nextChange([InboxCandidate(kind: .digest, board: nil, arrived: laNext.at)], now: now), laNext.at)
    }
}
