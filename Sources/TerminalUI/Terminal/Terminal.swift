// TerminalUI — Weft's terminal toolkit.
//
// TerminalUI owns everything between a finished frame and the screen, and
// nothing about forums:
//
// - Text: display width by Unicode rules (`DisplayWidth`), making untrusted
//   text inert (`Inert`), word wrapping (`TextWrap`).
// - Grid: `CellGrid`, the frame a screen renders into, with `Style` roles that
//   a `Palette` maps to colors or, under NO_COLOR, to attributes only.
// - Input: `Key`, `MouseEvent`, `InputEvent` (bracketed pastes arrive whole as
//   `.paste`), and the pure `KeyDecoder`.
// - Widgets: `ListView`, `TitleBar`, `StatusBar`, `Modal`, `LineInput`, `Editor` — pure
//   functions of their state into a `CellGrid` region.
// - Terminal: the `Terminal` protocol, `HeadlessTerminal` for tests and
//   `NcursesTerminal`, the real backend.
//
// Only NcursesTerminal.swift imports CNcurses; every other file is plain
// Swift, so rendering and input handling are tested without a terminal.
// TerminalUI must never import WeftCore, WeftStore or WeftApp.

/// A screen that shows cell grids and produces input events.
///
/// The application loop owns one terminal, draws a finished `CellGrid` per
/// frame, and waits for the next event with a timeout so it can refresh live
/// data on `.tick`:
///
/// ```swift
/// func run(on terminal: some Terminal) {
///     while true {
///         terminal.draw(render(state, terminal.size), cursor: nil)
///         switch terminal.nextEvent(timeoutMs: 500) {
///         case .closed, .terminate: return
///         case let event: state.handle(event)
///         }
///     }
/// }
/// ```
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }

    /// Shows `grid` (which should be `size` large; it is clipped or padded
    /// otherwise) and places a visible cursor at `cursor`, or hides the
    /// cursor when it is nil.
    func draw(_ grid: CellGrid, cursor: Point?)

    /// Waits up to `timeoutMs` milliseconds (forever when negative) for
    /// input. Returns `.tick` when the time runs out.
    func nextEvent(timeoutMs: Int) -> InputEvent

    /// Gives the terminal back to the shell, e.g. while `$EDITOR` runs.
    func suspend()

    /// Takes the terminal back after `suspend()`; the next `draw` repaints
    /// everything.
    func resume()
}
