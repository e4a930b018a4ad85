import Foundation
import XCTest
import WeftTestSupport

/// Roles, board membership, visibility and the audit on a space that is not shared
/// (one user, or git-synced): the app applies the same rule; see SharedHostTests
/// for the operating system's part.
final class AccessCommandTests: CLITestCase {
    func testPrivateBoardHiddenFromNonMembersAndAudited() throws {
        makeSpaceWithBoard()
        ok("board", "create", "secret", "--private", "--members", "bob")
        let thread = newThread(board: "secret", title: "Hidden plan")
        XCTAssertTrue(ok("board", "list", as: "bob").stdout.contains("secret"))
        XCTAssertFalse(ok("board", "list", as: "cy").stdout.contains("secret"))
        assertFails(["thread", "list", "--board", "secret"], mentioning: ["no such board 'secret'"], as: "cy")
        XCTAssertNotEqual(weft("thread", "show", thread, as: "cy").status, 0)
        assertFails(["board", "create", "secret"], mentioning: ["already exists"], as: "cy")
        ok("board", "members", "remove", "secret", "bob")
        XCTAssertFalse(ok("board", "list", as: "bob").stdout.contains("secret"))
        ok("board", "visibility", "secret", "public")
        XCTAssertTrue(ok("thread", "list", "--board", "secret", as: "cy").stdout.contains("Hidden plan"))
        let audit = array(ok("audit", "--board", "secret", "--json"))
        XCTAssertEqual(audit.map { $0["type"] as? String }, ["board.created", "board.members", "thread.created", "board.members", "board.visibility"])
        XCTAssertEqual(audit[3]["detail"] as? String, "-bob")
        XCTAssertEqual(audit[4]["author"] as? String, "ann")
    }

    func testRoleEventsByNonAdminsAreIgnoredAndReported() throws {
        makeSpaceWithBoard()
        assertFails(["member", "role", "bob", "admin"], mentioning: ["only admins"], as: "bob")
        // bob writes the event into his own journal by hand: it is ignored and reported.
        ok("status", "post", "hi", as: "bob")
        let journal = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: space + "/journal").first { $0.hasPrefix("bob@") })
        let line = #"{"v":1,"id":"01a20000-0000-7000-8000-00000000e001","at":"2026-11-22T08:00:00.000Z","type":"member.role","handle":"bob","role":"admin"}"#
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: space + "/journal/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try handle.close()
        assertFails(["member", "role", "cy", "guest"], mentioning: ["only admins"], as: "bob")
        let doctor = weft("doctor").stdout
        XCTAssertTrue(doctor.contains("member.role ignored: bob is not an admin"), doctor)
        XCTAssertTrue(ok("audit").stdout.contains("(ignored: not allowed)"))
        ok("member", "role", "bob", "admin")
        ok("member", "role", "cy", "guest", as: "bob")
        assertFails(["member", "role", "ann", "superuser"], mentioning: ["admin, member or guest"])
    }

    func testBadNamesAreRejectedClearly() {
        makeSpaceWithBoard()
        for slug in ["..", "a/b", "x\u{1B}[2J", "tab\there"] {
            assertFails(["board", "create", slug, "--private"], mentioning: ["invalid board slug"])
            assertFails(["board", "members", "add", slug, "bob"], mentioning: ["no such board"])
        }
        assertFails(["board", "members", "add", "general", "../bob"], mentioning: ["handle"])
        assertFails(["board", "create", "x", "--private", "--members", "bob,a/b"], mentioning: ["handle"])
        assertFails(["audit", "--board", "../general"], mentioning: ["no such board"])
        assertFails(["thread", "show", "../../etc/passwd"], mentioning: ["id"])
        assertFails(["board", "visibility", "general", "secret"], mentioning: ["'public' or 'private'"])
    }
}
