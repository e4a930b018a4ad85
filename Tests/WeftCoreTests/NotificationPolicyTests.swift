import XCTest
@testable import WeftCore

/// The notification policy with a pinned clock: time zones, daylight saving,
/// cadence boundaries, working hours across midnight, snooze and board levels.
final class NotificationPolicyTests: XCTestCase {
    let la = TimeZone(identifier: "America/Los_Angeles")!
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let general = F.b("general")

    func hours(_ s: String, days: Set<Int> = WorkSchedule.weekdays) -> WorkSchedule {
        WorkSchedule(hours: try! WorkingHours(parsing: s), days: days)
    }

    func item(_ kind: InboxKind = .mention, board: String? = "general", at iso: String) -> InboxCandidate {
        InboxCandidate(kind: kind, board: board.map(F.b), arrived: F.t(iso))
    }

    func delivery(_ p: NotificationPolicy, _ c: InboxCandidate) -> String? {
        p.deliveryTime(c)?.iso8601
    }

    // MARK: Across time zones

    func testRequesterInLosAngelesAssigneeInTokyo() throws {
        // Monday 2026-11-23 15:30 in Los Angeles is Tuesday 08:30 in Tokyo.
        let asked = F.t("2026-11-23T23:30:00.000Z")
        // The requester types "tomorrow": read in *their* zone, Tuesday 17:00 in LA.
        let due = try DueParser(timeZone: la, now: asked).parse("tomorrow")
        XCTAssertEqual(due.iso8601, "2026-11-25T01:00:00.000Z")
        // The assignee sees it in theirs: Wednesday 10:00 in Tokyo.
        XCTAssertEqual(LocalTime(tokyo).format(due), "2026-11-25 10:00")
        XCTAssertEqual(LocalTime(la).format(due), "2026-11-24 17:00")

        // The assignee works 10:00-18:00 Tokyo time, instant cadence: held until 10:00 Tokyo.
        let assignee = NotificationPolicy(NotificationSettings(timeZone: tokyo, schedule: hours("10:00-18:00")))
        let c = InboxCandidate(kind: .followupAsked, board: general, arrived: asked)
        XCTAssertEqual(assignee.decide(c, now: F.t("2026-11-24T00:59:00.000Z")), .held(until: F.t("2026-11-24T01:00:00.000Z")))
        XCTAssertEqual(assignee.decide(c, now: F.t("2026-11-24T01:00:00.000Z")), .delivered(at: F.t("2026-11-24T01:00:00.000Z")))

        // The same moment is inside the requester's 09:00-17:00 in LA: delivered at once.
        let requester = NotificationPolicy(NotificationSettings(timeZone: la, schedule: hours("09:00-17:00")))
        XCTAssertEqual(requester.decide(item(.followupResolved, at: "2026-11-23T23:30:00.000Z"), now: asked), .delivered(at: asked))

        // "Due within 24 h" for the assignee arrives 24 h before the due time, then waits for Tokyo's 10:00.
        let dueSoon = InboxCandidate(kind: .followupDue, board: general, arrived: due.adding(seconds: -86400))
        XCTAssertEqual(assignee.deliveryTime(dueSoon)?.iso8601, "2026-11-24T01:00:00.000Z")
    }

    func testDailyCadenceIsLocalToEachPerson() {
        let at = "2026-11-24T03:00:00.000Z"  // Mon 19:00 LA, Tue 12:00 Tokyo
        let laDaily = NotificationPolicy(NotificationSettings(timeZone: la, cadence: .daily(minute: 9 * 60)))
        let tokyoDaily = NotificationPolicy(NotificationSettings(timeZone: tokyo, cadence: .daily(minute: 9 * 60)))
        XCTAssertEqual(delivery(laDaily, item(at: at)), "2026-11-24T17:00:00.000Z", "Tue 09:00 in LA")
        XCTAssertEqual(delivery(tokyoDaily, item(at: at)), "2026-11-25T00:00:00.000Z", "Wed 09:00 in Tokyo")
    }

    // MARK: Daylight saving

    func testDailyCadenceAcrossTheEndOfDaylightSaving() {
        // Los Angeles leaves daylight saving on Sunday 2026-11-01 at 02:00.
        let p = NotificationPolicy(NotificationSettings(timeZone: la, cadence: .daily(minute: 9 * 60)))
        XCTAssertEqual(delivery(p, item(at: "2026-10-31T15:00:00.000Z")), "2026-10-31T16:00:00.000Z", "09:00 PDT is 16:00 UTC")
        XCTAssertEqual(delivery(p, item(at: "2026-10-31T17:00:00.000Z")), "2026-11-01T17:00:00.000Z", "09:00 PST is 17:00 UTC")
        XCTAssertEqual(LocalTime(la).format(F.t("2026-11-01T17:00:00.000Z")), "2026-11-01 09:00")
    }

    func testWorkingHoursAcrossTheStartOfDaylightSaving() {
        // Los Angeles starts daylight saving on Sunday 2026-03-08. Friday 18:00 PST → Monday 09:00 PDT.
        let p = NotificationPolicy(NotificationSettings(timeZone: la, schedule: hours("09:00-17:00")))
        XCTAssertEqual(delivery(p, item(at: "2026-03-07T02:00:00.000Z")), "2026-03-09T16:00:00.000Z")
        // Hourly at 01:30 PST on the night of the change: the next local hour is 03:00 PDT = 10:00 UTC.
        let hourly = NotificationPolicy(NotificationSettings(timeZone: la, cadence: .hourly))
        XCTAssertEqual(delivery(hourly, item(at: "2026-03-08T09:30:00.000Z")), "2026-03-08T10:00:00.000Z")
    }

    func testHourlyInAHalfHourZone() {
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        let p = NotificationPolicy(NotificationSettings(timeZone: kolkata, cadence: .hourly))
        // 10:10 in Kolkata (04:40 UTC) → 11:00 local (05:30 UTC).
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T04:40:00.000Z")), "2026-11-24T05:30:00.000Z")
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T05:30:00.000Z")), "2026-11-24T05:30:00.000Z", "on the hour: now")
    }

    // MARK: Weekly boundaries

    func testWeeklyCadenceBoundaries() {
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, cadence: .weekly(weekday: 2, minute: 9 * 60)))
        // Monday 2026-11-23 09:00 in Berlin is 08:00 UTC.
        XCTAssertEqual(delivery(p, item(at: "2026-11-23T07:59:00.000Z")), "2026-11-23T08:00:00.000Z", "a minute before: same Monday")
        XCTAssertEqual(delivery(p, item(at: "2026-11-23T08:00:00.000Z")), "2026-11-23T08:00:00.000Z", "exactly at the slot")
        XCTAssertEqual(delivery(p, item(at: "2026-11-23T08:01:00.000Z")), "2026-11-30T08:00:00.000Z", "a minute after: next week")
        XCTAssertEqual(delivery(p, item(at: "2026-11-22T22:59:00.000Z")), "2026-11-23T08:00:00.000Z", "Sunday 23:59 local")
        XCTAssertEqual(delivery(p, item(at: "2026-11-29T23:00:00.000Z")), "2026-11-30T08:00:00.000Z", "Monday 00:00 local")
        let c = item(at: "2026-11-24T12:00:00.000Z")
        XCTAssertEqual(p.decide(c, now: F.t("2026-11-30T07:59:59.000Z")), .held(until: F.t("2026-11-30T08:00:00.000Z")))
        XCTAssertEqual(p.decide(c, now: F.t("2026-11-30T08:00:00.000Z")), .delivered(at: F.t("2026-11-30T08:00:00.000Z")))
    }

    // MARK: Working hours that cross midnight

    func testWorkingHoursCrossingMidnight() {
        // Night shift 22:00-06:00 starting Monday to Friday, in UTC for readability.
        let utc = TimeZone(identifier: "UTC")!
        let s = hours("22:00-06:00")
        let p = NotificationPolicy(NotificationSettings(timeZone: utc, schedule: s))
        // 2026-11-24 is a Tuesday.
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T03:00:00.000Z")), "2026-11-24T03:00:00.000Z", "Tue 03:00 is Monday's shift")
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T12:00:00.000Z")), "2026-11-24T22:00:00.000Z", "Tue noon waits for 22:00")
        XCTAssertEqual(delivery(p, item(at: "2026-11-28T03:00:00.000Z")), "2026-11-28T03:00:00.000Z", "Sat 03:00 is Friday's shift")
        XCTAssertEqual(delivery(p, item(at: "2026-11-28T07:00:00.000Z")), "2026-11-30T22:00:00.000Z", "Sat 07:00 waits for Monday 22:00")
        XCTAssertEqual(delivery(p, item(at: "2026-11-30T03:00:00.000Z")), "2026-11-30T22:00:00.000Z", "Mon 03:00: Sunday has no shift")
        XCTAssertTrue(s.contains(F.t("2026-11-24T05:59:00.000Z"), in: LocalTime(utc)))
        XCTAssertFalse(s.contains(F.t("2026-11-24T06:00:00.000Z"), in: LocalTime(utc)))
    }

    func testWorkCanWaitCanBeTurnedOff() {
        var settings = NotificationSettings(timeZone: berlin, schedule: hours("09:00-17:00"))
        settings.holdOutsideHours = false
        XCTAssertEqual(delivery(NotificationPolicy(settings), item(at: "2026-11-22T20:00:00.000Z")), "2026-11-22T20:00:00.000Z")
    }

    func testCadenceSlotOutsideHoursMovesToTheirStart() {
        // Daily at 07:00, working 09:00-17:00 Mon-Fri (Berlin): Saturday's item waits for Monday 09:00.
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, cadence: .daily(minute: 7 * 60), schedule: hours("09:00-17:00")))
        XCTAssertEqual(delivery(p, item(at: "2026-11-28T10:00:00.000Z")), "2026-11-30T08:00:00.000Z")
    }

    // MARK: Snooze

    func testSnoozeAllHoldsUntilItsEnd() {
        let snooze = Snooze(from: F.t("2026-11-24T10:00:00.000Z"), until: F.t("2026-11-24T15:00:00.000Z"))
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, snooze: snooze))
        let before = item(at: "2026-11-24T09:00:00.000Z")
        let during = item(at: "2026-11-24T11:00:00.000Z")
        let reminder = item(.reminder, board: nil, at: "2026-11-24T12:00:00.000Z")
        let now = F.t("2026-11-24T13:00:00.000Z")
        XCTAssertEqual(p.decide(before, now: now), .delivered(at: F.t("2026-11-24T09:00:00.000Z")), "already delivered stays")
        XCTAssertEqual(p.decide(during, now: now), .held(until: snooze.until))
        XCTAssertEqual(p.decide(reminder, now: now), .held(until: snooze.until), "reminders wait for the snooze too")
        XCTAssertEqual(p.decide(during, now: snooze.until), .delivered(at: snooze.until))
        XCTAssertEqual(p.nextChange([before, during, reminder], now: now), snooze.until)
    }

    func testOneSnoozedItemWaitsForItsTime() {
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin))
        let c = InboxCandidate(kind: .mention, board: general, arrived: F.t("2026-11-24T09:00:00.000Z"),
                               snoozedUntil: F.t("2026-11-25T08:00:00.000Z"))
        XCTAssertEqual(p.decide(c, now: F.t("2026-11-24T12:00:00.000Z")), .held(until: F.t("2026-11-25T08:00:00.000Z")))
        XCTAssertEqual(p.decide(c, now: F.t("2026-11-25T08:00:00.000Z")), .delivered(at: F.t("2026-11-25T08:00:00.000Z")))
    }

    func testSnoozeEndingOutsideHoursWaitsForThem() {
        let snooze = Snooze(from: F.t("2026-11-24T10:00:00.000Z"), until: F.t("2026-11-24T20:00:00.000Z"))
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, schedule: hours("09:00-17:00"), snooze: snooze))
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T11:00:00.000Z")), "2026-11-25T08:00:00.000Z")
    }

    // MARK: Boards

    func testMutedBoardDropsAllButWhatIsAskedOfYou() {
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, boardLevel: [general: .muted]))
        let now = F.t("2026-11-25T00:00:00.000Z")
        XCTAssertEqual(p.decide(item(.mention, at: "2026-11-24T11:00:00.000Z"), now: now), .dropped)
        XCTAssertEqual(p.decide(item(.reply, at: "2026-11-24T11:00:00.000Z"), now: now), .dropped)
        XCTAssertEqual(p.decide(item(.decision, at: "2026-11-24T11:00:00.000Z"), now: now), .dropped)
        XCTAssertEqual(p.decide(item(.followupAsked, at: "2026-11-24T11:00:00.000Z"), now: now),
                       .delivered(at: F.t("2026-11-24T11:00:00.000Z")))
        XCTAssertEqual(p.decide(item(.mention, board: "other", at: "2026-11-24T11:00:00.000Z"), now: now),
                       .delivered(at: F.t("2026-11-24T11:00:00.000Z")), "other boards are unaffected")
    }

    func testBoardLevelsAdmitKinds() {
        func admitted(_ level: BoardLevel, _ kind: InboxKind) -> Bool {
            let p = NotificationPolicy(NotificationSettings(timeZone: berlin, boardLevel: [general: level]))
            return p.deliveryTime(item(kind, at: "2026-11-24T11:00:00.000Z")) != nil
        }
        XCTAssertFalse(admitted(.normal, .newThread))
        XCTAssertTrue(admitted(.tracking, .newThread))
        XCTAssertFalse(admitted(.tracking, .boardActivity))
        XCTAssertTrue(admitted(.watching, .boardActivity))
        XCTAssertTrue(admitted(.normal, .mention))
        XCTAssertTrue(admitted(.muted, .reminder))
    }

    func testPerBoardCadenceOverride() {
        let announce = F.b("announce")
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, cadence: .instant,
                                                        boardCadence: [announce: .daily(minute: 8 * 60)]))
        XCTAssertEqual(delivery(p, item(at: "2026-11-24T11:00:00.000Z")), "2026-11-24T11:00:00.000Z")
        XCTAssertEqual(delivery(p, item(board: "announce", at: "2026-11-24T11:00:00.000Z")), "2026-11-25T07:00:00.000Z")
    }

    func testRemindersKeepTheirTime() {
        let p = NotificationPolicy(NotificationSettings(timeZone: berlin, cadence: .daily(minute: 9 * 60), schedule: hours("09:00-17:00")))
        XCTAssertEqual(delivery(p, item(.reminder, board: nil, at: "2026-11-24T21:00:00.000Z")), "2026-11-24T21:00:00.000Z")
    }

    // MARK: Reading settings

    func testCadenceParsing() throws {
        XCTAssertEqual(try Cadence(parsing: "instant"), .instant)
        XCTAssertEqual(try Cadence(parsing: "hourly"), .hourly)
        XCTAssertEqual(try Cadence(parsing: "daily 09:00"), .daily(minute: 540))
        XCTAssertEqual(try Cadence(parsing: "Weekly Friday 16:30"), .weekly(weekday: 6, minute: 990))
        XCTAssertEqual(try Cadence(parsing: "weekly fri 16:30").description, "weekly fri 16:30")
        XCTAssertEqual(try Cadence(parsing: Cadence.daily(minute: 75).description), .daily(minute: 75))
        for bad in ["", "daily", "daily 25:00", "weekly 09:00", "monthly", "instant now"] {
            XCTAssertThrowsError(try Cadence(parsing: bad), bad) { XCTAssertEqual($0 as? ValidationError, .badCadence(bad)) }
        }
    }

    func testWorkdayParsing() throws {
        XCTAssertEqual(try WorkSchedule.days(parsing: "mon-fri"), WorkSchedule.weekdays)
        XCTAssertEqual(try WorkSchedule.days(parsing: "sun-thu"), [1, 2, 3, 4, 5])
        XCTAssertEqual(try WorkSchedule.days(parsing: "fri-mon"), [6, 7, 1, 2])
        XCTAssertEqual(try WorkSchedule.days(parsing: "mon,wed"), [2, 4])
        XCTAssertEqual(WorkSchedule.daysText([2, 4, 1]), "mon,wed,sun")
        XCTAssertThrowsError(try WorkSchedule.days(parsing: "weekdays"))
        XCTAssertThrowsError(try BoardLevel(parsing: "loud"))
        XCTAssertEqual(try BoardLevel(parsing: "Watching"), .watching)
    }
}
