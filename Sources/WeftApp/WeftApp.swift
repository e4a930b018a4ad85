// WeftApp — Weft's full-screen interface.
//
// WeftApp owns what the user sees and does in the terminal, in the Elm
// architecture (DESIGN.md §2):
//
// - Model: `State` (a value), `Action` (what happened), `Effect` (what must
//   be asked of the store).
// - Update: `reduce(&state, action) -> [Effect]`, pure, tested without a
//   terminal. Each screen in `Screens/` handles its own commands.
// - View: `render(state, size) -> CellGrid`, pure, snapshot-tested as text.
// - Keys: one table, `Command`, from which key handling, the help overlay,
//   the status line hints and `Docs/keys.md` all come.
// - Loop: `AppLoop`, the one place effects run. It owns the `Store` and a
//   `Terminal`, feeds results back as actions and draws the frames. `TUI` is
//   the entry point the `weft` executable calls.
//
// WeftApp imports WeftCore, WeftStore and TerminalUI. It never imports
// CNcurses: the ncurses backend stays inside TerminalUI.
