import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and collects what it prints.
///
/// `posix_spawn` with three channels (close-on-exec socket pairs) that one
/// `poll` loop serves together: input is written while output is read, so
/// neither side can block the other however much either says. Foundation's `Process` is not used: it needs a run loop
/// thread and its exit watching has caught descriptors inherited by daemons.
///
/// ```swift
/// let r = try Subprocess.run(["git", "--version"], environment: ["PATH": "/usr/bin"])
/// r.status   // 0
/// ```
enum Subprocess {
    struct Result: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]

        var output: String { String(decoding: stdout, as: UTF8.self) }
        var errorText: String { String(decoding: stderr, as: UTF8.self) }
    }

    enum Failure: Error {
        /// The program could not be started (not installed, not executable).
        case cannotStart(String, Int32)
    }

    /// Runs `argv` (looked up on the environment's `PATH`), feeding it `input`.
    static func run(_ argv: [String], environment: [String: String], input: [UInt8] = []) throws(Failure) -> Result {
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        // Socket pairs, not pipes: `send` with MSG_NOSIGNAL reports a child that
        // stopped reading as EPIPE instead of killing this process with SIGPIPE.
        guard channel(&stdinPipe) else { throw .cannotStart(argv[0], errno) }
        // Close-on-exec: a child started by another thread at the same time must
        // not inherit these ends (it would hold our reads open until it exits).
        guard channel(&stdoutPipe) else {
            closeAll(stdinPipe)
            throw .cannotStart(argv[0], errno)
        }
        guard channel(&stderrPipe) else {
            closeAll(stdinPipe + stdoutPipe)
            throw .cannotStart(argv[0], errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stdoutPipe + stderrPipe {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc: Int32
        if let program = resolve(argv[0], path: environment["PATH"]) {
            rc = posix_spawn(&pid, program, &actions, nil, cArgs, cEnv)
        } else {
            rc = ENOENT
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard rc == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw .cannotStart(argv[0], rc)
        }
        let (out, err) = pump(input: input, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the macros do not reach Swift).
        let exited = (status & 0x7f) == 0
        return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: out, stderr: err)
    }

    /// Writes `input` and reads both outputs until the child closes them.
    private static func pump(input: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32) -> ([UInt8], [UInt8]) {
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var inputFD: Int32 = stdin
        if input.isEmpty {
            close(stdin)
            inputFD = -1
        } else {
            _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK)
        }
        var open: [Int32: Bool] = [stdout: true, stderr: true]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.values.contains(true) || inputFD >= 0 {
            var fds: [pollfd] = []
            if inputFD >= 0 { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            for (fd, isOpen) in open where isOpen { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for p in fds where p.revents != 0 {
                if p.fd == inputFD {
                    let n = input.withUnsafeBytes { raw -> Int in
                        guard let base = raw.baseAddress else { return 0 }
                        return send(inputFD, base + written, raw.count - written, Int32(MSG_NOSIGNAL))
                    }
                    if n > 0 { written += n }
                    // EPIPE (the child stopped reading) ends the input too.
                    if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                        close(inputFD)
                        inputFD = -1
                    }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { raw in read(p.fd, raw.baseAddress, raw.count) }
                if n > 0 {
                    if p.fd == stdout { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(p.fd)
                    open[p.fd] = false
                }
            }
        }
        return (out, err)
    }

    /// The program's path: `name` itself when it has a slash, else the first
    /// executable of that name on `path` (the child's `PATH`, not the parent's:
    /// `posix_spawnp` would search the parent's, and changing the process's
    /// environment is not safe while other threads run).
    static func resolve(_ name: String, path: String?) -> String? {
        if name.contains("/") { return name }
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A connected socket pair, close-on-exec from the start (no window in
    /// which another thread's child could inherit it).
    private static func channel(_ fds: inout [Int32]) -> Bool {
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0
    }

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { close(fd) }
    }
}
