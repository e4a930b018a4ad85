import Foundation
import XCTest
import WeftTestSupport

/// `weft thread list` filters and sorts, `thread pin|unpin`, `board star|unstar`,
/// `read`, `unread` and `catchup`, run as processes.
final class ReadingCommandTests: CLITestCase {
    private func titles(_ extra: String..., as handle: String = "ann") -> [String] {
        let args = ["thread", "list", "--board", "general", "--json"] + extra
        let r = weftBare(["--space", space] + args, as: handle)
        XCTAssertEqual(r.status, 0, r.stderr)
        return array(r).compactMap { $0["title"] as? String }
    }

    func testPinUnpinAndTheRulesAboutWhoMay() throws {
        makeSpaceWithBoard()  // ann creates general: she is its admin
        let first = newThread(title: "First", as: "bob")
        _ = newThread(title: "Second", as: "bob")
        XCTAssertEqual(titles(), ["Second", "First"])
        assertFails(["thread", "pin", first], mentioning: ["only the admin", "general", "ann"], as: "bob")
        XCTAssertEqual(ok("thread", "pin", first).stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       "Pinned thread \(first.prefix(13)) in general.")
        XCTAssertEqual(titles(), ["First", "Second"], "pinned first")
        XCTAssertEqual(titles("--pinned"), ["First"])
        let json = array(ok("thread", "list", "--board", "general", "--json"))
        XCTAssertEqual(json.first?["pinned"] as? Bool, true)
        XCTAssertTrue(ok("thread", "list", "--board", "general").stdout.contains("📌 First"))
        assertFails(["thread", "pin", first], mentioning: ["already pinned"])
        XCTAssertEqual(titles(as: "bob"), ["First", "Second"], "a pin is for everyone")
        ok("thread", "unpin", first)
        XCTAssertEqual(titles(), ["Second", "First"])
        assertFails(["thread", "unpin", first], mentioning: ["not pinned"])
        assertFails(["thread", "pin", "zzzz"], mentioning: ["zzzz"])
        let events = journalEvents().compactMap { $0["type"] as? String }
        XCTAssertEqual(events.filter { $0.hasPrefix("thread.") && $0.hasSuffix("pinned") }, ["thread.pinned", "thread.unpinned"])
    }

    func testFiltersAndSortsOfTheThreadList() throws {
        makeSpaceWithBoard()
        let old = newThread(title: "Old", as: "bob")
        _ = newThread(title: "Other", as: "bob")
        _ = newThread(title: "Mine")
        _ = newComment(old, body: "bump", as: "bob")
        XCTAssertEqual(titles(), ["Old", "Mine", "Other"])
        XCTAssertEqual(titles("--sort", "created"), ["Mine", "Other", "Old"])
        XCTAssertEqual(titles("--sort", "unread"), ["Old", "Other", "Mine"], "Old: thread + comment unread; Mine is ann's")
        XCTAssertEqual(titles("--mine"), ["Mine"])
        XCTAssertEqual(titles("--unread"), ["Old", "Other"])
        XCTAssertEqual(titles("--unread", "--sort", "created"), ["Other", "Old"])
        XCTAssertTrue(ok("thread", "list", "--board", "general", "--followups").stdout.contains("No threads in general match."))
        let r = weft("thread", "list", "--board", "general", "--sort", "sideways")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("activity"), r.stderr)
        XCTAssertNotEqual(weft("thread", "list", "--board", "general", "--decided", "--undecided").status, 0)
    }

    func testReadUnreadAndCatchup() throws {
        makeSpaceWithBoard()
        let a = newThread(title: "A", as: "bob")
        let b = newThread(title: "B", as: "bob")
        let c = newComment(a, body: "more", as: "bob")
        XCTAssertEqual(titles("--unread"), ["A", "B"])
        XCTAssertEqual(ok("read", a).stdout, "Marked thread \(a.prefix(13)) read.\n")
        XCTAssertEqual(titles("--unread"), ["B"])
        XCTAssertEqual(ok("unread", c).stdout, "Marked comment \(c.prefix(13)) unread.\n")
        XCTAssertEqual(titles("--unread"), ["A", "B"])
        let listed = array(ok("thread", "list", "--board", "general", "--json"))
        XCTAssertEqual(listed.first?["unread"] as? Int, 1, "only the comment is unread again")
        let caught = object(ok("catchup", "general", "--json"))
        XCTAssertEqual(caught["threads"] as? Int, 2)
        XCTAssertEqual(caught["posts"] as? Int, 2, "the comment and thread B")
        XCTAssertEqual(titles("--unread"), [])
        XCTAssertEqual(ok("catchup", "general").stdout, "Nothing unread in general.\n")
        ok("unread", b)
        XCTAssertEqual(ok("catchup", "general").stdout, "Marked 1 thread (1 post) in general read.\n")
        XCTAssertEqual(titles("--unread", as: "cy"), ["A", "B"], "read markers are private")
        assertFails(["catchup", "nope"], mentioning: ["nope"])
        assertFails(["read", "0000"], mentioning: ["0000"])
    }

    func testStarsLeadTheBoardList() throws {
        makeSpace()
        for slug in ["alpha", "beta", "gamma"] { ok("board", "create", slug) }
        func slugs(as handle: String = "ann") -> [String] {
            array(weft("board", "list", "--json", as: handle)).compactMap { $0["slug"] as? String }
        }
        XCTAssertEqual(slugs(), ["alpha", "beta", "gamma"])
        XCTAssertEqual(ok("board", "star", "gamma").stdout, "Starred gamma.\n")
        XCTAssertEqual(slugs(), ["gamma", "alpha", "beta"])
        XCTAssertEqual(array(ok("board", "list", "--json")).first?["starred"] as? Bool, true)
        XCTAssertTrue(ok("board", "list").stdout.contains("★ gamma"))
        XCTAssertEqual(slugs(as: "bob"), ["alpha", "beta", "gamma"], "stars are private")
        ok("board", "unstar", "gamma")
        XCTAssertEqual(slugs(), ["alpha", "beta", "gamma"])
        assertFails(["board", "star", "nope"], mentioning: ["nope"])
    }
}
