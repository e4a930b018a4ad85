import CNcurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, driven through ncursesw. The only file in the project
/// that imports CNcurses.
///
/// Creating it takes over the terminal: UTF-8 locale, raw mode (Ctrl-C
/// arrives as `.ctrl("c")`), no echo, keypad and mouse decoding, a 25 ms
/// Escape delay and a hidden cursor. `stop()` (also run on deinit) gives the
/// terminal back and is safe to call more than once. SIGINT, SIGTERM and
/// SIGHUP sent from outside are reported as `.terminate` so the loop can stop
/// cleanly, and a process that calls `exit()` while the terminal is taken
/// over still gets it restored.
///
/// Keep one instance, owned by the main loop; it is deliberately not
/// `Sendable`. Pass it values only: grids in, events out.
///
/// ```swift
/// let terminal = try NcursesTerminal()
/// defer { terminal.stop() }
/// loop: while true {
///     terminal.draw(render(state, terminal.size), cursor: state.cursor)
///     switch terminal.nextEvent(timeoutMs: 1000) {
///     case .closed, .terminate: break loop
///     case .tick: state.refreshFromDisk()
///     case let event: state.handle(event)
///     }
/// }
/// ```
public final class NcursesTerminal: Terminal {
    /// Colors or attributes only, decided at start (NO_COLOR, `has_colors`).
    public let colorMode: ColorMode
    /// How roles map to colors; changing it repaints everything.
    public var palette: Palette {
        didSet {
            resolvedStyles.removeAll()
            shown = nil
        }
    }

    /// Whether some instance has the terminal in curses mode; read by the
    /// exit hook. Static because an `atexit` handler cannot capture context.
    private static let inCursesMode = Atomic<Bool>(false)

    /// Restores the terminal when the process exits without `stop()` (for
    /// example through `exit()` from a command-line parser). Registered once.
    private static let exitHook: Void = {
        atexit {
            if NcursesTerminal.inCursesMode.exchange(false, ordering: .sequentiallyConsistent) {
                NcursesTerminal.setBracketedPaste(false)
                endwin()
            }
        }
    }()

    private let screen: OpaquePointer
    private let signals: SignalLatch
    private let keys: KeyDecoder
    private let mice: MouseDecoder
    private let hasDefaultColors: Bool
    /// The grid currently on screen, to send only the cells that changed.
    /// nil forces a full repaint.
    private var shown: CellGrid?
    private var resolvedStyles: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var colorPairs: [Appearance: Int16] = [:]
    private var isStopped = false
    private var isSuspended = false

    /// Takes over the terminal on standard output, reading keys from
    /// standard input.
    ///
    /// - Parameters:
    ///   - palette: the colors for each role.
    ///   - colorMode: force a mode; by default monochrome when `NO_COLOR` is
    ///     set to a non-empty value or the terminal has no colors.
    ///   - mouse: report clicks and the wheel (this takes text selection from
    ///     the terminal; users hold Shift to select).
    /// - Throws: `TerminalError.notATerminal` when standard output is not a
    ///   terminal, `.unknownTerminal` when ncurses does not know `TERM`.
    public init(
        palette: Palette = .standard, colorMode: ColorMode? = nil, mouse: Bool = true
    ) throws(TerminalError) {
        NcursesTerminal.useUTF8Locale()
        guard isatty(1) == 1 else {
            throw TerminalError.notATerminal
        }
        guard let screen = newterm(nil, weft_stdout(), weft_stdin()) else {
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.unknownTerminal(name)
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(weft_stdscr(), true)
        set_escdelay(25)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let mode = colorMode ?? ColorMode.detect(noColor: noColor, terminalHasColors: has_colors())
        var defaults = false
        if mode == .color {
            start_color()
            defaults = use_default_colors() == OK
        }
        self.colorMode = mode
        self.hasDefaultColors = defaults
        self.palette = palette

        if mouse {
            let wanted =
                weft_button1_pressed() | weft_button1_clicked() | weft_button4_pressed() | weft_button5_pressed()
            mousemask(wanted, nil)
            mouseinterval(0)
        }
        self.keys = KeyDecoder(
            codes: CursesKeyCodes(
                down: Int(KEY_DOWN), up: Int(KEY_UP), left: Int(KEY_LEFT), right: Int(KEY_RIGHT),
                home: Int(KEY_HOME), backspace: Int(KEY_BACKSPACE), f0: Int(KEY_F0),
                delete: Int(KEY_DC), insert: Int(KEY_IC), pageDown: Int(KEY_NPAGE), pageUp: Int(KEY_PPAGE),
                enter: Int(KEY_ENTER), backTab: Int(KEY_BTAB), end: Int(KEY_END),
                mouse: Int(KEY_MOUSE), resize: Int(KEY_RESIZE)))
        self.mice = MouseDecoder(
            masks: MouseDecoder.Masks(
                button1Pressed: UInt(weft_button1_pressed()), button1Clicked: UInt(weft_button1_clicked()),
                button4Pressed: UInt(weft_button4_pressed()), button5Pressed: UInt(weft_button5_pressed())))
        self.signals = SignalLatch()
        NcursesTerminal.exitHook
        NcursesTerminal.inCursesMode.store(true, ordering: .sequentiallyConsistent)
    }

    deinit {
        stop()
    }

    /// Sets a UTF-8 character type. Without `LANG` (CI, bare tmux) the
    /// environment's locale is "C", in which ncursesw garbles every
    /// non-ASCII character; C.UTF-8 is built into glibc.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if weft_locale_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    // MARK: - Terminal

    public var size: Size {
        var height: Int32 = 0
        var width: Int32 = 0
        weft_getmaxyx(weft_stdscr(), &height, &width)
        return Size(width: Int(width), height: Int(height))
    }

    public func draw(_ grid: CellGrid, cursor: Point?) {
        guard !isStopped, !isSuspended else { return }
        let window = weft_stdscr()
        let screenSize = size
        var previous = shown
        if previous?.size != grid.size {
            previous = nil
            werase(window)
        }
        let rows = min(grid.height, screenSize.height)
        let columns = min(grid.width, screenSize.width)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = grid[x, y]
                if cell.isContinuation || previous?[x, y] == cell {
                    continue
                }
                drawCell(cell, x: x, y: y, columnsLeft: columns - x)
            }
        }
        shown = grid
        if let cursor, cursor.x >= 0, cursor.x < screenSize.width, cursor.y >= 0, cursor.y < screenSize.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wrefresh(window)
        NcursesTerminal.definePasteKeys()
        NcursesTerminal.setBracketedPaste(true)
    }

    public func nextEvent(timeoutMs: Int) -> InputEvent {
        guard !isStopped else { return .closed }
        let clock = ContinuousClock()
        let deadline = timeoutMs < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMs))
        // Wait in short slices so a signal is noticed promptly even when the
        // caller waits forever.
        let slice = 100
        while true {
            if signals.pending != nil {
                return .terminate
            }
            var wait = slice
            if let deadline {
                let remaining = clock.now.duration(to: deadline).components
                let milliseconds = remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000
                wait = Int(max(0, min(Int64(slice), milliseconds)))
            }
            wtimeout(weft_stdscr(), Int32(wait))
            var code: wint_t = 0
            let status = wget_wch(weft_stdscr(), &code)
            if status == ERR {
                if signals.pending != nil {
                    return .terminate
                }
                switch StdinProbe.check() {
                case .closed:
                    return .closed
                case .byte(let byte):
                    ungetch(Int32(byte))
                    continue
                case .idle:
                    break
                }
                if let deadline, clock.now >= deadline {
                    return .tick
                }
                continue
            }
            if status == KEY_CODE_YES, Int32(code) == NcursesTerminal.pasteStartCode {
                return readPaste()
            }
            if let event = event(isFunctionKey: status == KEY_CODE_YES, code: UInt32(code)) {
                return event
            }
        }
    }

    public func suspend() {
        guard !isStopped, !isSuspended else { return }
        def_prog_mode()
        NcursesTerminal.setBracketedPaste(false)
        NcursesTerminal.inCursesMode.store(false, ordering: .sequentiallyConsistent)
        endwin()
        isSuspended = true
    }

    public func resume() {
        guard !isStopped, isSuspended else { return }
        isSuspended = false
        // A Ctrl-C typed into $EDITOR reaches the whole foreground process
        // group; it was meant for the editor, not for us.
        signals.forgetInterrupt()
        reset_prog_mode()
        NcursesTerminal.inCursesMode.store(true, ordering: .sequentiallyConsistent)
        clearok(weft_stdscr(), true)
        shown = nil
        wrefresh(weft_stdscr())
        NcursesTerminal.setBracketedPaste(true)
    }

    /// Stops the process like Ctrl-Z does in a shell (raw mode delivers
    /// Ctrl-Z as a key, so the application decides), and takes the terminal
    /// back when the shell continues it with `fg`.
    public func suspendToShell() {
        guard !isStopped, !isSuspended else { return }
        suspend()
        raise(SIGSTOP)
        resume()
    }

    /// Restores the terminal: leaves curses mode, frees the screen and puts
    /// back the previous signal handlers. Idempotent.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        if !isSuspended {
            NcursesTerminal.setBracketedPaste(false)
            NcursesTerminal.inCursesMode.store(false, ordering: .sequentiallyConsistent)
            endwin()
        }
        delscreen(screen)
        signals.restore()
    }

    // MARK: - Input

    private func event(isFunctionKey: Bool, code: UInt32) -> InputEvent? {
        switch keys.decode(isFunctionKey: isFunctionKey, code: code) {
        case .key(let key):
            return .key(key)
        case .resize:
            shown = nil
            let current = size
            return .resize(width: current.width, height: current.height)
        case .mouse:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return mice.decode(buttonState: UInt(report.bstate), x: Int(report.x), y: Int(report.y))
                .map(InputEvent.mouse)
        case .ignored:
            return nil
        }
    }

    // MARK: - Output

    /// Draws one leading cell, split into pieces ncurses measures exactly as
    /// the grid does (see `GlyphPlan`).
    private func drawCell(_ cell: Cell, x: Int, y: Int, columnsLeft: Int) {
        let style = resolved(cell.style)
        var width = Int(cell.width)
        var character = cell.character
        if width > columnsLeft {
            // The grid is wider than the screen: never let a wide character
            // wrap onto the next row.
            width = 1
            character = " "
        }
        if width == 1, let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
            // Most cells: skip the glyph plan and its allocations.
            var text = wchar_t(ascii)
            weft_draw_cell(Int32(y), Int32(x), &text, 1, style.attributes, style.pair)
            return
        }
        let pieces = GlyphPlan.pieces(for: character, width: width) { Int(wcwidth(wchar_t($0))) }
        var column = x
        for piece in pieces {
            var text = piece.map { wchar_t($0) }
            weft_draw_cell(Int32(y), Int32(column), &text, Int32(text.count), style.attributes, style.pair)
            column += max(1, Int(wcwidth(text[0])))
        }
    }

    private func resolved(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = resolvedStyles[style] {
            return known
        }
        let appearance = palette.appearance(of: style, in: colorMode)
        var attributes = weft_attr_normal()
        if appearance.attributes.contains(.bold) { attributes |= weft_attr_bold() }
        if appearance.attributes.contains(.dim) { attributes |= weft_attr_dim() }
        if appearance.attributes.contains(.underline) { attributes |= weft_attr_underline() }
        if appearance.attributes.contains(.reverse) { attributes |= weft_attr_reverse() }
        if appearance.attributes.contains(.italic) { attributes |= weft_attr_italic() }
        let result = (attributes: attributes, pair: colorMode == .color ? pair(for: appearance) : 0)
        resolvedStyles[style] = result
        return result
    }

    /// The color pair for an appearance's colors, allocated on first use.
    /// Pair 0 is the terminal's default colors.
    private func pair(for appearance: Appearance) -> Int16 {
        if appearance.foreground == .default, appearance.background == .default {
            return 0
        }
        var colors = Appearance(foreground: appearance.foreground, background: appearance.background)
        if !hasDefaultColors {
            // Without use_default_colors, -1 is not a color: fall back to
            // the classic white on black.
            if colors.foreground == .default { colors.foreground = .white }
            if colors.background == .default { colors.background = .black }
        }
        if let known = colorPairs[colors] {
            return known
        }
        let next = colorPairs.count + 1
        guard next < Int(weft_color_pairs()), next <= Int(Int16.max) else { return 0 }
        let number = Int16(next)
        init_pair(number, colors.foreground.rawValue, colors.background.rawValue)
        colorPairs[colors] = number
        return number
    }
}
