import XCTest
@testable import WeftCore

final class SpaceAccessTests: XCTestCase {
    let secret = F.b("secret"), general = F.b("general")

    func events(_ extra: [StoredEvent] = []) -> [StoredEvent] {
        [
            F.ev(.boardCreated(BoardCreated(title: "General")), by: "ann", board: "general", at: "2026-11-20T08:00:00.000Z"),
            F.ev(.boardCreated(BoardCreated(title: "Secret", visibility: .private)), by: "ann", board: "secret", at: "2026-11-20T08:01:00.000Z"),
            F.ev(.access(.members(BoardMembers(added: [F.h("bob")]))), by: "ann", board: "secret", at: "2026-11-20T08:02:00.000Z"),
        ] + extra
    }

    func testPrivateBoardsAreReadableByMembersOnly() {
        let a = SpaceAccess(creator: F.h("ann"), events: events())
        XCTAssertTrue(a.canRead(secret, viewer: F.h("ann")))
        XCTAssertTrue(a.canRead(secret, viewer: F.h("bob")))
        XCTAssertFalse(a.canRead(secret, viewer: F.h("eve")))
        XCTAssertTrue(a.canRead(general, viewer: F.h("eve")))
        XCTAssertEqual(a.hiddenBoards(for: F.h("eve")), [secret])
        XCTAssertTrue(a.canRead(F.b("unknown"), viewer: F.h("eve")), "unknown boards are left to the file system")
    }

    func testRemovingAndAddingMembersInTimeOrder() {
        let removed = F.ev(.access(.members(BoardMembers(removed: [F.h("bob")]))), by: "ann", board: "secret", at: "2026-11-20T09:00:00.000Z")
        let back = F.ev(.access(.members(BoardMembers(added: [F.h("bob")]))), by: "ann", board: "secret", at: "2026-11-20T10:00:00.000Z")
        XCTAssertFalse(SpaceAccess(creator: F.h("ann"), events: events([removed])).canRead(secret, viewer: F.h("bob")))
        // Arrival order does not matter; time order does.
        XCTAssertTrue(SpaceAccess(creator: F.h("ann"), events: events([back, removed]).reversed()).canRead(secret, viewer: F.h("bob")))
    }

    func testMembersWrittenInTheSameMillisecondAsTheBoardCount() {
        let at = "2026-11-20T08:00:00.000Z"
        let created = F.ev(.boardCreated(BoardCreated(title: "S", visibility: .private)), by: "ann", board: "s", at: at,
                           id: EventID("01a20000-0000-7000-8000-00000000ffff"))
        let members = F.ev(.access(.members(BoardMembers(added: [F.h("bob")]))), by: "ann", board: "s", at: at,
                           id: EventID("01a20000-0000-7000-8000-000000000001"))
        XCTAssertTrue(SpaceAccess(creator: F.h("ann"), events: [members, created]).canRead(F.b("s"), viewer: F.h("bob")))
    }

    func testOnlyCreatorOrAdminManagesABoardAndTheCreatorStays() {
        let byBob = F.ev(.access(.members(BoardMembers(added: [F.h("eve")]))), by: "bob", board: "secret", at: "2026-11-20T09:00:00.000Z")
        let dropAnn = F.ev(.access(.members(BoardMembers(removed: [F.h("ann")]))), by: "ann", board: "secret", at: "2026-11-20T09:01:00.000Z")
        let open = F.ev(.access(.visibility(BoardVisibilityChange(visibility: .public))), by: "eve", board: "secret", at: "2026-11-20T09:02:00.000Z")
        let a = SpaceAccess(creator: F.h("ann"), events: events([byBob, dropAnn, open]))
        XCTAssertFalse(a.canRead(secret, viewer: F.h("eve")))
        XCTAssertTrue(a.canRead(secret, viewer: F.h("ann")))
        XCTAssertEqual(a.ignored.map(\.id), [byBob.event.id, open.event.id])
        XCTAssertTrue(a.ignored[0].reason.contains("neither the board's creator nor an admin"))
    }

    func testRolesOnlyByAdminsAndNeverTheLastAdmin() {
        let selfPromote = F.ev(.access(.role(MemberRole(handle: F.h("eve"), role: .admin))), by: "eve", board: nil, at: "2026-11-20T09:00:00.000Z")
        let guest = F.ev(.access(.role(MemberRole(handle: F.h("eve"), role: .guest))), by: "ann", board: nil, at: "2026-11-20T09:01:00.000Z")
        let demoteSelf = F.ev(.access(.role(MemberRole(handle: F.h("ann"), role: .member))), by: "ann", board: nil, at: "2026-11-20T09:02:00.000Z")
        let a = SpaceAccess(creator: F.h("ann"), events: events([selfPromote, guest, demoteSelf]))
        XCTAssertEqual(a.role(of: F.h("ann")), .admin)
        XCTAssertEqual(a.role(of: F.h("eve")), .guest)
        XCTAssertEqual(a.role(of: F.h("bob")), .member)
        XCTAssertEqual(a.ignored.map(\.id), [selfPromote.event.id, demoteSelf.event.id])
        // A guest sees only the boards they were added to.
        XCTAssertFalse(a.canRead(general, viewer: F.h("eve")))
        let added = F.ev(.access(.members(BoardMembers(added: [F.h("eve")]))), by: "ann", board: "general", at: "2026-11-20T10:00:00.000Z")
        XCTAssertTrue(SpaceAccess(creator: F.h("ann"), events: events([selfPromote, guest, added])).canRead(general, viewer: F.h("eve")))
        // Guests cannot create boards.
        let made = F.ev(.boardCreated(BoardCreated(title: "Mine")), by: "eve", board: "mine", at: "2026-11-20T11:00:00.000Z")
        XCTAssertNil(SpaceAccess(creator: F.h("ann"), events: events([guest, made])).boards[F.b("mine")])
    }

    func testAccessPayloadsRoundTrip() throws {
        let at = F.t("2026-11-22T10:00:00.000Z")
        for p in [Payload.access(.role(MemberRole(handle: F.h("bob"), role: .guest))),
                  .access(.members(BoardMembers(added: [F.h("bob")], removed: [F.h("cy")]))),
                  .access(.visibility(BoardVisibilityChange(visibility: .private)))] {
            let e = Event(id: F.id(at), at: at, author: F.h("ann"), payload: p)
            XCTAssertEqual(try EventCodec.decode(Array(EventCodec.encode(e).utf8)), e, p.type)
        }
        XCTAssertTrue(Payload.access(.role(MemberRole(handle: F.h("bob"), role: .admin))).allowedAtSpaceLevel)
        XCTAssertFalse(Payload.access(.members(BoardMembers())).allowedAtSpaceLevel)
    }

    func testNamesWithPathsNulOrControlCharactersAreRejected() {
        for bad in ["..", "a/b", "a\u{0}b", "a\u{1B}b", "a\nb", "../etc"] {
            XCTAssertThrowsError(try BoardSlug(bad), bad.debugDescription)
            XCTAssertThrowsError(try Handle(bad), bad.debugDescription)
            XCTAssertNil(EventID(bad))
        }
    }
}
