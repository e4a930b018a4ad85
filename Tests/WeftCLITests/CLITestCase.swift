import Foundation
import XCTest
import WeftTestSupport

/// The base of the end-to-end CLI tests: every test gets its own sandbox (XDG
/// directories, a space path) and runs the real `weft` binary as a process.
class CLITestCase: XCTestCase {
    var sandbox: Sandbox!

    override func setUp() {
        super.setUp()
        sandbox = Sandbox(handle: "ann")
    }

    override func tearDown() {
        sandbox = nil
        super.tearDown()
    }

    var space: String { sandbox.space }

    // MARK: Running weft

    /// Runs `weft ARGS` as `handle` with no space chosen (default space, WEFT_SPACE or config).
    @discardableResult
    func weftBare(_ args: [String], as handle: String = "ann", stdin: String? = nil,
                  env extra: [String: String] = [:]) -> WeftProcess.Result {
        var env = sandbox.environment(handle: handle)
        for (k, v) in extra { env[k] = v }
        return WeftProcess.run(args, env: env, stdin: stdin)
    }

    /// Runs `weft --space SPACE ARGS` as `handle`.
    @discardableResult
    func weft(_ args: String..., as handle: String = "ann", stdin: String? = nil,
              env extra: [String: String] = [:]) -> WeftProcess.Result {
        weftBare(["--space", space] + args, as: handle, stdin: stdin, env: extra)
    }

    /// Runs `weft --space SPACE ARGS` and fails the test unless it succeeds.
    @discardableResult
    func ok(_ args: String..., as handle: String = "ann", stdin: String? = nil,
            env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WeftProcess.Result {
        let r = weftBare(["--space", space] + args, as: handle, stdin: stdin, env: extra)
        XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r
    }

    /// `weft init SPACE --name Team`.
    func makeSpace(name: String = "Team", file: StaticString = #filePath, line: UInt = #line) {
        let r = weftBare(["init", space, "--name", name])
        XCTAssertEqual(r.status, 0, "init failed: \(r.stderr)", file: file, line: line)
    }

    /// A space with one board (`general` unless told otherwise).
    func makeSpaceWithBoard(_ slug: String = "general", file: StaticString = #filePath, line: UInt = #line) {
        makeSpace(file: file, line: line)
        ok("board", "create", slug, "--title", "General", file: file, line: line)
    }

    /// Starts a thread and returns its id.
    func newThread(board: String = "general", title: String, body: String = "Body text.", as handle: String = "ann",
                   file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = weft("thread", "new", "--board", board, "--title", title, "--body", body, as: handle)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(isUUID(r.trimmed), "thread new printed \(r.stdout)", file: file, line: line)
        return r.trimmed
    }

    /// Comments on a thread and returns the comment's id.
    func newComment(_ thread: String, body: String, extra: [String] = [], as handle: String = "ann",
                    file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = weftBare(["--space", space, "comment", thread, "--body", body] + extra, as: handle)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(isUUID(r.trimmed), "comment printed \(r.stdout)", file: file, line: line)
        return r.trimmed
    }

    // MARK: JSON

    func object(_ r: WeftProcess.Result, file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        guard let o = WeftProcess.json(r) as? [String: Any] else {
            XCTFail("not a JSON object: \(r.stdout) \(r.stderr)", file: file, line: line)
            return [:]
        }
        return o
    }

    func array(_ r: WeftProcess.Result, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        guard let a = WeftProcess.json(r) as? [[String: Any]] else {
            XCTFail("not a JSON array of objects: \(r.stdout) \(r.stderr)", file: file, line: line)
            return []
        }
        return a
    }

    /// The thread with its comments: `weft thread show ID --json`.
    func threadJSON(_ id: String, as handle: String = "ann", file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        object(ok("thread", "show", id, "--json", as: handle, file: file, line: line), file: file, line: line)
    }

    // MARK: Errors and the files of the space

    /// Every file under `root` with its bytes, keyed by relative path (directories
    /// end in `/`), so two snapshots compare byte for byte.
    func snapshot(_ root: String? = nil) -> [String: Data] {
        let root = root ?? space
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = walker.nextObject() as? String {
            let path = root + "/" + rel
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            if isDir.boolValue {
                out[rel + "/"] = Data()
            } else {
                out[rel] = FileManager.default.contents(atPath: path) ?? Data("<unreadable>".utf8)
            }
        }
        return out
    }

    /// Runs a command that must fail: exit status 1, exactly one line on stderr
    /// (`weft: …`) that contains every one of `mentioning` (case-insensitive),
    /// nothing on stdout, and no file of the space created, changed or removed.
    @discardableResult
    func assertFails(_ args: [String], mentioning words: [String], as handle: String = "ann", stdin: String? = nil,
                     env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WeftProcess.Result {
        let before = snapshot()
        XCTAssertFalse(before.isEmpty, "the space is missing", file: file, line: line)
        let r = weftBare(["--space", space] + args, as: handle, stdin: stdin, env: extra)
        let shown = "weft \(args.joined(separator: " ").prefix(200)) → \(r.status)\nstdout: \(r.stdout.prefix(500))\nstderr: \(r.stderr.prefix(500))"
        assertOneLineError(r, mentioning: words, context: shown, file: file, line: line)
        let after = snapshot()
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files appeared or vanished: \(shown)", file: file, line: line)
        for (path, data) in before where after[path] != data {
            XCTFail("\(path) changed: \(shown)", file: file, line: line)
        }
        return r
    }

    func assertOneLineError(_ r: WeftProcess.Result, mentioning words: [String], context: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        assertOneLineError(Output(status: r.status, stdout: r.stdout, stderr: r.stderr), mentioning: words,
                           context: context, file: file, line: line)
    }

    /// What a process printed and how it ended (for processes not started by WeftProcess).
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func assertOneLineError(_ r: Output, mentioning words: [String], context: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, "exit status: \(context)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", "stdout must stay empty: \(context)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasSuffix("\n"), "stderr must end with a newline: \(context)", file: file, line: line)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 1, "exactly one line on stderr: \(context)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("weft: "), "stderr starts with 'weft: ': \(context)", file: file, line: line)
        for w in words {
            XCTAssertTrue(r.stderr.lowercased().contains(w.lowercased()), "stderr should mention '\(w)': \(context)",
                          file: file, line: line)
        }
    }

    // MARK: Raw journal lines

    /// Every line of every journal file in the space, parsed.
    func journalEvents() -> [[String: Any]] {
        var out: [[String: Any]] = []
        for (path, data) in snapshot() where path.hasSuffix(".jsonl") {
            for line in data.split(separator: 10) {
                if let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { out.append(o) }
            }
        }
        return out
    }

    func journalEvent(id: String) -> [String: Any]? {
        journalEvents().first { $0["id"] as? String == id }
    }
}

/// A lowercase canonical UUID of version 7 (as weft makes ids).
func isUUID(_ s: String) -> Bool {
    let b = Array(s.utf8)
    guard b.count == 36 else { return false }
    for (i, c) in b.enumerated() {
        if [8, 13, 18, 23].contains(i) {
            if c != UInt8(ascii: "-") { return false }
        } else if !((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) {
            return false
        }
    }
    return b[14] == UInt8(ascii: "7")
}

/// A UUIDv7 text for `milliseconds` since 1970, with `tail` (hex) as its last digits.
func uuidv7(milliseconds: Int64, tail: String = "1") -> String {
    let time = String(milliseconds, radix: 16).leftPad(12)
    let rest = ("7000" + "8000" + String(repeating: "0", count: 12 - tail.count) + tail)
    let hex = time + rest
    let a = Array(hex)
    return String(a[0..<8]) + "-" + String(a[8..<12]) + "-" + String(a[12..<16]) + "-" + String(a[16..<20]) + "-" + String(a[20..<32])
}

/// Milliseconds since 1970 of a UTC ISO-8601 time (with or without milliseconds); nil when unreadable.
func milliseconds(_ iso: String) -> Int64? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let d = f.date(from: iso) { return Int64((d.timeIntervalSince1970 * 1000).rounded()) }
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: iso).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
}

/// `yyyy-MM-dd HH:mm` of an ISO time in a time zone, as weft's tables show it.
func wallClock(_ iso: String, in zone: String) -> String {
    let d = Date(timeIntervalSince1970: Double(milliseconds(iso) ?? 0) / 1000)
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: zone)
    f.dateFormat = "yyyy-MM-dd HH:mm"
    return f.string(from: d)
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
