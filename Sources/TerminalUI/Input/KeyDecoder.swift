/// Turns what ncurses' `get_wch` returns into `Key`s — a pure function, so
/// the mapping is tested without a terminal.
///
/// `get_wch` reports either a character (`OK`) or a key code
/// (`KEY_CODE_YES`) such as `KEY_UP`. The key code values are passed in as
/// `CursesKeyCodes`: the backend fills them from the real curses constants,
/// tests use `CursesKeyCodes.ncurses6`.
public struct KeyDecoder: Sendable {
    /// What one `get_wch` result means.
    public enum Decoded: Hashable, Sendable {
        case key(Key)
        /// `KEY_MOUSE`: the backend must call `getmouse` for the details.
        case mouse
        /// `KEY_RESIZE`: the backend must read the new size.
        case resize
        /// Nothing the application cares about (an unknown key code, a stray
        /// C1 control).
        case ignored
    }

    public var codes: CursesKeyCodes

    public init(codes: CursesKeyCodes = .ncurses6) {
        self.codes = codes
    }

    /// Decodes one result of `get_wch`.
    ///
    /// - Parameters:
    ///   - isFunctionKey: `get_wch` returned `KEY_CODE_YES`.
    ///   - code: the `wint_t` it stored.
    public func decode(isFunctionKey: Bool, code: UInt32) -> Decoded {
        isFunctionKey ? decodeKeyCode(Int(code)) : decodeCharacter(code)
    }

    private func decodeKeyCode(_ code: Int) -> Decoded {
        switch code {
        case codes.up: return .key(.up)
        case codes.down: return .key(.down)
        case codes.left: return .key(.left)
        case codes.right: return .key(.right)
        case codes.home: return .key(.home)
        case codes.end: return .key(.end)
        case codes.pageUp: return .key(.pageUp)
        case codes.pageDown: return .key(.pageDown)
        case codes.enter: return .key(.enter)
        case codes.backspace: return .key(.backspace)
        case codes.delete: return .key(.delete)
        case codes.insert: return .key(.insert)
        case codes.backTab: return .key(.backTab)
        case codes.mouse: return .mouse
        case codes.resize: return .resize
        case (codes.f0 + 1)...(codes.f0 + 63): return .key(.function(code - codes.f0))
        default: return .ignored
        }
    }

    private func decodeCharacter(_ code: UInt32) -> Decoded {
        switch code {
        case 0x09: return .key(.tab)
        case 0x0A, 0x0D: return .key(.enter)
        case 0x1B: return .key(.escape)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x00: return .key(.ctrl(" "))
        case 0x01...0x1A:
            // Ctrl-A is 0x01: map back to the lowercase letter.
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(code + 0x60)))))
        case 0x1C...0x1F:
            // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(code + 0x40)))))
        case 0x80...0x9F:
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }
}

/// The curses key code values `KeyDecoder` needs.
public struct CursesKeyCodes: Hashable, Sendable {
    public var down, up, left, right, home, backspace, f0: Int
    public var delete, insert, pageDown, pageUp, enter, backTab, end: Int
    public var mouse, resize: Int

    public init(
        down: Int, up: Int, left: Int, right: Int, home: Int, backspace: Int, f0: Int,
        delete: Int, insert: Int, pageDown: Int, pageUp: Int, enter: Int, backTab: Int, end: Int,
        mouse: Int, resize: Int
    ) {
        self.down = down
        self.up = up
        self.left = left
        self.right = right
        self.home = home
        self.backspace = backspace
        self.f0 = f0
        self.delete = delete
        self.insert = insert
        self.pageDown = pageDown
        self.pageUp = pageUp
        self.enter = enter
        self.backTab = backTab
        self.end = end
        self.mouse = mouse
        self.resize = resize
    }

    /// The values in ncurses 6 `<curses.h>` (octal there: KEY_DOWN is 0402).
    public static let ncurses6 = CursesKeyCodes(
        down: 0o402, up: 0o403, left: 0o404, right: 0o405, home: 0o406, backspace: 0o407, f0: 0o410,
        delete: 0o512, insert: 0o513, pageDown: 0o522, pageUp: 0o523, enter: 0o527, backTab: 0o541,
        end: 0o550, mouse: 0o631, resize: 0o632
    )
}

/// Turns `getmouse` results into `MouseEvent`s — pure, like `KeyDecoder`.
public struct MouseDecoder: Sendable {
    /// The `mmask_t` bits for the buttons Weft listens to.
    public struct Masks: Hashable, Sendable {
        public var button1Pressed: UInt
        public var button1Clicked: UInt
        public var button4Pressed: UInt
        public var button5Pressed: UInt

        public init(button1Pressed: UInt, button1Clicked: UInt, button4Pressed: UInt, button5Pressed: UInt) {
            self.button1Pressed = button1Pressed
            self.button1Clicked = button1Clicked
            self.button4Pressed = button4Pressed
            self.button5Pressed = button5Pressed
        }

        /// ncurses 6 with the version 2 mouse protocol.
        public static let ncurses6 = Masks(
            button1Pressed: 0o2, button1Clicked: 0o4, button4Pressed: 0o2 << 15, button5Pressed: 0o2 << 20)
    }

    public var masks: Masks

    public init(masks: Masks = .ncurses6) {
        self.masks = masks
    }

    /// The event for a button state at cell (`x`, `y`), or nil for states
    /// Weft ignores (releases, drags).
    public func decode(buttonState: UInt, x: Int, y: Int) -> MouseEvent? {
        if buttonState & masks.button4Pressed != 0 {
            return .wheelUp(x: x, y: y)
        }
        if buttonState & masks.button5Pressed != 0 {
            return .wheelDown(x: x, y: y)
        }
        if buttonState & (masks.button1Pressed | masks.button1Clicked) != 0 {
            return .click(x: x, y: y)
        }
        return nil
    }
}
