import Foundation
import XCTest
import WeftTestSupport

/// Every error: one line on stderr naming the problem, exit status 1, nothing
/// printed on stdout and not one byte of the space changed.
final class ErrorTests: CLITestCase {
    override func setUp() {
        super.setUp()
        makeSpaceWithBoard()
    }

    func testUnknownBoard() throws {
        for who in ["ann", "newcomer"] {
            assertFails(["thread", "new", "--board", "nope", "--title", "T", "--body", "B"], mentioning: ["no such board 'nope'"], as: who)
            assertFails(["thread", "list", "--board", "nope"], mentioning: ["no such board 'nope'"], as: who)
            assertFails(["board", "show", "nope"], mentioning: ["no such board 'nope'"], as: who)
            assertFails(["status", "post", "Hi", "--board", "nope"], mentioning: ["no such board 'nope'"], as: who)
            assertFails(["status", "list", "--board", "nope"], mentioning: ["no such board 'nope'"], as: who)
            assertFails(["thread", "new", "--board", "../general", "--title", "T", "--body", "B"], mentioning: ["no such board"], as: who)
        }
    }

    func testBadSlugs() throws {
        for slug in ["../x", "Bad", String(repeating: "a", count: 41), "", "a/b", ".hidden", "white space", "x\u{1B}[2J"] {
            assertFails(["board", "create", slug, "--title", "T"], mentioning: ["invalid board slug"])
        }
        assertFails(["board", "create", "--title", "T", "--", "-lead"], mentioning: ["invalid board slug '-lead'"])
        // Nothing was created outside the space either.
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.root + "/x"))
    }

    func testTitles() throws {
        for title in ["", "   "] {
            assertFails(["thread", "new", "--board", "general", "--title", title, "--body", "B"], mentioning: ["title is empty"])
            assertFails(["board", "create", "other", "--title", title], mentioning: ["title is empty"])
        }
        let long = String(repeating: "é", count: 201)
        assertFails(["thread", "new", "--board", "general", "--title", long, "--body", "B"], mentioning: ["201 characters", "200"])
        assertFails(["board", "create", "other", "--title", long], mentioning: ["201 characters"])
        assertFails(["thread", "new", "--board", "general", "--title", "Two\nlines", "--body", "B"], mentioning: ["line break"])
        let t = newThread(title: "Mine")
        assertFails(["edit", t, "--title", ""], mentioning: ["title is empty"])
        assertFails(["edit", t, "--title", long], mentioning: ["201 characters"])
    }

    func testBodies() throws {
        let tooBig = String(repeating: "x", count: 65_537)
        assertFails(["thread", "new", "--board", "general", "--title", "T", "--body", tooBig], mentioning: ["65537 bytes", "64 KiB"])
        assertFails(["thread", "new", "--board", "general", "--title", "T"], mentioning: ["65537 bytes"], stdin: tooBig)
        // Multi-byte: 21,846 × "€" (3 bytes) is 65,538 bytes.
        assertFails(["thread", "new", "--board", "general", "--title", "T", "--body", String(repeating: "€", count: 21_846)],
                    mentioning: ["65538 bytes"])
        for empty in ["", "   ", "\n\n  \n"] {
            assertFails(["thread", "new", "--board", "general", "--title", "T", "--body", empty], mentioning: ["text is empty"])
            assertFails(["thread", "new", "--board", "general", "--title", "T"], mentioning: ["text is empty"], stdin: empty)
        }
        let t = newThread(title: "Target")
        assertFails(["comment", t, "--body", tooBig], mentioning: ["65537 bytes"])
        assertFails(["comment", t, "--body", ""], mentioning: ["text is empty"])
        assertFails(["comment", t], mentioning: ["text is empty"], stdin: "")
        assertFails(["edit", t, "--body", tooBig], mentioning: ["65537 bytes"])
        assertFails(["edit", t, "--body", " "], mentioning: ["text is empty"])
        assertFails(["status", "post", tooBig], mentioning: ["65537 bytes"])
        assertFails(["status", "post", ""], mentioning: ["text is empty"])
        assertFails(["thread", "new", "--board", "general", "--title", "T", "--body", "a", "--body-file", "/etc/hostname"],
                    mentioning: ["either --body or --body-file"])
        assertFails(["thread", "new", "--board", "general", "--title", "T", "--body-file", sandbox.root + "/missing.txt"],
                    mentioning: ["cannot read --body-file", "missing.txt"])
        _ = FileManager.default.createFile(atPath: sandbox.root + "/bad.txt", contents: Data([0x66, 0xff, 0xfe]))
        assertFails(["thread", "new", "--board", "general", "--title", "T", "--body-file", sandbox.root + "/bad.txt"],
                    mentioning: ["not UTF-8"])
    }

    func testUnknownIDs() throws {
        let t = newThread(title: "Exists")
        _ = t
        let unknown = "ffffffff-ffff-7fff-bfff-ffffffffffff"
        assertFails(["thread", "show", unknown], mentioning: ["no post", "'\(unknown)'"])
        assertFails(["thread", "show", "ffff"], mentioning: ["'ffff'"])
        assertFails(["thread", "show", "zzzzzzzz"], mentioning: ["'zzzzzzzz'"])
        assertFails(["comment", unknown, "--body", "x"], mentioning: ["no post"])
        assertFails(["comment", t, "--body", "x", "--reply-to", unknown], mentioning: ["no post"])
        assertFails(["react", unknown, "👍"], mentioning: ["no post"])
        assertFails(["edit", unknown, "--body", "x"], mentioning: ["no post"])
        // A status update is not a thread.
        let s = ok("status", "post", "Not a thread").trimmed
        assertFails(["thread", "show", s], mentioning: ["is not a thread"])
        assertFails(["comment", s, "--body", "x"], mentioning: ["is not a thread"])
        assertFails(["react", s, "👍"], mentioning: ["not a thread or comment"])
    }

    func testAmbiguousAndShortPrefixes() throws {
        // UUIDv7 ids begin with the time, so posts made moments apart share a prefix.
        let a = newThread(title: "A")
        let b = newThread(title: "B")
        let common = String(zip(a, b).prefix { $0 == $1 }.map(\.0))
        XCTAssertGreaterThanOrEqual(common.count, 4, "\(a) \(b)")
        let prefix = String(common.prefix(8))
        for args in [["thread", "show", prefix], ["comment", prefix, "--body", "x"], ["react", prefix, "👍"],
                     ["edit", prefix, "--body", "x"], ["comment", a, "--body", "x", "--reply-to", prefix]] {
            assertFails(args, mentioning: ["'\(prefix)' is ambiguous", "type more characters"])
        }
        // Both candidates are named.
        let r = assertFails(["thread", "show", prefix], mentioning: [String(a.prefix(18)), String(b.prefix(18))])
        _ = r
        for short in ["", "0", String(a.prefix(3)), "a-b-"] {
            assertFails(["thread", "show", short], mentioning: ["too short", "at least 4"])
        }
    }

    func testTimeZonesHoursAndKinds() throws {
        assertFails(["profile", "set", "--tz", "Mars/Base"], mentioning: ["unknown time zone 'Mars/Base'"])
        assertFails(["profile", "set", "--tz", "Nowhere"], mentioning: ["unknown time zone"])
        assertFails(["profile", "set", "--name", "Ann", "--tz", "Mars/Base"], mentioning: ["unknown time zone"],
                    as: "newcomer")
        for hours in ["9-5", "25:00-26:00", "09:00-09:00", "09:00", "09:60-10:00", "nine to five"] {
            assertFails(["profile", "set", "--hours", hours], mentioning: ["invalid working hours"])
        }
        assertFails(["profile", "set", "--name", ""], mentioning: ["invalid display name"])
        for kind in ["bogus", "", "on track!"] {
            assertFails(["status", "post", "Hi", "--kind", kind], mentioning: ["unknown status kind"])
        }
    }

    func testReplyingToACommentOfAnotherThread() throws {
        let t1 = newThread(title: "One")
        let t2 = newThread(title: "Two")
        let c2 = newComment(t2, body: "In two")
        assertFails(["comment", t1, "--body", "x", "--reply-to", c2], mentioning: ["not a comment in this thread"])
        assertFails(["comment", t1, "--body", "x", "--reply-to", String(c2.prefix(23))], mentioning: ["not a comment in this thread"])
    }

    func testNoSpace() throws {
        let missing = sandbox.root + "/missing"
        let r = weftBare(["--space", missing, "board", "list"])
        assertOneLineError(r, mentioning: ["no space at", missing], context: r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "--space never creates a space")
        try FileManager.default.createDirectory(atPath: missing, withIntermediateDirectories: true)
        let notSpace = weftBare(["--space", missing, "thread", "new", "--board", "general", "--title", "T", "--body", "B"])
        assertOneLineError(notSpace, mentioning: ["not a Weft space"], context: notSpace.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: missing), [])
    }

    func testErrorMessagesAreInert() throws {
        // Even an argument full of escapes comes back as one inert line.
        for args in [["thread", "show", "\u{1B}]52;c;aGk=\u{07}abcd"], ["thread", "show", "ab\u{1B}[2J"],
                     ["board", "show", "\u{1B}[2J"], ["comment", "\u{9B}31mabcd\nxyz", "--body", "x"],
                     ["thread", "new", "--board", "general", "--title", "T", "--body-file", "/no/\u{1B}[2J\nfile"]] {
            let r = assertFails(args, mentioning: [])
            XCTAssertFalse(r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) },
                           "escape on stderr: \(r.stderr.debugDescription)")
        }
    }

    // MARK: Unwritable space

    func testUnwritableSpace() throws {
        let t = newThread(title: "Existing")
        let c = newComment(t, body: "Comment")
        let attempts: [[String]] = [
            ["thread", "new", "--board", "general", "--title", "T", "--body", "B"],
            ["comment", t, "--body", "x"],
            ["comment", t, "--body", "x", "--reply-to", c],
            ["react", t, "👍"],
            ["edit", t, "--body", "x"],
            ["status", "post", "Hi"],
            ["status", "post", "Hi", "--board", "general"],
            ["board", "create", "other"],
            ["profile", "set", "--name", "Ann"],
        ]
        if geteuid() == 0 {
            // Root ignores permissions: write as `nobody` to a root-owned space (0755).
            let runuser = "/usr/sbin/runuser"
            guard FileManager.default.isExecutableFile(atPath: runuser) else {
                throw XCTSkip("running as root and \(runuser) is missing: cannot test an unwritable space")
            }
            for dir in [sandbox.root + "/nobody-state", sandbox.root + "/nobody-cache"] {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                chmod(dir, 0o777)
            }
            chmod(sandbox.root, 0o755)
            try requireTraversable(WeftProcess.executable)
            for args in attempts {
                let before = snapshot()
                let env = sandbox.environment(handle: "ann")
                let assignments = ["HOME=" + sandbox.root + "/nobody-state", "XDG_STATE_HOME=" + sandbox.root + "/nobody-state",
                                   "XDG_CACHE_HOME=" + sandbox.root + "/nobody-cache", "XDG_CONFIG_HOME=" + env["XDG_CONFIG_HOME"]!,
                                   "XDG_DATA_HOME=" + env["XDG_DATA_HOME"]!, "WEFT_HANDLE=ann", "TZ=UTC"]
                let r = runAsNobody(["/usr/bin/env", "-i"] + assignments + [WeftProcess.executable, "--space", space] + args)
                assertOneLineError(r, mentioning: ["cannot write to", space, "permissions"], context: "\(args): \(r.stderr)")
                XCTAssertEqual(snapshot(), before, "\(args) changed the space")
            }
            // Reading still works for nobody.
            let env = sandbox.environment(handle: "ann")
            let read = runAsNobody(["/usr/bin/env", "-i", "XDG_STATE_HOME=" + sandbox.root + "/nobody-state",
                                    "XDG_CACHE_HOME=" + sandbox.root + "/nobody-cache", "XDG_DATA_HOME=" + env["XDG_DATA_HOME"]!,
                                    "HOME=" + sandbox.root + "/nobody-state", "WEFT_HANDLE=ann",
                                    WeftProcess.executable, "--space", space, "thread", "list", "--board", "general"])
            XCTAssertEqual(read.status, 0, read.stderr)
            XCTAssertTrue(read.stdout.contains("Existing"), read.stdout)
        } else {
            var dirs = [space + "/journal", space + "/boards"]
            for b in try FileManager.default.contentsOfDirectory(atPath: space + "/boards") {
                dirs.append(space + "/boards/" + b + "/journal")
                dirs.append(space + "/boards/" + b)
            }
            // Read-only directories stop new journals; existing journals must be read-only too.
            let files = snapshot().keys.filter { $0.hasSuffix(".jsonl") }.map { space + "/" + $0 }
            XCTAssertFalse(files.isEmpty)
            for f in files { chmod(f, 0o444) }
            for d in dirs { chmod(d, 0o555) }
            defer {
                for d in dirs { chmod(d, 0o755) }
                for f in files { chmod(f, 0o644) }
            }
            for args in attempts {
                assertFails(args, mentioning: ["cannot write to", space, "permissions"])
            }
            XCTAssertEqual(ok("thread", "list", "--board", "general", "--json").status, 0)
        }
    }

    private func runAsNobody(_ command: [String]) -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        p.arguments = ["-u", "nobody", "--"] + command
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return Output(status: -1, stdout: "", stderr: "\(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                  stderr: String(decoding: e, as: UTF8.self))
    }

    /// Checks that `nobody` can reach `path`: every parent directory must be searchable by others.
    private func requireTraversable(_ path: String) throws {
        var dir = (path as NSString).deletingLastPathComponent
        while dir != "/" && !dir.isEmpty {
            var st = stat()
            if stat(dir, &st) == 0 && st.st_mode & 0o001 == 0 {
                throw XCTSkip("\(dir) is not searchable by others, so nobody cannot run \(path)")
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }
}
