import Foundation
import WeftCore

/// A space synced through git: each person keeps a clone and exchanges new
/// journal lines through any remote (a bare repository over SSH, a hosted one).
///
/// Every journal has one writer (a person on one device), so a merge never
/// meets one file changed on two sides: git's merges are conflict-free by
/// construction. `SpaceSync` keeps it that way: it commits only this
/// person's own journals on this device, checks that what arrives only
/// appends to what was there, merges (fast-forward or a merge commit, never a
/// rebase) and pushes, retrying when someone else pushed first.
///
/// ```swift
/// let sync = try SpaceSync(store: store)
/// let report = try sync.sync(remote: nil)   // commit, fetch, merge, push
/// try store.index.catchUp()
/// ```
public struct SpaceSync: Sendable {
    public let space: Space
    public let me: JournalName
    let git: Git
    let privateState: PrivateState
    /// The index this machine keeps for the space, held while git replaces journals.
    let index: Index?

    /// How many times a push is tried when others keep pushing first.
    public static let pushAttempts = 5

    public init(space: Space, me: JournalName, env: StoreEnvironment, index: Index? = nil) throws(SyncError) {
        self.space = space
        self.me = me
        self.index = index
        git = try Git(root: space.root, env: env, handle: me.handle.rawValue, device: me.device.rawValue)
        privateState = PrivateState(env: env, spaceID: space.id)
    }

    public init(store: Store) throws(SyncError) {
        try self.init(space: store.space, me: store.journalName, env: store.env, index: store.index)
    }

    /// Runs `body` (a merge, a checkout) while holding the index's write lock.
    ///
    /// Git replaces a file by removing it and writing a new one; a catch-up
    /// that read a journal in between would see it shrink and take it for a
    /// rewrite. Catch-ups in every process wait for the lock instead (SQLite's
    /// busy timeout), then see the journals whole.
    @discardableResult
    func holdingIndex<T>(_ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        guard let index else { return try body() }
        var result: Result<T, SyncError>?
        do {
            try index.write { _ in
                do throws(SyncError) { result = .success(try body()) } catch { result = .failure(error) }
            }
        } catch {
            throw .store(error)
        }
        guard let result else { throw .store(.index("the index lock was not taken")) }
        return try result.get()
    }

    /// Whether the space is the top of its own git repository.
    public var isEnabled: Bool { git.isRepository }

    /// The text of `.gitignore`: only the manifest and the journals are
    /// shared; anything else in the space stays on this machine.
    public static let gitignore = """
        # Weft shares weft.json and the journals (*.jsonl); anything else in this
        # directory is local to one machine. The index and your private state
        # live outside the space ($XDG_CACHE_HOME, $XDG_STATE_HOME).
        /*
        !/.gitignore
        !/.gitattributes
        !/weft.json
        !/journal/
        !/boards/
        /journal/*
        !/journal/*.jsonl
        /boards/*/*
        !/boards/*/journal/
        /boards/*/journal/*
        !/boards/*/journal/*.jsonl

        """

    /// The text of `.gitattributes`: journals are bytes, never converted
    /// (a line-ending conversion would rewrite every line) nor merged by lines.
    public static let gitattributes = """
        # Weft journals are appended byte for byte; git must not convert their line endings.
        *.jsonl -text
        weft.json -text

        """

    // MARK: Setting up

    /// What `enable` did.
    public struct Setup: Sendable, Equatable {
        public var createdRepository: Bool
        public var addedRemote: String?
        public var committedFiles: Int
    }

    /// Makes the space a git repository (branch `main`) with a `.gitignore`,
    /// commits the manifest and every journal present, and adds `remoteURL`
    /// as `remoteName` when given. On a space that already is a repository it
    /// only adds what is missing.
    @discardableResult
    public func enable(remoteURL: String?, remoteName: String = "origin") throws(SyncError) -> Setup {
        var setup = Setup(createdRepository: false, addedRemote: nil, committedFiles: 0)
        if !git.isRepository {
            // A space inside another repository's directory (a home directory
            // kept in git, say) gets a repository of its own, nested in it.
            try git.output(["init", "-q", "--initial-branch=main"])
            setup.createdRepository = true
        }
        for (name, text) in [(".gitignore", Self.gitignore), (".gitattributes", Self.gitattributes)] {
            let path = space.root + "/" + name
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                    throw .store(.notWritable(space.root))
                }
            }
        }
        if let remoteURL {
            let known = try git.remotes()
            if known.contains(remoteName) {
                let url = try git.output(["remote", "get-url", remoteName])
                if url != remoteURL { throw .remoteExists(remoteName, url: url) }
            } else {
                try git.output(["remote", "add", remoteName, remoteURL])
                setup.addedRemote = remoteName
            }
        }
        // Everything already in the space: the manifest, the ignore file and
        // every complete journal line (nobody else has a copy yet).
        var paths = [".gitattributes", ".gitignore", "weft.json"]
        paths += space.journals().found.map(\.relativePath)
        setup.committedFiles = try stage(paths, committedIn: "HEAD")
        if setup.committedFiles > 0 {
            try commit("weft: sync \(space.name) with git")
        }
        return setup
    }

    // MARK: Own journals

    /// This person's journals on this device (one per board they wrote in, and
    /// the space journal), as paths relative to the space.
    public func ownJournals() -> [String] {
        space.journals().found.filter { $0.name == me }.map(\.relativePath)
    }

    /// Stages the complete lines of `paths` whose contents differ from `ref`.
    /// A journal's committed version must be a prefix of what is staged: a
    /// journal is only ever appended to. Returns how many files were staged.
    func stage(_ paths: [String], committedIn ref: String) throws(SyncError) -> Int {
        let hasRef = try git.commit(ref) != nil
        let committed = hasRef ? try git.blobs(paths.map { ref + ":" + $0 }) : paths.map { _ in nil }
        var staged = 0
        for (path, old) in zip(paths, committed) {
            let content: [UInt8]
            if path.hasSuffix(".jsonl") {
                content = Journal.completeLines(try read(path))
                if let old, !Journal.isPrefix(old, of: content) { throw .rewrittenOwnJournal(path: path) }
            } else {
                content = try read(path)
            }
            if let old, old == content { continue }
            if old == nil && content.isEmpty && path.hasSuffix(".jsonl") { continue }
            let blob = try git.output(["hash-object", "-w", "--stdin"], input: content)
            try git.output(["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"])
            staged += 1
        }
        return staged
    }

    func read(_ relativePath: String) throws(SyncError) -> [UInt8] {
        do { return try JournalFile.read(space.root + "/" + relativePath, from: 0) } catch { throw .store(error) }
    }

    func commit(_ message: String) throws(SyncError) {
        // Mechanical commits: no hooks that could refuse them, no signing
        // prompt (that would take over the terminal under the UI).
        try git.output(["commit", "-q", "--no-verify", "--no-gpg-sign", "-m", message], committing: true)
    }
}

/// Byte-level facts about journal contents.
enum Journal {
    /// `bytes` up to and including its last newline: only complete lines are
    /// shared (a line being written right now, or torn, is left for later).
    static func completeLines(_ bytes: [UInt8]) -> [UInt8] {
        guard let last = bytes.lastIndex(of: 10) else { return [] }
        return Array(bytes[...last])
    }

    static func isPrefix(_ a: [UInt8], of b: [UInt8]) -> Bool {
        a.count <= b.count && b[..<a.count].elementsEqual(a)
    }

    static func lineCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
    }
}
