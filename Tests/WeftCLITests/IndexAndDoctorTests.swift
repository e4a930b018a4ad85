import Foundation
import XCTest
import WeftTestSupport

/// `weft index rebuild|check` and `weft doctor`.
final class IndexAndDoctorTests: CLITestCase {
    /// A little forum written by several processes and people.
    private func populate() -> [String] {
        makeSpaceWithBoard()
        ok("board", "create", "dev", "--title", "Development", "--purpose", "Code talk")
        var threads: [String] = []
        for i in 0..<6 {
            let t = newThread(board: i % 2 == 0 ? "general" : "dev", title: "Thread \(i)",
                              body: "Para \(i) one.\n\nPara \(i) two.\n\nPara \(i) three.", as: i % 3 == 0 ? "bob" : "ann")
            threads.append(t)
        }
        let c = newComment(threads[0], body: "First!", as: "ann")
        _ = newComment(threads[0], body: "Reply", extra: ["--reply-to", c], as: "bob")
        _ = newComment(threads[1], body: "On block two", extra: ["--block", "2"], as: "carol")
        ok("react", threads[0], "🎉", as: "carol")
        ok("react", c, "+1", as: "bob")
        ok("edit", threads[1], "--body", "Para 1 one.\n\nEdited two.\n\nPara 1 three.")
        ok("status", "post", "On it", "--kind", "onTrack", "--board", "dev", as: "bob")
        ok("status", "post", "Stuck", "--kind", "blocked")
        ok("profile", "set", "--name", "Carol", "--tz", "Europe/Berlin", "--hours", "08:00-16:00", as: "carol")
        return threads
    }

    /// What the index answers, as the CLI prints it (without the ever-changing local clocks).
    private func views(_ threads: [String], env: [String: String] = [:]) -> [String] {
        var out = [ok("board", "list", "--json", env: env).stdout,
                   ok("thread", "list", "--board", "general", "--json", env: env).stdout,
                   ok("thread", "list", "--board", "dev", "--json", env: env).stdout,
                   ok("status", "list", "--json", env: env).stdout]
        for t in threads { out.append(ok("thread", "show", t, "--json", "--keep-unread", env: env).stdout) }
        let members = array(ok("member", "list", "--json", env: env)).map { m in
            m.filter { $0.key != "localTime" && $0.key != "inWorkingHours" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        }
        out.append("\(members)")
        return out
    }

    private var spaceID: String {
        let data = FileManager.default.contents(atPath: space + "/weft.json") ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["id"] as? String ?? "?"
    }

    func testRebuildAndCheckAgreeWithTheIncrementalIndex() throws {
        let threads = populate()
        let events = journalEvents().count
        XCTAssertGreaterThanOrEqual(events, 20)
        let incremental = views(threads)

        let check = ok("index", "check")
        XCTAssertEqual(check.lines.count, 1, check.stdout)
        XCTAssertTrue(check.stdout.hasPrefix("The index matches the journals: \(events) events"), check.stdout)

        let rebuild = ok("index", "rebuild")
        XCTAssertTrue(rebuild.stdout.hasPrefix("Rebuilt the index: \(events) events from "), rebuild.stdout)
        XCTAssertEqual(views(threads), incremental, "a rebuild gives the same answers as the incremental index")
        XCTAssertTrue(ok("index", "check").stdout.hasPrefix("The index matches the journals"))

        // Deleting the index loses nothing.
        let cache = sandbox.root + "/cache-ann-laptop"
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache + "/weft/\(spaceID)/index.sqlite"))
        try FileManager.default.removeItem(atPath: cache)
        XCTAssertEqual(views(threads), incremental)
        XCTAssertTrue(ok("index", "check").stdout.hasPrefix("The index matches the journals: \(events) events"))

        // Another person's index, built from scratch in one go, agrees too.
        let bobCheck = ok("index", "check", as: "bob")
        XCTAssertTrue(bobCheck.stdout.hasPrefix("The index matches the journals: \(events) events"), bobCheck.stdout)
    }

    func testIndexCatchesUpWithLinesWrittenByOthers() throws {
        makeSpaceWithBoard()
        XCTAssertEqual(array(ok("status", "list", "--json")).count, 0)
        let ms = try XCTUnwrap(milliseconds("2024-05-06T07:08:09.010Z"))
        let id = uuidv7(milliseconds: ms, tail: "abc")
        sandbox.write("{\"v\":1,\"id\":\"\(id)\",\"at\":\"2024-05-06T07:08:09.010Z\",\"type\":\"status.posted\",\"kind\":\"note\",\"text\":\"synced\"}\n",
                      to: "space/journal/zed@other.jsonl")
        XCTAssertEqual(array(ok("status", "list", "--json")).compactMap { $0["id"] as? String }, [id])
        XCTAssertTrue(ok("index", "check").stdout.hasPrefix("The index matches the journals"))
    }

    func testCheckReportsAnIndexThatDiffers() throws {
        guard let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("sqlite3 is not installed: cannot tamper with the index")
        }
        let threads = populate()
        let before = views(threads)
        let index = sandbox.root + "/cache-ann-laptop/weft/\(spaceID)/index.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sqlite)
        p.arguments = [index, "UPDATE posts SET title = 'tampered' WHERE kind = 0"]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)

        let spaceBefore = snapshot()
        let r = weft("index", "check")
        assertOneLineError(r, mentioning: ["differs from the journals", "posts", "weft index rebuild"], context: r.stderr)
        XCTAssertEqual(snapshot(), spaceBefore)
        ok("index", "rebuild")
        XCTAssertTrue(ok("index", "check").stdout.hasPrefix("The index matches the journals"))
        XCTAssertEqual(views(threads), before)
    }

    func testDoctor() throws {
        makeSpaceWithBoard()
        _ = newThread(title: "Healthy")
        let env = ["TERM": "xterm", "LANG": "C.UTF-8"]
        let terminfoKnown = ["/usr/share/terminfo/x/xterm", "/lib/terminfo/x/xterm", "/etc/terminfo/x/xterm"]
            .contains(where: FileManager.default.fileExists)
        let r = weft("doctor", env: env)
        if terminfoKnown {
            XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
            XCTAssertTrue(r.lines.allSatisfy { $0.hasPrefix("ok    ") }, r.stdout)
        }
        XCTAssertTrue(r.stdout.contains("ok    space 'Team' at \(space)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok    you are 'ann' on device '"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok    2 journal file(s)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok    every journal line is readable"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok    locale C.UTF-8 is UTF-8"), r.stdout)

        // Unusable lines are named with file and line; the rest still loads.
        sandbox.write("this is not json\n{\"v\":1}\n", to: "space/journal/zed@dev1.jsonl")
        let warned = weft("doctor", env: env)
        XCTAssertTrue(warned.stdout.contains("warn  journal/zed@dev1.jsonl:1: not a JSON object"), warned.stdout)
        XCTAssertTrue(warned.stdout.contains("warn  journal/zed@dev1.jsonl:2: "), warned.stdout)
        XCTAssertTrue(warned.stdout.contains("unexpected") == false, warned.stdout)
        if terminfoKnown { XCTAssertEqual(warned.status, 0, "warnings do not fail") }
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).count, 1)

        // A stray file is reported.
        sandbox.write("notes", to: "space/journal/README.txt")
        XCTAssertTrue(weft("doctor", env: env).stdout.contains("warn  unexpected entry journal/README.txt"))

        let badTerm = weft("doctor", env: ["TERM": "no-such-terminal-xyz", "LANG": "C.UTF-8"])
        XCTAssertEqual(badTerm.status, 1)
        XCTAssertTrue(badTerm.stdout.contains("FAIL  terminal type 'no-such-terminal-xyz' has no terminfo entry"), badTerm.stdout)
        let noLocale = weft("doctor", env: ["TERM": "xterm", "LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        XCTAssertTrue(noLocale.stdout.contains("warn  locale 'C' is not UTF-8"), noLocale.stdout)
        let noTerm = weft("doctor", env: ["TERM": "", "LANG": "C.UTF-8"])
        XCTAssertTrue(noTerm.stdout.contains("warn  TERM is not set"), noTerm.stdout)
    }
}
