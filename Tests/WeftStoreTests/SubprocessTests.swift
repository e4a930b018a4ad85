import Foundation
import XCTest

@testable import WeftStore

/// Running git (or any program) as a child: large input and output on all
/// three channels at once must neither block nor lose a byte.
final class SubprocessTests: XCTestCase {
    private let env = ["PATH": "/usr/local/bin:/usr/bin:/bin"]

    func testLargeInputAndOutputAtOnceArriveWhole() throws {
        // 4 MiB through `cat` while it writes the same back: far more than a
        // pipe or socket buffer, so writing all input first would deadlock.
        let input = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let r = try Subprocess.run(["cat"], environment: env, input: input)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout.count, input.count)
        XCTAssertTrue(r.stdout == input)
    }

    func testBothOutputsAreDrainedTogether() throws {
        let script = "head -c 3000000 /dev/zero; head -c 3000000 /dev/zero >&2; echo done >&2"
        let r = try Subprocess.run(["sh", "-c", script], environment: env)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout.count, 3_000_000)
        XCTAssertEqual(r.stderr.count, 3_000_005)
    }

    func testAChildThatStopsReadingDoesNotKillTheParent() throws {
        // `true` exits without reading: writing to it must report EPIPE, not raise SIGPIPE.
        let r = try Subprocess.run(["true"], environment: env, input: [UInt8](repeating: 65, count: 8 << 20))
        XCTAssertEqual(r.status, 0)
    }

    func testExitStatusAndMissingProgram() throws {
        XCTAssertEqual(try Subprocess.run(["sh", "-c", "exit 3"], environment: env).status, 3)
        XCTAssertThrowsError(try Subprocess.run(["weft-no-such-program"], environment: env))
        XCTAssertEqual(Subprocess.resolve("sh", path: "/nonexistent:/bin"), "/bin/sh")
    }

    func testGitFailuresAreToldApart() {
        XCTAssertEqual(GitMessage.classify("git@h: Permission denied (publickey).\r\nfatal: Could not read from remote repository."), .authentication)
        XCTAssertEqual(GitMessage.classify("fatal: unable to access 'https://h/x.git/': Could not resolve host: h"), .network)
        XCTAssertEqual(GitMessage.classify("fatal: could not read Username for 'https://h': terminal prompts disabled"), .authentication)
        XCTAssertEqual(GitMessage.classify("fatal: '/x.git' does not appear to be a git repository"), .notFound)
        XCTAssertEqual(GitMessage.classify(" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs"), .retry)
        XCTAssertEqual(GitMessage.classify(" ! [remote rejected] main -> main (cannot lock ref 'refs/heads/main': is at 1 but expected 2)"), .retry)
        XCTAssertEqual(GitMessage.classify(" ! [remote rejected] main -> main (pre-receive hook declined)"), .rejected)
        XCTAssertEqual(GitMessage.explain("ssh: Could not resolve hostname h: Name or service not known\r\nfatal: Could not read from remote repository.").line,
                       "ssh: Could not resolve hostname h: Name or service not known")
    }

    func testJournalPrefixes() {
        XCTAssertEqual(Journal.completeLines(Array("a\nb\npart".utf8)), Array("a\nb\n".utf8))
        XCTAssertEqual(Journal.completeLines(Array("part".utf8)), [])
        XCTAssertTrue(Journal.isPrefix(Array("a\n".utf8), of: Array("a\nb\n".utf8)))
        XCTAssertFalse(Journal.isPrefix(Array("x\n".utf8), of: Array("a\nb\n".utf8)))
        XCTAssertEqual(Journal.commonLinePrefix(Array("a\nb\nc\n".utf8), Array("a\nb\nd\n".utf8)), 4)
        XCTAssertEqual(Journal.commonLinePrefix(Array("a\nbc\n".utf8), Array("a\nbd\n".utf8)), 2)
    }
}
