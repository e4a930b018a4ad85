/// Whether the terminal shows colors or attributes only.
public enum ColorMode: Hashable, Sendable {
    case color
    case monochrome

    /// The mode for a terminal: monochrome when the `NO_COLOR` environment
    /// variable has any non-empty value (see no-color.org) or when the
    /// terminal cannot show colors, color otherwise.
    public static func detect(noColor: String?, terminalHasColors: Bool) -> ColorMode {
        if let noColor, !noColor.isEmpty {
            return .monochrome
        }
        return terminalHasColors ? .color : .monochrome
    }
}

/// One of the eight ANSI colors, or the terminal's own default (which
/// follows the user's theme, light or dark).
public enum TerminalColor: Int16, Hashable, Sendable {
    case `default` = -1
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
}

/// Text attributes a terminal can show without color.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// What the terminal is asked to show for a cell.
public struct Appearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps semantic styles to appearances.
///
/// Colors keep the terminal's default background everywhere, so a light or
/// dark theme stays intact; emphasis that must survive without color (the
/// selection, unread items, warnings) is carried by attributes in both modes.
public struct Palette: Hashable, Sendable {
    /// The appearance of each role in color mode.
    public var colors: [Role: Appearance]

    public init(colors: [Role: Appearance]) {
        self.colors = colors
    }

    /// The standard palette.
    public static let standard = Palette(colors: [
        .normal: Appearance(),
        .dim: Appearance(attributes: [.dim]),
        .accent: Appearance(foreground: .cyan),
        .unread: Appearance(attributes: [.bold]),
        .warning: Appearance(foreground: .red, attributes: [.bold]),
        .selection: Appearance(attributes: [.reverse]),
        .title: Appearance(foreground: .cyan, attributes: [.reverse, .bold]),
        .status: Appearance(attributes: [.reverse]),
    ])

    /// The appearance of `style` in `mode`: the role's appearance with the
    /// style's flags added.
    public func appearance(of style: Style, in mode: ColorMode) -> Appearance {
        var result: Appearance
        switch mode {
        case .color:
            result = colors[style.role] ?? Appearance()
        case .monochrome:
            result = Appearance(attributes: Palette.monochromeAttributes(of: style.role))
        }
        if style.flags.contains(.bold) { result.attributes.insert(.bold) }
        if style.flags.contains(.underline) { result.attributes.insert(.underline) }
        if style.flags.contains(.reverse) { result.attributes.insert(.reverse) }
        return result
    }

    /// The attributes each role maps to when there is no color.
    public static func monochromeAttributes(of role: Role) -> TextAttributes {
        switch role {
        case .normal: []
        case .dim: [.dim]
        case .accent: [.bold]
        case .unread: [.bold]
        case .warning: [.bold, .underline]
        case .selection: [.reverse]
        case .title: [.reverse, .bold]
        case .status: [.reverse]
        }
    }
}
