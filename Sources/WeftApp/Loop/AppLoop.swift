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

    public let store: Store
    public let terminal: any Terminal
    public private(set) var state: State
    /// Whether a `.quit` effect ran.
    public private(set) var isFinished = false
    /// Effects left to run after the next frame is drawn.
    private var deferred: [Effect] = []
    /// The state last drawn, to skip frames that would not change anything.
    private var drawn: State?

    public init(store: Store, terminal: any Terminal) {
        self.store = store
        self.terminal = terminal
        state = State(
            spaceName: store.space.name, viewer: store.me, timeZone: store.viewerTimeZone(), now: store.now,
            size: terminal.size)
    }

    /// Runs until the user quits, input ends or a signal arrives. Returns the
    /// exit status (0: every way out is a clean one).
    public func run() -> Int32 {
        start()
        while !isFinished {
            handle(terminal.nextEvent(timeoutMs: Self.tickMilliseconds))
        }
        return 0
    }

    /// Loads the Boards screen and draws the first frame; the unread counts
    /// (one pass over every post) follow in a second frame. The poll first
    /// notes the index version that later polls compare with.
    public func start() {
        perform([.poll, .loadBoards, .loadInbox, .loadFollowUps, .countUnread])
        finishFrame()
    }

    /// Handles one input event and draws the result.
    public func handle(_ event: InputEvent) {
        guard !isFinished else { return }
        dispatch(.input(event))
        finishFrame()
    }

    // MARK: - Running effects

    /// Reduces `action` and everything its effects answer, depth first.
    private func dispatch(_ action: Action) {
        perform(reduce(&state, action))
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            if isFinished { return }
            if effect.isDeferred {
                if !deferred.contains(effect) {
                    deferred.append(effect)
                }
                continue
            }
            if let answer = EffectRunner(store: store, viewer: state.viewer).run(effect) {
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
                if let answer = EffectRunner(store: store, viewer: state.viewer).run(effect) {
                    dispatch(answer)
                }
            }
            draw()
        }
    }

    private func draw() {
        guard drawn != state else { return }
        terminal.draw(render(state, size: state.size), cursor: nil)
        drawn = state
    }
}
