import Foundation
import XCTest
import WeftTestSupport

/// Making a space a git repository: `init --git`, `sync init`, and writing
/// while a sync runs.
final class SyncSetupTests: SyncTestCase {
    func testInitWithGitMakesACommittedRepositoryThatSharesOnlyJournals() throws {
        let env = machine("ann", "laptop")
        let path = sandbox.root + "/team"
        let r = WeftProcess.run(["init", path, "--git"], env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(git(["symbolic-ref", "--short", "HEAD"], in: path), "main\n")
        XCTAssertEqual(git(["ls-tree", "-r", "--name-only", "HEAD"], in: path), ".gitattributes\n.gitignore\nweft.json\n")
        XCTAssertTrue(git(["check-attr", "text", "--", "journal/ann@x.jsonl"], in: path).contains("text: unset"))
        XCTAssertTrue(git(["log", "--format=%an <%ae>"], in: path).hasPrefix("ann <ann@"), "weft's identity when git has none")
        // Local clutter stays out of git; journals (even a new board's) do not.
        sandbox.write("x", to: "team/notes.txt")
        sandbox.write("x", to: "team/boards/general/cover.png")
        sandbox.write("x", to: "team/boards/general/journal/.ann@x.jsonl.swp")
        sandbox.write("{}\n", to: "team/boards/general/journal/bob@desk.jsonl")
        let untracked = git(["status", "--porcelain", "--untracked-files=all"], in: path)
        XCTAssertEqual(untracked, "?? boards/general/journal/bob@desk.jsonl\n")
    }

    func testSyncInitOnAnExistingSpaceCommitsItAndAddsTheRemote() throws {
        makeSpaceWithBoard()
        let thread = newThread(title: "Before git")
        git(["init", "-q", "--bare", "--initial-branch=main", remote], in: sandbox.root)
        let setup = ok("sync", "init", "--remote", remote)
        XCTAssertTrue(setup.stdout.contains("now a git repository"), setup.stdout)
        XCTAssertTrue(setup.stdout.contains("Added remote 'origin'"), setup.stdout)
        let files = git(["ls-tree", "-r", "--name-only", "HEAD"], in: space)
        XCTAssertTrue(files.contains("boards/general/journal/ann@"), files)
        // Again: nothing to do, the same remote is fine, another URL is not.
        let again = ok("sync", "init", "--remote", remote)
        XCTAssertTrue(again.stdout.contains("already is a git repository"), again.stdout)
        assertFails(["sync", "init", "--remote", "/elsewhere.git"], mentioning: ["remote named 'origin' already exists", "git remote set-url"])
        let report = object(ok("sync", "--json"))
        XCTAssertEqual(report["pushed"] as? Bool, true)
        let clone = cloneRemote("bob", machine: "desk")
        XCTAssertEqual(object(must(clone, ["thread", "show", thread, "--json"]))["thread"].flatMap { ($0 as? [String: Any])?["title"] as? String },
                       "Before git")
    }

    func testInitWithGitInsideAnotherRepositoryMakesARepositoryOfItsOwn() throws {
        let outer = sandbox.root + "/home-in-git"
        try FileManager.default.createDirectory(atPath: outer, withIntermediateDirectories: true)
        git(["init", "-q"], in: outer)
        let r = WeftProcess.run(["init", outer + "/team", "--git"], env: machine("ann", "laptop"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(git(["rev-parse", "--show-toplevel"], in: outer + "/team"), outer + "/team\n")
        XCTAssertTrue(git(["ls-tree", "-r", "--name-only", "HEAD"], in: outer + "/team").contains("weft.json"))
        XCTAssertEqual(git(["rev-list", "--all", "--count"], in: outer), "0\n", "the outer repository got no commit")
    }

    func testInitWithGitLeavesNothingWhenGitIsMissing() throws {
        var env = machine("ann", "laptop")
        env["PATH"] = sandbox.root + "/no-programs-here"
        let r = WeftProcess.run(["init", sandbox.root + "/team", "--git"], env: env)
        assertOneLineError(r, mentioning: ["git is not installed"], context: r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.root + "/team"), "the half-made space was removed")
    }

    /// A process appends to the person's journal while sync commits it: only
    /// complete lines are committed, and every line arrives in the end.
    func testWritingWhileSyncingLosesNothing() throws {
        let ann = setUpRemote()
        let bob = cloneRemote("bob", machine: "desk")
        let ids = Collected()
        let syncsDone = Collected()
        nonisolated(unsafe) let test = self
        let writer = DispatchGroup()
        // The writer keeps appending (in runs of 100) until at least two syncs have
        // run while it wrote, however slow the machine is.
        DispatchQueue.global().async(group: writer) {
            for run in 0..<10 {
                if run >= 3, syncsDone.items.count >= 2 { break }
                let r = test.run(ann, ["dev", "append", "--count", "100", "--label", "busy"])
                ids.add(r.lines.filter { $0.hasPrefix("done ") }.map { String($0.dropFirst(5)) })
            }
        }
        var syncs = 0
        while writer.wait(timeout: .now()) == .timedOut, syncs < 50 {
            must(ann, ["sync"])
            syncs += 1
            syncsDone.add(["\(syncs)"])
        }
        writer.wait()
        must(ann, ["sync"])
        must(bob, ["sync"])
        XCTAssertGreaterThanOrEqual(ids.items.count, 300)
        XCTAssertEqual(ids.items.count % 100, 0, "every append reported done")
        let counts = eventCounts(bob)
        for id in ids.items { XCTAssertEqual(counts[id], 1, "bob has \(id) once") }
        XCTAssertGreaterThan(syncs, 1, "syncs ran while the writer wrote")
        let doctor = run(ann, ["doctor"])
        XCTAssertTrue(doctor.stdout.contains("every journal in git was only appended to"), doctor.stdout)
    }
}
