import Foundation
import XCTest
import WeftTestSupport

/// `weft init`, `weft board create|list|show`, choosing the space (--space,
/// WEFT_SPACE, config.toml, the default space), usage errors and completions.
final class InitAndBoardTests: CLITestCase {
    func testInitCreatesAnEmptySpace() throws {
        let r = weftBare(["init", space, "--name", "Team Rocket"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Created space 'Team Rocket' at \(space)"), r.stdout)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: space + "/weft.json"))) as? [String: Any])
        XCTAssertEqual(manifest["name"] as? String, "Team Rocket")
        XCTAssertEqual(manifest["format"] as? Int, 1)
        XCTAssertTrue(isUUID(manifest["id"] as? String ?? ""), "\(manifest)")
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: space + "/journal", isDirectory: &isDir) && isDir.boolValue)
        XCTAssertTrue(FileManager.default.fileExists(atPath: space + "/boards", isDirectory: &isDir) && isDir.boolValue)
        // A new space has no boards.
        XCTAssertTrue(ok("board", "list").stdout.contains("No boards yet"))
        XCTAssertEqual(array(ok("board", "list", "--json")).count, 0)
    }

    func testInitJSONAndDefaultName() throws {
        let path = sandbox.root + "/projects/apollo"
        let r = weftBare(["init", path, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = object(r)
        XCTAssertEqual(o["path"] as? String, path)
        XCTAssertEqual(o["name"] as? String, "apollo", "the name defaults to the directory's name")
        XCTAssertTrue(isUUID(o["id"] as? String ?? ""), "\(o)")
    }

    func testInitRefusesAnExistingSpace() throws {
        makeSpace()
        let before = snapshot()
        let r = weftBare(["init", space, "--name", "Other"])
        assertOneLineError(r, mentioning: ["already exists"], context: r.stderr)
        XCTAssertEqual(snapshot(), before)
    }

    func testBoardCreateListShow() throws {
        makeSpace()
        let created = ok("board", "create", "general", "--title", "General talk", "--purpose", "Anything goes")
        XCTAssertEqual(created.trimmed.count, 36, "prints the id of the board.created event: \(created.stdout)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: space + "/boards/general/journal"))

        let dev = object(ok("board", "create", "dev", "--json"))
        XCTAssertEqual(dev["slug"] as? String, "dev")
        XCTAssertEqual(dev["title"] as? String, "dev", "the title defaults to the slug")
        XCTAssertEqual(dev["visibility"] as? String, "public")
        XCTAssertEqual(dev["createdBy"] as? String, "ann")
        XCTAssertNotNil(milliseconds(dev["createdAt"] as? String ?? ""))
        XCTAssertTrue((dev["createdAt"] as? String ?? "").hasSuffix("Z"), "times in JSON are UTC")

        _ = newThread(title: "First")
        _ = newThread(title: "Second")

        // Table: a header and one row per board, sorted by slug.
        let table = ok("board", "list").lines
        XCTAssertEqual(table.count, 3, table.joined(separator: "\n"))
        XCTAssertEqual(table[0].split(separator: " ", omittingEmptySubsequences: true).prefix(3),
                       ["BOARD", "THREADS", "UNREAD"])
        XCTAssertTrue(table[0].contains("LAST ACTIVITY") && table[0].contains("VISIBILITY") && table[0].contains("TITLE"))
        XCTAssertTrue(table[1].hasPrefix("dev "), table[1])
        XCTAssertTrue(table[2].hasPrefix("general "), table[2])
        XCTAssertTrue(table[2].contains("General talk"), table[2])
        XCTAssertEqual(table[2].split(separator: " ", omittingEmptySubsequences: true)[1], "2", "two threads")

        // JSON: one object per board with counts.
        let list = array(ok("board", "list", "--json"))
        XCTAssertEqual(list.map { $0["slug"] as? String }, ["dev", "general"])
        let general = try XCTUnwrap(list.last)
        XCTAssertEqual(general["title"] as? String, "General talk")
        XCTAssertEqual(general["purpose"] as? String, "Anything goes")
        XCTAssertEqual(general["threads"] as? Int, 2)
        XCTAssertEqual(general["posts"] as? Int, 2)
        XCTAssertEqual(general["unread"] as? Int, 0, "your own posts are not unread")
        XCTAssertNotNil(general["lastActivity"] as? String)
        XCTAssertNil(list.first?["lastActivity"], "a board without threads has no last activity")

        // Another person's thread is unread for ann.
        _ = newThread(title: "From bob", as: "bob")
        XCTAssertEqual(array(ok("board", "list", "--json")).last?["unread"] as? Int, 1)

        let show = ok("board", "show", "general").stdout
        XCTAssertTrue(show.contains("General talk [general]"), show)
        XCTAssertTrue(show.contains("Anything goes"), show)
        XCTAssertTrue(show.contains("Visibility: public"), show)
        XCTAssertTrue(show.contains("by ann"), show)
        XCTAssertTrue(show.contains("Threads: 3, posts: 3, unread: 1"), show)

        let shown = object(ok("board", "show", "general", "--json"))
        XCTAssertEqual(shown["slug"] as? String, "general")
        XCTAssertEqual(shown["threads"] as? Int, 3)
        XCTAssertEqual(Set(shown.keys), ["slug", "title", "purpose", "visibility", "createdAt", "createdBy",
                                         "threads", "posts", "unread", "lastActivity"])
    }

    func testBoardSlugLimits() throws {
        makeSpace()
        let forty = String(repeating: "a", count: 40)
        ok("board", "create", forty)
        ok("board", "create", "q3-2026")
        XCTAssertEqual(array(ok("board", "list", "--json")).compactMap { $0["slug"] as? String }, [forty, "q3-2026"], "sorted by slug")
        assertFails(["board", "create", "q3-2026"], mentioning: ["already exists"])
    }

    func testBareWeftCreatesTheDefaultSpaceWithAWelcomeThread() throws {
        let defaultSpace = sandbox.root + "/data/weft/default"
        XCTAssertFalse(FileManager.default.fileExists(atPath: defaultSpace))
        let r = weftBare([])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: defaultSpace + "/weft.json"))
        XCTAssertTrue(r.stdout.contains("Space 'default' at \(defaultSpace)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("welcome — Welcome"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Start here: how Weft works"), r.stdout)

        let boards = array(weftBare(["board", "list", "--json"]))
        XCTAssertEqual(boards.map { $0["slug"] as? String }, ["welcome"])
        let threads = array(weftBare(["thread", "list", "--board", "welcome", "--json"]))
        XCTAssertEqual(threads.count, 1)
        let id = try XCTUnwrap(threads.first?["id"] as? String)
        let show = weftBare(["thread", "show", id])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("Boards hold threads"), show.stdout)

        // Opening it again (and as someone else) does not add a second welcome.
        XCTAssertEqual(weftBare([], as: "bob").status, 0)
        XCTAssertEqual(array(weftBare(["thread", "list", "--board", "welcome", "--json"])).count, 1)
        XCTAssertEqual(array(weftBare(["board", "list", "--json"], as: "bob")).count, 1)
    }

    func testWeftSpaceEnvironmentWorksLikeTheFlag() throws {
        makeSpaceWithBoard()
        let env = ["WEFT_SPACE": space]
        let list = weftBare(["board", "list", "--json"], env: env)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(array(list).map { $0["slug"] as? String }, ["general"])
        let t = weftBare(["thread", "new", "--board", "general", "--title", "Via env", "--body", "x"], env: env)
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(isUUID(t.trimmed))
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).first?["id"] as? String, t.trimmed)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.root + "/data/weft/default"),
                       "WEFT_SPACE must not create the default space")
        // --space beats WEFT_SPACE.
        let other = weftBare(["--space", space, "board", "list", "--json"], env: ["WEFT_SPACE": sandbox.root + "/nowhere"])
        XCTAssertEqual(other.status, 0, other.stderr)
        // A WEFT_SPACE without a space is an error, not a new default space.
        let missing = weftBare(["board", "list"], env: ["WEFT_SPACE": sandbox.root + "/nowhere"])
        assertOneLineError(missing, mentioning: ["no space at", "nowhere"], context: missing.stderr)
    }

    func testConfigFileNamesHandleAndSpace() throws {
        makeSpaceWithBoard()
        sandbox.write("# my settings\nhandle = \"cfg\"\nspace = \"\(space)\"\n", to: "config/weft/config.toml")
        // WEFT_HANDLE (set by the sandbox) beats the config file; empty means unset.
        let r = weftBare(["thread", "new", "--board", "general", "--title", "From config", "--body", "x", "--json"],
                         env: ["WEFT_HANDLE": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(object(r)["author"] as? String, "cfg")
        let journals = try FileManager.default.contentsOfDirectory(atPath: space + "/boards/general/journal")
        XCTAssertTrue(journals.contains { $0.hasPrefix("cfg@") }, "\(journals)")
        let withEnv = weftBare(["thread", "new", "--board", "general", "--title", "From env", "--body", "x", "--json"])
        XCTAssertEqual(object(withEnv)["author"] as? String, "ann")
        // A broken config file is one clear error line.
        sandbox.write("handle = cfg\n", to: "config/weft/config.toml")
        let bad = weftBare(["board", "list"], env: ["WEFT_HANDLE": ""])
        assertOneLineError(bad, mentioning: ["config.toml:1"], context: bad.stderr)
    }

    func testUsageErrorsExitWith64() throws {
        makeSpaceWithBoard()
        let missing = weft("thread", "new", "--title", "No board")
        XCTAssertEqual(missing.status, 64, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("--board"), missing.stderr)
        XCTAssertEqual(weftBare(["no-such-command"]).status, 64)
        XCTAssertEqual(weft("thread", "list", "--board", "general", "--limit", "0").status, 64)
        XCTAssertEqual(weft("comment", "abcd", "--block", "two").status, 64)
        let help = weftBare(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: weft"), help.stdout)
        XCTAssertEqual(weftBare(["--version"]).trimmed.isEmpty, false)
    }

    func testShellCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = weftBare(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0, "\(shell): \(r.stderr)")
            XCTAssertGreaterThan(r.stdout.count, 500, shell)
            XCTAssertTrue(r.stdout.contains("weft"), shell)
            XCTAssertTrue(r.stdout.contains("thread") && r.stdout.contains("space"), shell)
        }
        XCTAssertTrue(weftBare(["--generate-completion-script", "bash"]).stdout.contains("complete"))
        XCTAssertTrue(weftBare(["--generate-completion-script", "zsh"]).stdout.hasPrefix("#compdef weft"))
    }
}
