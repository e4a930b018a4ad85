import CNcurses

/// Bracketed paste: the terminal marks pasted text with `ESC [200~` …
/// `ESC [201~`, which ncurses is taught (`define_key`) to report as two key
/// codes, so a paste arrives as one `.paste` event, its line breaks and any
/// escape characters in it kept as text instead of acting as keys.
extension NcursesTerminal {
    /// The key codes ncurses reports for the paste markers (above the codes
    /// it defines itself).
    static let pasteStartCode = Int32(KEY_MAX) + 64
    static let pasteEndCode = Int32(KEY_MAX) + 65

    /// At most this much pasted text is kept (a paste is text for a post).
    static let maximumPaste = 4 * 1024 * 1024

    /// Teaches ncurses the paste markers.
    static func definePasteKeys() {
        _ = define_key("\u{1B}[200~", pasteStartCode)
        _ = define_key("\u{1B}[201~", pasteEndCode)
    }

    /// Asks the terminal to bracket pastes (terminals that do not know the
    /// request ignore it).
    static func setBracketedPaste(_ on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", weft_stdout())
        fflush(weft_stdout())
    }

    /// Reads the pasted text up to the end marker. Gives up after a second
    /// without input (a terminal that never sends the end marker).
    func readPaste() -> InputEvent {
        var text = ""
        var bytes = 0
        wtimeout(weft_stdscr(), 1000)
        while true {
            var code: wint_t = 0
            let status = wget_wch(weft_stdscr(), &code)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(code) == Self.pasteEndCode { break }
                continue
            }
            guard bytes < Self.maximumPaste, let scalar = Unicode.Scalar(UInt32(code)) else { continue }
            // Terminals send a pasted line break as CR.
            text.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
            bytes += 1
        }
        return .paste(text)
    }
}
