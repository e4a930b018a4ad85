import Foundation
import XCTest
import WeftTestSupport

/// `weft search`: the same query language and errors as the full-screen search.
final class SearchCommandTests: CLITestCase {
    func testFindsAndPrintsResults() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "Budget review", body: "The café budget is tight")
        let c = newComment(t, body: "明日の会議で話します", as: "bob")
        _ = newThread(title: "Launch", body: "plan the launch, draft")

        let text = ok("search", "cafe")
        XCTAssertTrue(text.stdout.contains("thread"), text.stdout)
        XCTAssertTrue(text.stdout.contains("#general"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Budget review"), text.stdout)
        XCTAssertTrue(text.stdout.contains("The café budget is tight"), text.stdout)

        let json = array(ok("search", "会議", "--json"))
        XCTAssertEqual(json.count, 1)
        XCTAssertEqual(json.first?["id"] as? String, c)
        XCTAssertEqual(json.first?["kind"] as? String, "comment")
        XCTAssertEqual(json.first?["thread"] as? String, t)
        XCTAssertEqual(json.first?["threadTitle"] as? String, "Budget review")
        XCTAssertEqual(json.first?["author"] as? String, "bob")
        XCTAssertEqual(json.first?["highlights"] as? [[Int]], [[3, 2]])

        // Exclusions pass through the argument parser; a shell-unquoted phrase stays a phrase.
        XCTAssertEqual(array(ok("search", "launch", "-draft", "--json")).count, 0)
        XCTAssertEqual(array(ok("search", "plan the", "--json")).count, 1)
        XCTAssertEqual(array(ok("search", "the plan", "--json")).count, 0)
        XCTAssertEqual(array(ok("search", "from:bob", "--json")).count, 1)
        XCTAssertEqual(array(ok("search", "in:thread", "--limit", "1", "--json")).count, 1)
        XCTAssertEqual(ok("search", "nothing-like-this").trimmed, "Nothing found.")
    }

    func testErrorsAreOneLineAndNameTheToken() {
        makeSpaceWithBoard()
        _ = assertFails(["search", "budget", "colour:red"], mentioning: ["unknown filter", "colour:red"])
        _ = assertFails(["search", "before:2026-02-30"], mentioning: ["date", "before:2026-02-30"])
        _ = assertFails(["search", "in:email"], mentioning: ["in:email", "in:thread"])
        _ = assertFails(["search"], mentioning: ["empty"])
        _ = assertFails(["search", "\"open"], mentioning: ["closing quote"])
        _ = assertFails(["search", "x", "--limit", "0"], mentioning: ["--limit"])
    }
}
