import Foundation
import XCTest
import WeftTestSupport

/// Real Unix users and a group for the shared-host tests: made in setUp with unique
/// names, removed in tearDown. Needs root (CI runs as root) and the tools from the
/// Makefile's TEST_PACKAGES (acl) and util-linux (runuser).
class SharedHostTestCase: XCTestCase {
    var group = ""
    /// Handles (= login names): ann is the space's admin, bob a member, eve an outsider in the group.
    var ann = "", bob = "", eve = ""
    var dir = ""
    var space: String { dir + "/space" }
    private var users: [String] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard getuid() == 0 else {
            throw XCTSkip("shared-host tests create Unix users and need root (CI runs as root); run the suite as root to include them")
        }
        for tool in ["/usr/sbin/runuser", "/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/bin/setfacl"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("shared-host tests need \(tool) (packages util-linux, passwd, acl: make test-deps)")
        }
        let tag = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
        group = "wft\(tag)"
        try sh("/usr/sbin/groupadd", group)
        ann = "wft\(tag)a"
        bob = "wft\(tag)b"
        eve = "wft\(tag)e"
        for u in [ann, bob, eve] {
            try sh("/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", u)
            users.append(u)
        }
        dir = "/tmp/weft-shared-\(tag)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        for u in [ann, bob, eve] {
            try FileManager.default.createDirectory(atPath: home(u), withIntermediateDirectories: true)
            try sh("/bin/chown", u, home(u))
            chmod(home(u), 0o700)
        }
        try FileManager.default.createDirectory(atPath: space, withIntermediateDirectories: true)
        try sh("/bin/chown", ann, space)
    }

    override func tearDown() {
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
        for u in users { _ = try? sh("/usr/sbin/userdel", u) }
        if !group.isEmpty { _ = try? sh("/usr/sbin/groupdel", group) }
        users = []
        super.tearDown()
    }

    func home(_ user: String) -> String { dir + "/home-" + user }

    /// Runs `weft --space SPACE ARGS` as the Unix user `user`, with their own XDG directories.
    @discardableResult
    func weft(_ user: String, _ args: String..., device: String = "laptop") -> WeftProcess.Result {
        as_(user, [WeftProcess.executable, "--space", space] + args, device: device)
    }

    /// Runs `weft ARGS` as `user` and fails the test unless it succeeds.
    @discardableResult
    func ok(_ user: String, _ args: String..., file: StaticString = #filePath, line: UInt = #line) -> WeftProcess.Result {
        let r = as_(user, [WeftProcess.executable, "--space", space] + args, device: "laptop")
        XCTAssertEqual(r.status, 0, "\(user): weft \(args.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r
    }

    /// Runs a shell command as `user`.
    @discardableResult
    func shell(_ user: String, _ script: String) -> WeftProcess.Result {
        as_(user, ["/bin/sh", "-c", script], device: "laptop")
    }

    func as_(_ user: String, _ command: [String], device: String) -> WeftProcess.Result {
        let h = home(user)
        let env = ["HOME=\(h)", "XDG_DATA_HOME=\(h)/data", "XDG_CONFIG_HOME=\(h)/config", "XDG_STATE_HOME=\(h)/state",
                   "XDG_CACHE_HOME=\(h)/cache", "TZ=UTC", "WEFT_DEVICE=\(device)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
        return Self.exec("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i"] + env + command)
    }

    @discardableResult
    func sh(_ tool: String, _ args: String...) throws -> WeftProcess.Result {
        let r = Self.exec(tool, args)
        if r.status != 0 { throw NSError(domain: "SharedHost", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: "\(tool) \(args): \(r.stderr)"]) }
        return r
    }

    static func exec(_ tool: String, _ args: [String]) -> WeftProcess.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return WeftProcess.Result(status: -1, stdout: "", stderr: "\(error)") }
        let group = DispatchGroup()
        nonisolated(unsafe) var o = Data(), e = Data()
        group.enter()
        DispatchQueue.global().async { o = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        p.waitUntilExit()
        return WeftProcess.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                  stderr: String(decoding: e, as: UTF8.self))
    }

    /// A shared space made by ann, with a public board `general` and a private board
    /// `secret` (ann and bob) holding one thread.
    @discardableResult
    func makeSharedSpace(file: StaticString = #filePath, line: UInt = #line) -> String {
        ok(ann, "init", space, "--shared", group, file: file, line: line)
        ok(ann, "board", "create", "general", file: file, line: line)
        ok(ann, "board", "create", "secret", "--private", "--members", bob, file: file, line: line)
        return ok(ann, "thread", "new", "--board", "secret", "--title", "Acquisition of zebracorp", "--body", "Strictly between us.",
                  file: file, line: line).trimmed
    }
}
