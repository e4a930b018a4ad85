import Foundation
import XCTest
import WeftTestSupport

/// Syncing a space through git, end to end: a bare repository and clones in
/// temporary directories, each its own machine, writing and syncing at once.
final class SyncTests: SyncTestCase {
    /// Three people write threads, comments, status updates and follow-ups at
    /// the same time and sync in varying orders (and all at once) over several
    /// rounds. Afterwards every clone shows the same content and holds every
    /// event exactly once.
    func testThreeClonesConvergeWithoutLosingOrDuplicatingEvents() throws {
        let ann = setUpRemote(first: "ann", machine: "laptop")
        let bob = cloneRemote("bob", machine: "desk")
        let cy = cloneRemote("cy", machine: "tablet")
        let clones = [ann, bob, cy]
        let written = Collected()  // ids of every event a test step created
        // The writers run at once, each a separate process; the test object
        // is only read from these threads.
        nonisolated(unsafe) let test = self
        must(bob, ["sync"])
        must(cy, ["sync"])
        let orders: [[Int]] = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [], [2, 0, 1]]  // [] = all at once
        for (round, order) in orders.enumerated() {
            // Everyone writes at once, on what their clone knows so far.
            DispatchQueue.concurrentPerform(iterations: clones.count) { i in
                let c = clones[i]
                var ids: [String] = []
                let thread = test.run(c, ["thread", "new", "--board", "general", "--title", "Round \(round) by \(c.person)",
                                     "--body", "Para one.\n\nPara two by \(c.person)."]).trimmed
                ids.append(thread)
                ids.append(test.run(c, ["comment", thread, "--body", "Self-note \(round)"]).trimmed)
                ids.append(test.run(c, ["status", "post", "\(c.person) round \(round)", "--kind", "onTrack"]).trimmed)
                // Comment on a thread someone else started (known from earlier syncs).
                let listed = WeftProcess.json(test.run(c, ["thread", "list", "--board", "general", "--json"])) as? [[String: Any]] ?? []
                if let other = listed.first(where: { $0["author"] as? String != c.person })?["id"] as? String {
                    ids.append(test.run(c, ["comment", other, "--body", "\(c.person) answers in round \(round)"]).trimmed)
                    ids.append(test.appendFollowUp(c, board: "general", target: other, assignee: "ann", n: round))
                }
                written.add(ids)
            }
            if order.isEmpty {
                DispatchQueue.concurrentPerform(iterations: clones.count) { i in
                    let r = test.run(clones[i], ["sync"])
                    XCTAssertEqual(r.status, 0, "round \(round), \(clones[i].person) syncing at once: \(r.stderr)")
                }
            } else {
                for i in order { must(clones[i], ["sync"]) }
            }
        }
        // Two quiet rounds bring everyone everything.
        for _ in 0..<2 {
            for c in clones { must(c, ["sync"]) }
        }

        XCTAssertFalse(written.items.contains(""), "every write printed its id")
        let expected = Set(written.items)
        for c in clones {
            let counts = eventCounts(c)
            XCTAssertTrue(expected.isSubset(of: Set(counts.keys)), "\(c.person) misses \(expected.subtracting(counts.keys))")
            XCTAssertEqual(counts.filter { $0.value > 1 }, [:], "\(c.person) holds events twice")
        }
        XCTAssertEqual(eventCounts(ann), eventCounts(bob))
        XCTAssertEqual(eventCounts(ann), eventCounts(cy))
        let first = listing(ann)
        XCTAssertTrue(first.contains("Round 4 by cy"), "the listing shows the last round")
        XCTAssertEqual(listing(bob), first, "bob's clone shows what ann's does")
        XCTAssertEqual(listing(cy), first, "cy's clone shows what ann's does")
        // Each person wrote only their own files, and git history was only appended to.
        for c in clones {
            let doctor = run(c, ["doctor"])
            XCTAssertTrue(doctor.stdout.contains("every journal in git was only appended to"), doctor.stdout)
            XCTAssertFalse(doctor.stdout.contains("FAIL  journal") || doctor.stdout.contains("FAIL  boards"), doctor.stdout)
            let status = object(run(c, ["sync", "status", "--json"]))
            XCTAssertEqual(status["unpushed"] as? Int, 0, "\(c.person): nothing left to push")
            XCTAssertNotNil(status["lastSync"])
        }
    }

    /// Someone else pushes while our push is on its way: the remote refuses
    /// ours, and sync fetches, merges and pushes again.
    func testPushRejectedBecauseSomeonePushedFirstIsRetried() throws {
        let ann = setUpRemote()
        let bob = cloneRemote("bob", machine: "desk")
        must(bob, ["status", "post", "bob got there first"])
        must(ann, ["status", "post", "ann pushes second"])
        // The remote's pre-receive hook lets bob sync (and push) while ann's
        // push waits for it, once: ann's push then finds main moved.
        let marker = sandbox.root + "/bob-pushed"
        let script = sandbox.root + "/bob-sync.sh"
        let envText = bob.env.sorted { $0.key < $1.key }.map { "\($0.key)=\(SyncTests.quote($0.value))" }.joined(separator: " ")
        sandbox.write("#!/bin/sh\nenv -i \(envText) \(SyncTests.quote(WeftProcess.executable)) --space \(SyncTests.quote(bob.path)) sync >&2\n",
                      to: "bob-sync.sh")
        sandbox.write("""
            #!/bin/sh
            cat >/dev/null
            if [ ! -e \(SyncTests.quote(marker)) ]; then
              touch \(SyncTests.quote(marker))
              sh \(SyncTests.quote(script))
            fi
            exit 0

            """, to: "remote.git/hooks/pre-receive")
        chmod(remote + "/hooks/pre-receive", 0o755)

        let r = must(ann, ["sync", "--json"])
        let report = object(r)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "bob pushed during ann's push")
        XCTAssertEqual(report["pushed"] as? Bool, true)
        XCTAssertEqual(report["attempts"] as? Int, 2, "one refused push, one that went through: \(r.stdout)")
        XCTAssertEqual(report["received"] as? Int, 2, "bob's profile and status arrived on the second try")
        let texts = (WeftProcess.json(must(ann, ["status", "list", "--json"])) as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        XCTAssertEqual(Set(texts), ["bob got there first", "ann pushes second"])
        must(bob, ["sync"])
        XCTAssertEqual(eventCounts(bob), eventCounts(ann))
        XCTAssertEqual(listing(bob), listing(ann))
    }

    /// The index is a cache: deleted after a sync, it rebuilds to the same content.
    func testIndexDeletedAfterSyncRebuildsToTheSameContent() throws {
        let ann = setUpRemote()
        let bob = cloneRemote("bob", machine: "desk")
        let thread = must(ann, ["thread", "new", "--board", "general", "--title", "Plan", "--body", "Ship it."]).trimmed
        must(ann, ["sync"])
        must(bob, ["sync"])
        must(bob, ["comment", thread, "--body", "Agreed."])
        must(bob, ["react", thread, "👍"])
        must(bob, ["sync"])
        must(ann, ["sync"])
        let before = listing(ann)
        XCTAssertTrue(before.contains("Agreed."))
        let cache = try XCTUnwrap(ann.env["XDG_CACHE_HOME"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache + "/weft"))
        try FileManager.default.removeItem(atPath: cache + "/weft")
        // The observer's index too, so the listing comes from a fresh build.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: sandbox.root)) ?? [] where entry.hasPrefix("cache-zed") {
            try FileManager.default.removeItem(atPath: sandbox.root + "/" + entry)
        }
        XCTAssertEqual(listing(ann), before)
        must(ann, ["index", "check"])
        let thread2 = object(must(ann, ["thread", "show", thread, "--json"]))
        XCTAssertEqual((thread2["comments"] as? [[String: Any]])?.count, 1)
    }

    /// One person on two machines: each machine makes its own device id, so
    /// the person writes two journals, and both machines see both posts.
    func testOnePersonOnTwoMachinesWritesTwoJournals() throws {
        let laptop = setUpRemote(first: "ann", machine: "laptop")
        let desk = cloneRemote("ann", machine: "desk")
        must(desk, ["status", "post", "from the desk"])
        must(laptop, ["status", "post", "from the laptop"])
        must(desk, ["sync"])
        must(laptop, ["sync"])
        must(desk, ["sync"])
        let a = try XCTUnwrap(deviceID(laptop)), b = try XCTUnwrap(deviceID(desk))
        XCTAssertNotEqual(a, b, "each machine has its own device id")
        XCTAssertEqual(deviceID(laptop), a, "the id is stable")
        for c in [laptop, desk] {
            let files = journalFiles(c).filter { $0.hasPrefix("journal/ann@") }
            XCTAssertEqual(files, ["journal/ann@\(a).jsonl", "journal/ann@\(b).jsonl"].sorted())
            let statuses = WeftProcess.json(must(c, ["status", "list", "--json"])) as? [[String: Any]] ?? []
            XCTAssertEqual(Set(statuses.compactMap { $0["text"] as? String }), ["from the desk", "from the laptop"])
            XCTAssertEqual(Set(statuses.compactMap { $0["author"] as? String }), ["ann"])
        }
        XCTAssertEqual(listing(laptop), listing(desk))
    }

    /// Only the person's own journals on this machine are committed by sync.
    func testSyncCommitsOnlyTheOwnJournals() throws {
        let ann = setUpRemote()
        // A file of someone else's appears in ann's clone (e.g. copied by hand).
        sandbox.write(#"{"v":1,"id":"01a20000-0000-7000-8000-000000000001","at":"2026-01-01T00:00:00.000Z","type":"status.posted","kind":"note","text":"stray"}"# + "\n",
                      to: "ann-laptop/journal/zed@abc123.jsonl")
        must(ann, ["status", "post", "mine"])
        must(ann, ["sync"])
        let committed = git(["ls-tree", "-r", "--name-only", "HEAD"], in: ann.path)
        XCTAssertFalse(committed.contains("zed@"), committed)
        XCTAssertTrue(committed.contains("journal/ann@"), committed)
        XCTAssertTrue(committed.contains(".gitignore"))
        XCTAssertTrue(git(["status", "--porcelain", "--untracked-files=all"], in: ann.path).contains("zed@abc123.jsonl"))
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Strings gathered from several threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func add(_ more: [String]) {
        lock.lock()
        stored += more
        lock.unlock()
    }

    var items: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
