/// A terminal for tests: a fixed size, scripted events, and the last frame
/// kept for inspection.
///
/// When the script runs out, `nextEvent` returns `.closed`, so an application
/// loop under test ends by itself.
///
/// ```swift
/// let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.char("j")), .key(.char("q"))])
/// runApp(on: terminal)
/// XCTAssertEqual(terminal.screen[0], "Weft")
/// ```
public final class HeadlessTerminal: Terminal {
    public private(set) var size: Size
    /// The last grid drawn.
    public private(set) var lastGrid: CellGrid?
    /// The cursor of the last frame (nil when hidden).
    public private(set) var lastCursor: Point?
    /// How many frames were drawn.
    public private(set) var frameCount = 0
    /// Whether the terminal is currently suspended.
    public private(set) var isSuspended = false
    /// Every timeout passed to `nextEvent`, in order.
    public private(set) var requestedTimeouts: [Int] = []
    private var pending: [InputEvent]

    public init(width: Int, height: Int, events: [InputEvent] = []) {
        self.size = Size(width: width, height: height)
        self.pending = events.reversed()
    }

    /// Adds events after the ones already scripted.
    public func enqueue(_ events: InputEvent...) {
        pending.insert(contentsOf: events.reversed(), at: 0)
    }

    /// Changes the size and scripts the `.resize` event a real terminal
    /// would report next.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        pending.append(.resize(width: width, height: height))
    }

    /// The last frame as text, one string per row, trailing spaces trimmed.
    public var screen: [String] {
        lastGrid?.lines() ?? []
    }

    public func draw(_ grid: CellGrid, cursor: Point?) {
        lastGrid = grid
        lastCursor = cursor
        frameCount += 1
    }

    public func nextEvent(timeoutMs: Int) -> InputEvent {
        requestedTimeouts.append(timeoutMs)
        return pending.popLast() ?? .closed
    }

    public func suspend() {
        isSuspended = true
    }

    public func resume() {
        isSuspended = false
    }
}
