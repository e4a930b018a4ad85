import Foundation
import XCTest
import WeftTestSupport

/// A private board made from the full-screen UI on a shared host, by a real Unix
/// user in a real terminal (tmux + runuser): the kernel, not the app, keeps the
/// non-member out, and removing a member from the members panel closes the door.
final class SharedHostTUITests: SharedHostTestCase {
    func testPrivateBoardFromTheUIIsEnforcedByTheFileSystem() throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        ok(ann, "init", space, "--shared", group)
        ok(ann, "board", "create", "general")
        // bob becomes a known member of the space by writing.
        ok(bob, "thread", "new", "--board", "general", "--title", "Hi", "--body", "From bob.")

        let h = home(ann)
        let env = ["HOME=\(h)", "XDG_DATA_HOME=\(h)/data", "XDG_CONFIG_HOME=\(h)/config", "XDG_STATE_HOME=\(h)/state",
                   "XDG_CACHE_HOME=\(h)/cache", "TZ=UTC", "WEFT_DEVICE=laptop", "PATH=/usr/bin:/bin", "TERM=screen"]
        let t = try TmuxSession(
            command: ["/usr/sbin/runuser", "-u", ann, "--", "/usr/bin/env", "-i"] + env + [WeftProcess.executable, "--space", space],
            env: ["PATH": "/usr/sbin:/usr/bin:/bin"], width: 100, height: 30)
        func expect(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
            let seen = t.wait(for: text)
            XCTAssertTrue(seen.ok, "waiting for “\(text)”:\n\(seen.screen)", file: file, line: line)
        }
        expect("general")
        t.send("B")
        expect("New board")
        t.type("plans")
        t.send("Enter", "Enter", "Enter", "Right", "Enter")
        t.type(bob)
        t.send("C-s")
        expect("Board #plans created (private, 2 members).")

        let shown = ok(ann, "board", "show", "plans", "--json")
        let board = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(board["visibility"] as? String, "private")
        XCTAssertEqual(board["members"] as? [String], [ann, bob].sorted())
        let directory = space + "/boards/plans"
        XCTAssertEqual(shell(bob, "ls \(directory)/journal").status, 0, "a member can enter")
        XCTAssertNotEqual(shell(eve, "ls \(directory)").status, 0, "the kernel keeps a non-member out")
        XCTAssertNotEqual(weft(eve, "board", "show", "plans").status, 0)

        // Remove bob from the members panel: his access ends at once.
        t.send("A")
        expect("Members of #plans")
        let bobRow = [ann, bob].sorted().firstIndex(of: bob) ?? 1
        for _ in 0..<bobRow { t.send("j") }
        t.send("x")
        expect("Remove \(bob) from #plans?")
        t.send("y")
        expect("Removed \(bob) from #plans")
        XCTAssertNotEqual(shell(bob, "ls \(directory)").status, 0, "removed: the directory is closed to bob")
        t.send("Escape")
        t.send("q")  // back to Boards
        expect("B new board")
        t.send("q")
        XCTAssertEqual(t.waitForExit(), 0)
    }
}
