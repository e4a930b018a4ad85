import Foundation
import XCTest
import WeftTestSupport

/// A private board created from the full-screen UI in a real terminal (tmux),
/// then its members changed from the board's members panel; each result is
/// checked through `weft board show --json`. Every wait polls the screen.
final class BoardAccessTUITests: XCTestCase {
    var box: Sandbox!

    override func setUpWithError() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        box = Sandbox(handle: "ann")
        weft(["init", box.space, "--name", "Access"])
        weft(["--space", box.space, "board", "create", "general", "--title", "General talk"])
        // bob and cyd become known members of the space by writing.
        weft(["--space", box.space, "thread", "new", "--board", "general", "--title", "Hi", "--body", "From bob."], as: "bob")
        weft(["--space", box.space, "thread", "new", "--board", "general", "--title", "Yo", "--body", "From cyd."], as: "cyd")
    }

    @discardableResult
    private func weft(_ args: [String], as who: String = "ann") -> WeftProcess.Result {
        let result = WeftProcess.run(args, env: box.environment(handle: who))
        XCTAssertEqual(result.status, 0, "weft \(args.joined(separator: " ")): \(result.stderr)")
        return result
    }

    private func boardJSON(_ slug: String) throws -> [String: Any] {
        let result = weft(["--space", box.space, "board", "show", slug, "--json"])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func expect(_ text: String, in session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        let seen = session.wait(for: text)
        XCTAssertTrue(seen.ok, "waiting for “\(text)”:\n\(seen.screen)", file: file, line: line)
    }

    func testCreateAPrivateBoardThenChangeItsMembersFromTheUI() throws {
        var env = box.environment(handle: "ann")
        env["TERM"] = "screen"
        env["LANG"] = nil
        let t = try TmuxSession(command: [WeftProcess.executable, "--space", box.space], env: env, width: 100, height: 30)
        expect("general", in: t)

        t.send("B")
        expect("New board", in: t)
        t.type("Bad Slug")
        t.send("C-s")
        expect("Invalid board slug", in: t)
        t.send("C-u")
        t.type("secret")
        t.send("Enter")
        t.type("Secret plans")
        t.send("Enter", "Enter", "Right", "Enter")
        expect("‹ private ›", in: t)
        t.type("bo")
        expect("Tab: @bob", in: t)
        t.send("Tab")
        t.type("cyd")
        t.send("C-s")
        expect("Board #secret created (private, 3 members).", in: t)

        var board = try boardJSON("secret")
        XCTAssertEqual(board["visibility"] as? String, "private")
        XCTAssertEqual(board["title"] as? String, "Secret plans")
        XCTAssertEqual(board["members"] as? [String], ["ann", "bob", "cyd"])
        let outsider = WeftProcess.run(["--space", box.space, "board", "show", "secret"], env: box.environment(handle: "dan"))
        XCTAssertNotEqual(outsider.status, 0, "a non-member gets no such board")

        // The members panel: remove cyd, then make the board public.
        t.send("A")
        expect("Members of #secret", in: t)
        expect("a add · x remove · v make public", in: t)
        t.send("j", "j", "x")
        expect("Remove cyd from #secret?", in: t)
        t.send("y")
        expect("Removed cyd from #secret", in: t)
        board = try boardJSON("secret")
        XCTAssertEqual(board["members"] as? [String], ["ann", "bob"])
        t.send("v")
        expect("Make #secret public?", in: t)
        t.send("y")
        expect("#secret is now public", in: t)
        XCTAssertEqual(try boardJSON("secret")["visibility"] as? String, "public")
        t.send("Escape")
    }
}
