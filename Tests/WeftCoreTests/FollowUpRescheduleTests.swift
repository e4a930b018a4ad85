import XCTest
@testable import WeftCore

final class FollowUpRescheduleTests: XCTestCase {
    func testRequesterOrAssigneeMovesTheDueDateOfAnOpenFollowUp() {
        let fu = F.id(F.t("2026-11-20T09:00:00.000Z"))
        let req = F.ev(.followupRequested(FollowupRequested(target: fu, assignee: F.h("bob"), due: F.t("2026-11-27T17:00:00.000Z"))),
                       by: "ann", at: "2026-11-20T09:00:00.000Z", id: fu)
        let newDue = F.t("2026-12-04T17:00:00.000Z")
        func due(after events: [StoredEvent]) -> Timestamp? { Forum(events: [req] + events).followUps[fu]?.due }
        let move = { (who: String, at: String) in
            F.ev(.followupRescheduled(FollowupRescheduled(followup: fu, due: newDue)), by: who, at: at)
        }
        XCTAssertEqual(due(after: [move("ann", "2026-11-21T09:00:00.000Z")]), newDue)
        XCTAssertEqual(due(after: [move("bob", "2026-11-21T09:00:00.000Z")]), newDue)
        XCTAssertEqual(due(after: [move("eve", "2026-11-21T09:00:00.000Z")]), F.t("2026-11-27T17:00:00.000Z"), "others may not")
        let done = F.ev(.followupResolved(FollowupResolved(followup: fu, state: .done)), by: "bob", at: "2026-11-21T08:00:00.000Z")
        XCTAssertEqual(due(after: [done, move("ann", "2026-11-21T09:00:00.000Z")]), F.t("2026-11-27T17:00:00.000Z"),
                       "a resolved follow-up keeps its date")
    }
}
