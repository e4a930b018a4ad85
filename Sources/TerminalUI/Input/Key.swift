/// A key press, decoded from what the terminal sends.
///
/// Control combinations that terminals send as plain bytes arrive as
/// `.ctrl` with the lowercase letter (`Ctrl-A` is `.ctrl("a")`), except the
/// ones that *are* keys: Tab (Ctrl-I), Enter (Ctrl-M / Ctrl-J), Escape
/// (Ctrl-[) and Backspace (DEL, or Ctrl-H on some terminals).
public enum Key: Hashable, Sendable {
    /// A printable character, already decoded from UTF-8 (`é`, `日`).
    case char(Character)
    /// A control combination: `.ctrl("c")` for Ctrl-C.
    case ctrl(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab
    case backspace, delete, insert
    /// F1 is `.function(1)`.
    case function(Int)
}

/// A mouse action, in screen cells.
public enum MouseEvent: Hashable, Sendable {
    /// The primary button was pressed at (`x`, `y`).
    case click(x: Int, y: Int)
    /// The wheel was turned away from the user.
    case wheelUp(x: Int, y: Int)
    /// The wheel was turned toward the user.
    case wheelDown(x: Int, y: Int)
}

/// Everything that can wake the application loop.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; redraw at the new size now.
    case resize(width: Int, height: Int)
    /// Input ended (stdin at end of file or the terminal went away); quit.
    case closed
    /// SIGINT, SIGTERM or SIGHUP arrived from outside; quit cleanly.
    case terminate
    /// The wait timed out with no input; a chance to refresh live data.
    case tick
    /// Text the terminal marked as pasted (bracketed paste), line breaks as `\n`.
    case paste(String)
}
