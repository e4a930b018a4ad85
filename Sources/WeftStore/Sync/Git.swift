import Foundation

/// `git` run on a space's directory, as a child process.
///
/// Git never asks anything on the terminal (`GIT_TERMINAL_PROMPT=0`, SSH in
/// batch mode unless the user configured their own SSH command), speaks
/// English (`LC_ALL=C`, so failures can be told apart), and ignores `GIT_DIR`
/// and friends inherited from a hook. Commits made for the person use their
/// git identity, or `handle <handle@device>` on a machine that has none.
struct Git: Sendable {
    let root: String
    let environment: [String: String]
    /// `-c user.name=… -c user.email=…` for commits, empty when git has an identity.
    private let identity: [String]

    init(root: String, env: StoreEnvironment, handle: String, device: String) throws(SyncError) {
        var e = env.variables
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                    "GIT_QUARANTINE_PATH", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES"] {
            e[key] = nil
        }
        e["GIT_TERMINAL_PROMPT"] = "0"
        e["LC_ALL"] = "C"
        e["LANGUAGE"] = nil
        if e["PATH"] == nil { e["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        guard Subprocess.resolve("git", path: e["PATH"]) != nil else { throw .gitMissing }
        let probe = Git(root: root, environment: e, identity: [])
        func unset(_ key: String) -> Bool { (try? probe.output(["config", "--get", key]))?.isEmpty ?? true }
        var defaults: [String] = []
        if unset("user.name") { defaults += ["-c", "user.name=\(handle)"] }
        if unset("user.email") { defaults += ["-c", "user.email=\(handle)@\(device)"] }
        // SSH must fail rather than ask for a password; keep an SSH command the user chose.
        if e["GIT_SSH_COMMAND"] == nil, e["GIT_SSH"] == nil, unset("core.sshCommand") {
            e["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=20"
        }
        self.init(root: root, environment: e, identity: defaults)
    }

    private init(root: String, environment: [String: String], identity: [String]) {
        self.root = root
        self.environment = environment
        self.identity = identity
    }

    /// Runs `git -C ROOT ARGS`; commit-making commands get the identity defaults.
    func run(_ args: [String], input: [UInt8] = [], committing: Bool = false) throws(SyncError) -> Subprocess.Result {
        do {
            return try Subprocess.run(["git", "-C", root] + (committing ? identity : []) + args, environment: environment,
                                      input: input)
        } catch {
            throw .gitMissing
        }
    }

    /// Runs git and returns its output without the trailing newline; a
    /// non-zero exit is an error naming the command and git's first message line.
    @discardableResult
    func output(_ args: [String], input: [UInt8] = [], committing: Bool = false) throws(SyncError) -> String {
        let r = try run(args, input: input, committing: committing)
        guard r.status == 0 else { throw Git.failure(args, r) }
        var text = r.output
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Whether the command succeeds (for questions like "does this ref exist?").
    func succeeds(_ args: [String]) throws(SyncError) -> Bool {
        try run(args).status == 0
    }

    static func failure(_ args: [String], _ r: Subprocess.Result) -> SyncError {
        .git(command: args.first ?? "", detail: GitMessage.summary(r.errorText, fallback: "exit status \(r.status)"))
    }

    // MARK: Questions

    /// Whether the space's directory is the top of its own repository.
    var isRepository: Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/.git", isDirectory: &isDir)
    }

    /// The commit `ref` names, or nil (an unborn branch, a missing ref).
    func commit(_ ref: String) throws(SyncError) -> String? {
        let r = try run(["rev-parse", "-q", "--verify", ref + "^{commit}"])
        guard r.status == 0 else { return nil }
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func remotes() throws(SyncError) -> [String] {
        try output(["remote"]).split(separator: "\n").map(String.init)
    }

    /// The contents of blobs named `specs` (`HEAD:path`, a blob id), nil for those
    /// that do not exist, read with one `git cat-file --batch`.
    func blobs(_ specs: [String]) throws(SyncError) -> [[UInt8]?] {
        if specs.isEmpty { return [] }
        let input = Array(specs.map { $0 + "\n" }.joined().utf8)
        let r = try run(["cat-file", "--batch"], input: input)
        guard r.status == 0 else { throw Git.failure(["cat-file"], r) }
        var out: [[UInt8]?] = []
        var i = 0
        let bytes = r.stdout
        while i < bytes.count, out.count < specs.count {
            guard let nl = bytes[i...].firstIndex(of: 10) else { break }
            let header = String(decoding: bytes[i..<nl], as: UTF8.self).split(separator: " ")
            i = nl + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                out.append(nil)
                // A missing object, or a tree or commit: no contents follow for
                // "missing"; other types are skipped with their contents.
                if header.count == 3, let size = Int(header[2]) { i += size + 1 }
                continue
            }
            out.append(Array(bytes[i..<min(i + size, bytes.count)]))
            i += size + 1
        }
        while out.count < specs.count { out.append(nil) }
        return out
    }
}

/// Reading git's messages.
enum GitMessage {
    /// The most telling line of git's stderr: the first `fatal:`/`error:` line,
    /// else the first non-empty one, without the prefix.
    static func summary(_ stderr: String, fallback: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let pick = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first
        guard var line = pick else { return fallback }
        for prefix in ["fatal: ", "error: "] where line.hasPrefix(prefix) { line.removeFirst(prefix.count) }
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }

    /// What kind of failure a fetch or push met, from its stderr.
    enum Kind: Equatable {
        case authentication, network, notFound, rejected, retry, other
    }

    static func classify(_ stderr: String) -> Kind {
        explain(stderr).kind
    }

    /// The kind of failure and the line of stderr that shows it.
    static func explain(_ stderr: String) -> (kind: Kind, line: String?) {
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let table: [(Kind, [String])] = [
            (.authentication, ["permission denied", "authentication failed", "terminal prompts disabled",
                               "could not read username", "could not read password", "access denied",
                               "returned error: 401", "returned error: 403", "invalid username or password",
                               "host key verification failed"]),
            (.network, ["could not resolve host", "could not resolve hostname", "name or service not known",
                        "temporary failure in name resolution", "connection refused", "connection timed out",
                        "network is unreachable", "no route to host", "failed to connect", "connection reset",
                        "operation timed out", "connection closed by", "could not connect", "couldn't connect"]),
            (.notFound, ["does not appear to be a git repository", "repository not found", "returned error: 404",
                         "not found", "no such file or directory"]),
            // Another push won the race: either it was there when we looked
            // (non-fast-forward, "fetch first") or it landed while our push ran.
            (.retry, ["non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref", "but expected",
                      "incorrect old value"]),
            (.rejected, ["[rejected]", "[remote rejected]", "hook declined"]),
        ]
        for (kind, needles) in table {
            if let line = lines.first(where: { l in needles.contains { l.lowercased().contains($0) } }) {
                var text = line
                for prefix in ["fatal: ", "error: ", "remote: ", "! "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
                return (kind, text.count > 160 ? String(text.prefix(160)) + "…" : text)
            }
        }
        return (.other, nil)
    }
}
