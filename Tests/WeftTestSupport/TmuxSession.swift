import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on a private
/// server socket, driven with `send-keys` and read with `capture-pane`.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "t"
    private let exitFile: String
    private let configFile: String

    /// Whether tmux is installed (tests skip without it).
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `command` (argv) with `env` in a `width`x`height` pane. The pane stays
    /// after the command exits so its last screen and exit status can be read.
    public init(command: [String], env: [String: String], width: Int = 100, height: Int = 30) throws {
        socket = "weft-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        let envArgs = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        exitFile = FileManager.default.temporaryDirectory.appendingPathComponent(socket + ".exit").path
        // The shell records the exit status in a file: tmux's #{pane_dead_status} is
        // not always filled in by the time the pane is marked dead.
        let line = "env -i \(envArgs) " + command.map(Self.quote).joined(separator: " ") + "; echo $? > " + Self.quote(exitFile)
        // new-session starts the tmux server, which would inherit (and hold open) a
        // pipe for its output, so it gets /dev/null instead.
        let conf = FileManager.default.temporaryDirectory.appendingPathComponent(socket + ".conf").path
        configFile = conf
        // Panes stay after their command exits, so its last screen and status can be read.
        _ = FileManager.default.createFile(atPath: conf, contents: Data("set -g remain-on-exit on\n".utf8))
        _ = try tmux(["-f", conf, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", line],
                     readOutput: false)
    }

    deinit {
        _ = try? tmux(["kill-server"], readOutput: false)
        unlink(exitFile)
        unlink(configFile)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with `posix_spawn` and `waitpid`. Foundation's `Process` is not
    /// used: the tmux server that `new-session` starts inherits the descriptors
    /// Foundation watches for the child's exit, so `waitUntilExit` would never return.
    @discardableResult
    public func tmux(_ args: [String], readOutput: Bool = true) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(8)).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + args
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        let envp = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envp.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard readOutput else { return "" }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Types keys: tmux key names (`Enter`, `Escape`, `Up`, `C-c`) or literal text.
    public func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally.
    public func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The screen as text, one line per row.
    public func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    public func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The command's process id: the child of the pane's shell.
    public var pid: Int32? {
        guard let shell = Int32(((try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// The command's exit status once it has exited, else nil.
    public var exitStatus: Int32? {
        guard let text = try? String(contentsOfFile: exitFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The alternate-screen flag of the pane: 1 while a full-screen program owns it.
    public var alternateScreen: Bool {
        ((try? tmux(["display-message", "-p", "-t", name, "#{alternate_on}"])) ?? "").hasPrefix("1")
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    public func wait(timeout: TimeInterval = 10, until predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen()
        while Date() < deadline {
            if predicate(last) { return (true, last) }
            usleep(50_000)
            last = screen()
        }
        return (predicate(last), last)
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func wait(for text: String, timeout: TimeInterval = 10) -> (ok: Bool, screen: String) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    /// Polls until the command has exited.
    public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = exitStatus { return s }
            usleep(50_000)
        }
        return exitStatus
    }
}
