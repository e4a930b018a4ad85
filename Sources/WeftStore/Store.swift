import Foundation
import WeftCore

/// A person's open space: where it is, who is writing, its index, and the one
/// way to write an event (``append(_:board:)``).
public final class Store: Sendable {
    public let space: Space
    public let index: Index
    public let me: Handle
    public let device: DeviceID
    public let env: StoreEnvironment
    public let privateState: PrivateState
    let clock: any Clock

    /// How the space path was chosen.
    public enum SpaceChoice: Sendable, Equatable {
        case flag, environment, config, defaultSpace
    }

    /// `--space` beats `WEFT_SPACE`, which beats `space` in config.toml, which beats the default space.
    public static func spacePath(flag: String?, env: StoreEnvironment, config: ConfigFile) -> (String, SpaceChoice) {
        if let f = flag, !f.isEmpty { return (f, .flag) }
        if let e = env["WEFT_SPACE"] { return (e, .environment) }
        if let c = config.values["space"], !c.isEmpty { return (c, .config) }
        return (env.defaultSpacePath, .defaultSpace)
    }

    /// Opens the chosen space, creating the default space (with its welcome board)
    /// on first use, and catches the index up.
    public static func open(spaceFlag: String?, env: StoreEnvironment = StoreEnvironment(),
                            clock: any Clock = SystemClock(), catchUp: Bool = true) throws(StoreError) -> Store {
        let config = try ConfigFile.load(env)
        let me = try Identity.handle(env: env, config: config)
        let (path, choice) = spacePath(flag: spaceFlag, env: env, config: config)
        let space: Space
        var fresh = false
        do {
            space = try Space.open(at: path)
        } catch .noSpace(let p) where choice == .defaultSpace {
            space = try Space.create(at: p, name: "default", id: newSpaceID(clock), now: clock.now(), creator: me)
            fresh = true
        }
        let store = try Store(space: space, me: me, env: env, clock: clock, catchUp: catchUp || fresh)
        if fresh { try Welcome.write(into: store) }
        return store
    }

    public init(space: Space, me: Handle, env: StoreEnvironment, clock: any Clock, catchUp: Bool = true) throws(StoreError) {
        self.space = space
        self.me = me
        self.env = env
        self.clock = clock
        privateState = PrivateState(env: env, spaceID: space.id)
        device = try privateState.deviceID(env: env)
        if let group = space.manifest.group { try Self.checkSharedIdentity(me, group: group) }
        index = try Index(space: space, path: env.cacheHome + "/weft/" + space.id + "/index.sqlite",
                          statePath: privateState.databasePath, viewer: me)
        if catchUp { try index.catchUp() }
    }

    static func newSpaceID(_ clock: any Clock) -> String {
        var rng = SystemRandomNumberGenerator()
        return EventID.make(at: clock.now(), random: &rng).rawValue
    }

    public var now: Timestamp { clock.now() }

    public var journalName: JournalName { JournalName(handle: me, device: device) }

    /// The viewer's time zone: their profile's, else `TZ`, else the system's.
    public func viewerTimeZone() -> TimeZone {
        if let tz = try? index.member(me)?.timeZone, let z = TimeZone(identifier: tz) { return z }
        return Self.environmentTimeZone(env)
    }

    public static func environmentTimeZone(_ env: StoreEnvironment) -> TimeZone {
        if let tz = env["TZ"], let z = TimeZone(identifier: tz.hasPrefix(":") ? String(tz.dropFirst()) : tz) { return z }
        return TimeZone.current
    }

    /// Writes one event to this person's journal (of `board`, or the space journal),
    /// then catches the index up. Returns once the line is on disk (fsync'd).
    @discardableResult
    public func append(_ payload: Payload, board: BoardSlug?) throws(StoreError) -> Event {
        if let board, try index.board(board) == nil, !isCreation(payload) { throw .unknownBoard(board.rawValue) }
        if try !index.hasProfile(me), !isProfile(payload) {
            // An empty profile: a time zone is recorded only when the person sets one
            // (`weft profile set --tz`), so their TZ keeps working until they do.
            _ = try write(.memberProfile(MemberProfile()), board: nil)
        }
        let event = try write(payload, board: board)
        try index.catchUp()
        return event
    }

    private func isCreation(_ p: Payload) -> Bool { if case .boardCreated = p { true } else { false } }
    private func isProfile(_ p: Payload) -> Bool { if case .memberProfile = p { true } else { false } }

    private func write(_ payload: Payload, board: BoardSlug?) throws(StoreError) -> Event {
        var rng = SystemRandomNumberGenerator()
        // Never before what it changes, even from a device whose clock is behind.
        let at = Event.stamp(now: clock.now(), after: payload)
        let event = Event(id: EventID.make(at: at, random: &rng), at: at, author: me, payload: payload)
        let dir = board.map(space.boardJournalDirectory) ?? space.spaceJournalDirectory
        try space.prepareJournalDirectory(dir, board: board, visibility: newBoardVisibility(payload))
        let (mode, exact) = space.journalMode
        try JournalFile.append([EventCodec.encode(event)], to: space.journalPath(journalName, board: board),
                               mode: mode, exactMode: exact)
        return event
    }

    /// Creates a board: its directory and its `board.created` event.
    @discardableResult
    public func createBoard(_ slug: BoardSlug, title: String, purpose: String?, visibility: Visibility = .public) throws(StoreError) -> Event {
        try createBoard(slug, title: title, purpose: purpose, visibility: visibility, members: [])
    }

    /// The board an existing board slug names, or a clear error.
    public func existingBoard(_ text: String) throws(StoreError) -> Board {
        let slug: BoardSlug
        do { slug = try BoardSlug(text) } catch { throw .unknownBoard(Inert.line(text)) }
        guard let b = try index.board(slug) else { throw .unknownBoard(slug.rawValue) }
        return b
    }
}
