import Foundation
import XCTest
import WeftTestSupport

/// The base of the git sync tests: a bare repository standing in for the
/// team's remote, and clones of the space, each on its own "machine" (its
/// own private state and cache directories, so its own device id).
class SyncTestCase: CLITestCase {
    /// One person's clone on one machine.
    struct Clone {
        var person: String
        var machine: String
        var path: String
        var env: [String: String]
    }

    var remote: String { sandbox.root + "/remote.git" }

    var gitAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/git") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try XCTSkipUnless(gitAvailable, "git is not installed (make test installs it)")
    }

    /// The environment of `person` on `machine`. No WEFT_DEVICE: each machine
    /// makes its own device id, as in real use. HOME is the sandbox's, so no
    /// git identity is configured: weft's defaults must do.
    func machine(_ person: String, _ machine: String) -> [String: String] {
        var env = sandbox.environment(handle: person, device: machine)
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        return env
    }

    /// Runs git in `dir` (no identity of its own either).
    @discardableResult
    func git(_ args: [String], in dir: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["-C", dir, "-c", "user.name=test", "-c", "user.email=test@example.org"] + args
        var env = sandbox.environment()
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do { try p.run() } catch {
            XCTFail("cannot run git: \(error)", file: file, line: line)
            return ""
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, "git \(args.joined(separator: " ")): \(text)", file: file, line: line)
        return text
    }

    /// A bare repository, and the first clone: `weft init --git --remote`, a
    /// board, and the first sync.
    func setUpRemote(first person: String = "ann", machine name: String = "laptop", board: String = "general",
                     file: StaticString = #filePath, line: UInt = #line) -> Clone {
        try? FileManager.default.createDirectory(atPath: sandbox.root, withIntermediateDirectories: true)
        git(["init", "-q", "--bare", "--initial-branch=main", remote], in: sandbox.root, file: file, line: line)
        let clone = Clone(person: person, machine: name, path: sandbox.root + "/\(person)-\(name)", env: machine(person, name))
        let r = WeftProcess.run(["init", clone.path, "--git", "--remote", remote, "--name", "Team"], env: clone.env)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        must(clone, ["board", "create", board, "--title", "General"], file: file, line: line)
        must(clone, ["sync"], file: file, line: line)
        return clone
    }

    /// `git clone` of the remote for `person` on `machine`.
    func cloneRemote(_ person: String, machine name: String, file: StaticString = #filePath, line: UInt = #line) -> Clone {
        let clone = Clone(person: person, machine: name, path: sandbox.root + "/\(person)-\(name)", env: machine(person, name))
        git(["clone", "-q", remote, clone.path], in: sandbox.root, file: file, line: line)
        return clone
    }

    @discardableResult
    func run(_ clone: Clone, _ args: [String], env extra: [String: String] = [:]) -> WeftProcess.Result {
        var env = clone.env
        for (k, v) in extra { env[k] = v }
        return WeftProcess.run(["--space", clone.path] + args, env: env)
    }

    /// Runs weft in `clone` and fails the test unless it succeeds.
    @discardableResult
    func must(_ clone: Clone, _ args: [String], env extra: [String: String] = [:],
              file: StaticString = #filePath, line: UInt = #line) -> WeftProcess.Result {
        let r = run(clone, args, env: extra)
        XCTAssertEqual(r.status, 0, "\(clone.person)@\(clone.machine): weft \(args.joined(separator: " ")): \(r.stderr)",
                       file: file, line: line)
        return r
    }

    // MARK: Comparing clones

    /// Everything the clone shows, as JSON, read by a neutral observer with
    /// private state of its own (so unread flags are the same everywhere):
    /// boards, each board's threads, each thread with its comments, status
    /// updates and members (without the clock-dependent fields).
    func listing(_ clone: Clone, file: StaticString = #filePath, line: UInt = #line) -> String {
        var observer = sandbox.environment(handle: "zed", device: "observer-" + URL(fileURLWithPath: clone.path).lastPathComponent)
        observer["GIT_CONFIG_NOSYSTEM"] = "1"
        func json(_ args: [String]) -> Any? {
            let r = WeftProcess.run(["--space", clone.path] + args + ["--json"], env: observer)
            XCTAssertEqual(r.status, 0, "weft \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
            return WeftProcess.json(r)
        }
        var parts: [String: Any] = [:]
        let boards = json(["board", "list"]) as? [[String: Any]] ?? []
        parts["boards"] = boards
        for b in boards {
            guard let slug = b["slug"] as? String else { continue }
            let threads = json(["thread", "list", "--board", slug, "--limit", "1000"]) as? [[String: Any]] ?? []
            parts["threads/" + slug] = threads
            for t in threads {
                guard let id = t["id"] as? String else { continue }
                parts["thread/" + id] = json(["thread", "show", id, "--keep-unread"])
            }
        }
        parts["status"] = json(["status", "list", "--since", "2000-01-01", "--limit", "10000"])
        parts["members"] = (json(["member", "list"]) as? [[String: Any]] ?? []).map { m in
            m.filter { $0.key != "localTime" && $0.key != "inWorkingHours" }
        }
        let data = (try? JSONSerialization.data(withJSONObject: parts, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every journal line of a clone: event id → how many times it occurs.
    func eventCounts(_ clone: Clone) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (path, data) in snapshot(clone.path) where path.hasSuffix(".jsonl") && !path.hasPrefix(".git") {
            for line in data.split(separator: 10) {
                if let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let id = o["id"] as? String {
                    counts[id, default: 0] += 1
                }
            }
        }
        return counts
    }

    /// The journal files of a clone (relative paths), without .git.
    func journalFiles(_ clone: Clone) -> [String] {
        snapshot(clone.path).keys.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".git") }.sorted()
    }

    /// The device id weft made for the clone's machine.
    func deviceID(_ clone: Clone) -> String? {
        let spaceJSON = FileManager.default.contents(atPath: clone.path + "/weft.json") ?? Data()
        guard let id = (try? JSONSerialization.jsonObject(with: spaceJSON) as? [String: Any])?["id"] as? String,
              let state = clone.env["XDG_STATE_HOME"],
              let data = FileManager.default.contents(atPath: state + "/weft/" + id + "/device") else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends a `followup.requested` line to the clone's own board journal,
    /// the way a follow-up command writes it (the CLI for follow-ups is
    /// another issue's). Returns the event's id.
    func appendFollowUp(_ clone: Clone, board: String, target: String, assignee: String, n: Int) -> String {
        let ms = Int64(Date().timeIntervalSince1970 * 1000)
        let id = uuidv7(milliseconds: ms, tail: String(format: "%x%04x", abs(clone.path.hashValue) % 0xfff, n))
        let at = ISO8601DateFormatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000), timeZone: TimeZone(identifier: "UTC")!,
                                             formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        let due = ISO8601DateFormatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000 + 86_400),
                                              timeZone: TimeZone(identifier: "UTC")!,
                                              formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        let line = #"{"v":1,"id":"\#(id)","at":"\#(at)","type":"followup.requested","assignee":"\#(assignee)","due":"\#(due)","target":"\#(target)"}"# + "\n"
        let dir = clone.path + "/boards/\(board)/journal"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/\(clone.person)@\(deviceID(clone) ?? "unknown").jsonl"
        if let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile()
            h.write(Data(line.utf8))
            try? h.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
        return id
    }
}
