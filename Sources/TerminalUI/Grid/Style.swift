/// What a piece of text *is*, independent of how a terminal shows it.
///
/// Screens pick roles; the `Palette` decides colors and attributes, so the
/// same screen works in color, under `NO_COLOR` and on monochrome terminals.
public enum Role: UInt8, Hashable, Sendable, CaseIterable {
    /// Ordinary text in the terminal's default colors.
    case normal
    /// Secondary text: timestamps, hints, read items.
    case dim
    /// Highlights: names, links, key labels.
    case accent
    /// Items the viewer has not read yet.
    case unread
    /// Errors, overdue follow-ups, blocked status.
    case warning
    /// The selected row.
    case selection
    /// The title bar.
    case title
    /// The status line at the bottom.
    case status
}

/// How one cell is drawn: a semantic `Role` plus optional emphasis flags
/// that apply on top of whatever the role maps to.
///
/// ```swift
/// grid.put("3 new", x: 0, y: 0, style: Style(.unread, [.bold]))
/// ```
public struct Style: Hashable, Sendable {
    /// Emphasis added on top of the role's appearance.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        public static let bold = Flags(rawValue: 1 << 0)
        public static let underline = Flags(rawValue: 1 << 1)
        public static let reverse = Flags(rawValue: 1 << 2)
    }

    public var role: Role
    public var flags: Flags

    public init(_ role: Role = .normal, _ flags: Flags = []) {
        self.role = role
        self.flags = flags
    }

    /// Default text.
    public static let normal = Style()

    /// The same flags under another role.
    public func with(role: Role) -> Style {
        Style(role, flags)
    }

    /// This style with `flags` added.
    public func adding(_ flags: Flags) -> Style {
        Style(role, self.flags.union(flags))
    }
}
