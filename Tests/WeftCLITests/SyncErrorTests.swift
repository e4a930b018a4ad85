import Foundation
import XCTest
import WeftTestSupport

/// What `weft sync` says when it cannot sync, and that nothing is lost then.
final class SyncErrorTests: SyncTestCase {
    /// A sync that fails must print one line and leave the journals alone.
    private func assertSyncFails(_ clone: Clone, _ args: [String] = ["sync"], env: [String: String] = [:],
                                 mentioning words: [String], file: StaticString = #filePath, line: UInt = #line) {
        let journals = snapshot(clone.path).filter { $0.key.hasSuffix(".jsonl") && !$0.key.hasPrefix(".git") }
        let r = run(clone, args, env: env)
        assertOneLineError(r, mentioning: words, context: "weft \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        let after = snapshot(clone.path).filter { $0.key.hasSuffix(".jsonl") && !$0.key.hasPrefix(".git") }
        XCTAssertEqual(after, journals, "a failed sync changes no journal", file: file, line: line)
    }

    func testNotAGitRepository() throws {
        makeSpace()
        let clone = Clone(person: "ann", machine: "laptop", path: space, env: machine("ann", "laptop"))
        assertSyncFails(clone, mentioning: ["not synced with git", "weft sync init"])
        let status = object(run(clone, ["sync", "status", "--json"]))
        XCTAssertEqual(status["enabled"] as? Bool, false)
    }

    func testNoRemote() throws {
        let clone = Clone(person: "ann", machine: "laptop", path: sandbox.root + "/solo", env: machine("ann", "laptop"))
        XCTAssertEqual(WeftProcess.run(["init", clone.path, "--git"], env: clone.env).status, 0)
        must(clone, ["status", "post", "kept locally"])
        assertSyncFails(clone, mentioning: ["no git remote", "sync init --remote"])
        assertSyncFails(clone, ["sync", "--remote", "upstream"], mentioning: ["no git remote named 'upstream'"])
        // The lines were committed locally all the same (offline first).
        XCTAssertTrue(git(["log", "--format=%s"], in: clone.path).contains("+2 lines"))
    }

    func testNoNetwork() throws {
        let ann = setUpRemote()
        must(ann, ["status", "post", "written offline"])
        // Nothing listens on port 1 of this machine: the connection is refused.
        git(["remote", "set-url", "origin", "http://127.0.0.1:1/team.git"], in: ann.path)
        assertSyncFails(ann, mentioning: ["cannot reach remote 'origin'", "offline"])
        // Back online, the line goes out.
        git(["remote", "set-url", "origin", remote], in: ann.path)
        let report = object(must(ann, ["sync", "--json"]))
        XCTAssertEqual(report["pushed"] as? Bool, true)
        XCTAssertEqual(report["committed"] as? Int, 0, "the line had been committed by the failed sync")
        XCTAssertEqual(object(must(ann, ["sync", "status", "--json"]))["unpushed"] as? Int, 0)
    }

    func testAuthenticationFailure() throws {
        let ann = setUpRemote()
        git(["remote", "set-url", "origin", "ssh://git@git.example.org/team.git"], in: ann.path)
        // An SSH that answers the way a server refusing the key does (no real
        // server in a test): the message must say it is about credentials.
        sandbox.write("#!/bin/sh\necho 'git@git.example.org: Permission denied (publickey).' >&2\nexit 255\n", to: "fake-ssh")
        chmod(sandbox.root + "/fake-ssh", 0o755)
        assertSyncFails(ann, env: ["GIT_SSH_COMMAND": sandbox.root + "/fake-ssh"],
                        mentioning: ["refused your credentials", "Permission denied (publickey)", "ssh key"])
    }

    func testMissingRemoteRepository() throws {
        let ann = setUpRemote()
        git(["remote", "set-url", "origin", sandbox.root + "/nowhere.git"], in: ann.path)
        assertSyncFails(ann, mentioning: ["has no repository there", "git remote -v"])
    }

    /// The same handle and device on two machines (a copied state directory):
    /// sync refuses to merge, says how to fix it, and `weft sync repair`
    /// moves this machine's lines to a new device's journal, losing nothing.
    func testDivergedOwnJournalIsRefusedAndRepairedWithoutLoss() throws {
        let laptop = setUpRemote(first: "ann", machine: "laptop")
        var desk = cloneRemote("ann", machine: "desk")
        // The desk got a copy of the laptop's private state: the same device id.
        let stateDir = try XCTUnwrap(laptop.env["XDG_STATE_HOME"])
        desk.env["XDG_STATE_HOME"] = sandbox.root + "/state-copied"
        try FileManager.default.copyItem(atPath: stateDir, toPath: sandbox.root + "/state-copied")
        XCTAssertEqual(deviceID(desk), deviceID(laptop))
        let device = try XCTUnwrap(deviceID(laptop))

        let fromLaptop = must(laptop, ["status", "post", "from the laptop"]).trimmed
        must(laptop, ["sync"])
        let fromDesk = must(desk, ["status", "post", "from the desk"]).trimmed
        assertSyncFails(desk, mentioning: ["journal/ann@\(device).jsonl", "written on another machine", "weft sync repair",
                                           "nothing was merged or lost"])

        let repaired = must(desk, ["sync", "repair"])
        XCTAssertTrue(repaired.stdout.contains("moved 1 line(s)"), repaired.stdout)
        let newDevice = try XCTUnwrap(deviceID(desk))
        XCTAssertNotEqual(newDevice, device)
        must(laptop, ["sync"])
        for c in [laptop, desk] {
            let counts = eventCounts(c)
            XCTAssertEqual(counts[fromLaptop], 1, "\(c.machine) has the laptop's line once")
            XCTAssertEqual(counts[fromDesk], 1, "\(c.machine) has the desk's line once")
            XCTAssertTrue(journalFiles(c).contains("journal/ann@\(newDevice).jsonl"))
            let doctor = run(c, ["doctor"])
            XCTAssertTrue(doctor.stdout.contains("every journal in git was only appended to"), doctor.stdout)
        }
        XCTAssertEqual(listing(laptop), listing(desk))
        // From now on both machines sync cleanly.
        must(desk, ["status", "post", "desk again"])
        must(desk, ["sync"])
        must(laptop, ["status", "post", "laptop again"])
        must(laptop, ["sync"])
        must(desk, ["sync"])
        XCTAssertEqual(eventCounts(laptop), eventCounts(desk))
    }

    /// Someone rewrote their journal and pushed it: sync refuses to merge
    /// the rewrite (which would drop lines here), and doctor names the commit.
    func testRewrittenJournalOnTheRemoteIsRefusedAndReported() throws {
        let ann = setUpRemote()
        let bob = cloneRemote("bob", machine: "desk")
        must(bob, ["status", "post", "first words"])
        must(bob, ["sync"])
        must(ann, ["sync"])
        let bobsJournal = try XCTUnwrap(journalFiles(bob).first { $0.hasPrefix("journal/bob@") })
        let path = bob.path + "/" + bobsJournal
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.replacingOccurrences(of: "first words", with: "other words").utf8)))
        let local = run(bob, ["doctor"])
        XCTAssertEqual(local.status, 1)
        XCTAssertTrue(local.stdout.contains("FAIL  \(bobsJournal) was rewritten since the last commit"), local.stdout)
        assertSyncFails(bob, mentioning: ["changed other than by appending", bobsJournal])
        git(["commit", "-qam", "rewrite history"], in: bob.path)
        git(["push", "-q", "origin", "main"], in: bob.path)
        let doctor = run(bob, ["doctor"])
        XCTAssertTrue(doctor.stdout.contains("FAIL  \(bobsJournal) was rewritten in commit"), doctor.stdout)

        assertSyncFails(ann, mentioning: ["rewritten \(bobsJournal)", "nothing was merged"])
        let statuses = WeftProcess.json(must(ann, ["status", "list", "--json"])) as? [[String: Any]] ?? []
        XCTAssertEqual(statuses.compactMap { $0["text"] as? String }, ["first words"], "ann keeps the original line")
    }
}
