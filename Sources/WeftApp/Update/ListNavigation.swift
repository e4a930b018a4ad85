import TerminalUI

extension ListView {
    /// Applies a moving command to the list shown `height` rows high.
    /// Returns false for commands that do not move a list.
    mutating func apply(_ command: Command, height: Int) -> Bool {
        switch command {
        case .moveDown: move(by: 1, height: height)
        case .moveUp: move(by: -1, height: height)
        case .pageDown: pageDown(height: height)
        case .pageUp: pageUp(height: height)
        case .top: selectFirst(height: height)
        case .bottom: selectLast(height: height)
        default: return false
        }
        return true
    }
}

/// How far one turn of the mouse wheel scrolls.
let wheelStep = 3
