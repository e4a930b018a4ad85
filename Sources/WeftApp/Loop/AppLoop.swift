import TerminalUI
import WeftCore
import WeftStore

/// The one place effects run: owns the store and the terminal, turns input
/// into actions, runs the effects `reduce` asks for against the store,
/// feeds their results back, and draws a frame when the state changed.
///
/// Everything runs on the caller's thread, one event at a time. While
/// waiting for input the loop wakes every `tickMilliseconds` to catch the
/// index up, so posts written by other processes appear without a keypress.
///
/// ```swift
/// let loop = AppLoop(store: store, terminal: HeadlessTerminal(width: 80, height: 24))
/// loop.start()                      // first frame
/// loop.handle(.key(.enter))         // open the selected board
/// ```
public final class AppLoop {
    /// How long to wait for input before polling the journals.
    public static let tickMilliseconds = 500
    /// How long typing in the search field must pause before the query runs.
    public static let searchPauseMilliseconds = 120

    public let store: Store
    public let terminal: any Terminal
    public private(set) var state: State
    /// Whether a `.quit` effect ran.
    public private(set) var isFinished = false
    /// Effects left to run after the next frame is drawn.
    private var deferred: [Effect] = []
    /// The state last drawn, to skip frames that would not change anything.
    private var drawn: State?
    /// Runs syncs with git in the background.
    private let syncWorker: SyncWorker
    /// A search waiting for typing to pause: its generation and when to run it.
    private var pendingSearch: (generation: Int, deadline: ContinuousClock.Instant)?

    public init(store: Store, terminal: any Terminal) {
        self.store = store
        self.terminal = terminal
        state = State(
            spaceName: store.space.name, viewer: store.me, timeZone: store.viewerTimeZone(), now: store.now,
            size: terminal.size)
        syncWorker = SyncWorker(store: store)
    }

    /// Runs until the user quits, input ends or a signal arrives. Returns the
    /// exit status (0: every way out is a clean one).
    public func run() -> Int32 {
        start()
        while !isFinished {
            var timeout = Self.tickMilliseconds
            if let pending = pendingSearch {
                let left = ContinuousClock.now.duration(to: pending.deadline)
                timeout = min(timeout, max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            }
            let event = terminal.nextEvent(timeoutMs: timeout)
            if event == .tick, runPendingSearch() { continue }
            if state.compose != nil, Self.typedCharacter(event) != nil {
                handleBurst(startingWith: event)
            } else {
                handle(event)
            }
        }
        return 0
    }

    /// Handles characters that arrived together (a paste) and draws the result.
    public func handleTyped(_ text: String) {
        guard !isFinished else { return }
        dispatch(.typed(text))
        finishFrame()
    }

    /// Characters that are already waiting (a paste, or fast typing) go to
    /// the composer as one action and one frame, so pasting a long text
    /// costs one insertion instead of one frame per character.
    private func handleBurst(startingWith first: InputEvent) {
        var text = ""
        var next: InputEvent? = first
        while let event = next, let character = Self.typedCharacter(event), text.count < 1_000_000 {
            text.append(character)
            next = terminal.nextEvent(timeoutMs: 0)
            if next == .tick { next = nil }
        }
        if !text.isEmpty, !isFinished {
            dispatch(text.count == 1 ? .input(first) : .typed(text))
        }
        if let next {
            dispatch(.input(next))
        }
        finishFrame()
    }

    private static func typedCharacter(_ event: InputEvent) -> Character? {
        switch event {
        case .key(.char(let character)): character
        case .key(.enter): "\n"
        default: nil
        }
    }

    /// Loads the Boards screen and draws the first frame; the unread counts
    /// (one pass over every post) follow in a second frame. The poll first
    /// notes the index version that later polls compare with.
    public func start() {
        perform([.poll, .loadBoards, .countUnread, .loadSyncStatus, .loadPreferences, .loadInbox, .loadFollowUps])
        if let problem = syncWorker.problem { dispatch(.failed(problem)) }
        if let warning = JournalWarning.text(store) { dispatch(.failed(warning)) }
        finishFrame()
    }

    /// Handles one input event and draws the result.
    public func handle(_ event: InputEvent) {
        guard !isFinished else { return }
        if let outcome = syncWorker.takeOutcome() {
            dispatch(.syncFinished(outcome, now: store.now))
        }
        dispatch(.input(event))
        finishFrame()
    }

    // MARK: - Running effects

    /// Reduces `action` and everything its effects answer, depth first.
    private func dispatch(_ action: Action) {
        perform(reduce(&state, action))
    }

    /// Runs the search whose pause is over, if any; true when it ran.
    @discardableResult
    public func runPendingSearch(force: Bool = false) -> Bool {
        guard let pending = pendingSearch, force || ContinuousClock.now >= pending.deadline else { return false }
        pendingSearch = nil
        dispatch(.searchPaused(generation: pending.generation))
        finishFrame()
        return true
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            if isFinished { return }
            if case .searchAfterPause(let generation) = effect {
                pendingSearch = (generation, ContinuousClock.now + .milliseconds(Self.searchPauseMilliseconds))
                continue
            }
            if effect.isDeferred {
                if !deferred.contains(effect) {
                    deferred.append(effect)
                }
                continue
            }
            if case .externalEditor(let text) = effect {
                dispatch(ExternalEditor(store: store, terminal: terminal).edit(text))
                drawn = nil
                continue
            }
            if SyncWorker.handles(effect) {
                if let answer = syncWorker.run(effect) { dispatch(answer) }
            } else if let answer = EffectRunner(store: store, viewer: state.viewer).run(effect) {
                dispatch(answer)
            } else if effect == .quit {
                isFinished = true
            }
        }
    }

    /// Draws, then runs the deferred effects and draws again if they changed
    /// anything.
    private func finishFrame() {
        guard !isFinished else { return }
        draw()
        while !deferred.isEmpty, !isFinished {
            let pending = deferred
            deferred = []
            for effect in pending {
                let answer = SyncWorker.handles(effect)
                    ? syncWorker.run(effect) : EffectRunner(store: store, viewer: state.viewer).run(effect)
                if let answer {
                    dispatch(answer)
                }
            }
            draw()
        }
    }

    private func draw() {
        guard drawn != state else { return }
        let frame = renderFrame(state, size: state.size)
        terminal.draw(frame.grid, cursor: frame.cursor ?? cursorPosition(state))
        drawn = state
    }
}
