import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on a private
/// server socket, driven with `send-keys` and read with `capture-pane`.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "t"

    /// Whether tmux is installed (tests skip without it).
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `command` (argv) with `env` in a `width`x`height` pane. The pane stays
    /// after the command exits so its last screen and exit status can be read.
    public init(command: [String], env: [String: String], width: Int = 100, height: Int = 30) throws {
        socket = "weft-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        let envArgs = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = "exec env -i \(envArgs) " + command.map(Self.quote).joined(separator: " ")
        _ = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", line])
        _ = try? tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    public func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", socket] + args
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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

    /// The pane's process id (the command, since it is exec'd).
    public var pid: Int32? {
        Int32(((try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The command's exit status once it has exited, else nil.
    public var exitStatus: Int32? {
        let out = ((try? tmux(["display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status}"])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard out.first == "1", out.count > 1 else { return nil }
        return Int32(out[1])
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
