import Foundation
import WeftCore
import WeftTestSupport
import XCTest
@testable import WeftStore

/// A viewer's index holds exactly the boards ``SpaceAccess`` lets them read,
/// whether it was caught up step by step or built from scratch.
final class AccessIndexTests: XCTestCase {
    func testViewerIndexFollowsMembershipAndEqualsARebuild() throws {
        let box = Sandbox()
        _ = try Space.create(at: box.space, name: "t", id: "0190f000-0000-7000-8000-000000000001",
                             now: Timestamp(milliseconds: 1_790_000_000_000), creator: try Handle("ann"))
        let ann = try Fixture.store(box, handle: "ann")
        let cy = try Fixture.store(box, handle: "cy")
        let slug = try BoardSlug("secret")
        try ann.createBoard(slug, title: "Secret", purpose: nil, visibility: .private, members: [try Handle("bob")])
        try ann.append(.threadCreated(ThreadCreated(title: "Plan", blocks: Blocks.split("x"))), board: slug)
        try cy.index.catchUp()
        XCTAssertNil(try cy.index.board(slug))
        XCTAssertEqual(try cy.index.stats()["posts"], 0, "nothing of the board is indexed for a non-member")
        XCTAssertFalse(try cy.index.canRead(slug))

        try ann.changeMembers(slug, add: [try Handle("cy")], remove: [])
        try cy.index.catchUp()
        XCTAssertEqual(try cy.index.threadCount(board: slug), 1)
        try ann.changeMembers(slug, add: [], remove: [try Handle("cy")])
        try cy.index.catchUp()
        XCTAssertNil(try cy.index.board(slug))
        try ann.changeMembers(slug, add: [try Handle("cy")], remove: [])
        try ann.changeVisibility(slug, to: .public)
        try cy.index.catchUp()
        XCTAssertEqual(try cy.index.board(slug)?.visibility, .public)

        let fresh = try Index(space: cy.space, path: box.root + "/fresh/index.sqlite", statePath: box.root + "/fresh/state.sqlite",
                              viewer: try Handle("cy"))
        XCTAssertEqual(try fresh.snapshot(), try cy.index.snapshot())
    }
}
