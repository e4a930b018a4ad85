import TerminalUI

/// The help overlay's state: whose keys it lists, and how far it is scrolled.
public struct HelpState: Equatable, Sendable {
    /// The context the overlay was opened from; its keys are listed.
    public let context: KeyContext
    public internal(set) var firstLine = 0
}

/// The help overlay (`?`): a box over the screen listing every key that works
/// where it was opened, grouped by category — generated from the key table,
/// like `Docs/keys.md`.
enum HelpOverlay {
    static let footer = "? or q to close"

    /// The widest the box gets, so lines stay readable on wide terminals.
    static let maximumWidth = 78

    static func title(_ context: KeyContext) -> String {
        "Keys — \(context.title)"
    }

    /// The body lines for `context` in a box at most `width` columns wide.
    static func lines(for context: KeyContext, width: Int) -> [String] {
        let commands = Command.available(in: context)
        let keyWidth = min(20, (commands.map { DisplayWidth.of($0.keyLabels) }.max() ?? 0) + 2)
        let textWidth = max(10, min(width, maximumWidth) - 4 - 2 - keyWidth)
        var lines: [String] = []
        for category in KeyCategory.allCases {
            let listed = commands.filter { $0.category == category }
            guard !listed.isEmpty else { continue }
            if !lines.isEmpty {
                lines.append("")
            }
            lines.append(category.title)
            for command in listed {
                let wrapped = TextWrap.lines(command.help, width: textWidth)
                for (index, text) in wrapped.enumerated() {
                    let keys = index == 0 ? command.keyLabels : ""
                    lines.append("  " + DisplayWidth.pad(keys, to: keyWidth) + text)
                }
            }
        }
        return lines
    }

    static func modal(_ help: HelpState, area: Rect) -> Modal {
        Modal(
            title: title(help.context), lines: lines(for: help.context, width: area.width), footer: footer,
            firstLine: help.firstLine)
    }

    /// How far the body can scroll in `area`.
    static func lastFirstLine(_ help: HelpState, area: Rect) -> Int {
        let count = lines(for: help.context, width: area.width).count
        return max(0, count - max(0, area.height - 2))
    }

    static func handle(_ command: Command, _ state: inout State) -> [Effect] {
        guard var help = state.help else { return [] }
        let area = state.layout.body
        let page = max(1, area.height - 3)
        switch command {
        case .moveDown: help.firstLine += 1
        case .moveUp: help.firstLine -= 1
        case .pageDown: help.firstLine += page
        case .pageUp: help.firstLine -= page
        case .top: help.firstLine = 0
        case .bottom: help.firstLine = Int.max / 2
        case .back, .help, .click:
            state.help = nil
            return []
        default:
            return []
        }
        help.firstLine = min(max(0, help.firstLine), lastFirstLine(help, area: area))
        state.help = help
        return []
    }

    /// "more below" while lines are hidden under the box, for the status line.
    static func position(_ help: HelpState, area: Rect) -> String {
        let last = lastFirstLine(help, area: area)
        guard last > 0 else { return "" }
        return help.firstLine < last ? "more below ↓" : "end"
    }

    static func render(_ help: HelpState, in area: Rect, into grid: inout CellGrid) {
        var clamped = help
        clamped.firstLine = min(help.firstLine, lastFirstLine(help, area: area))
        modal(clamped, area: area).render(into: &grid, in: area)
    }
}
