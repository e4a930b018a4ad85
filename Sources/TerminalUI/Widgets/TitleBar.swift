/// The top line of the screen: where the user is on the left, a summary
/// (such as the unread count) on the right.
///
/// ```swift
/// TitleBar(left: "Weft · Engineering", right: "3 unread").render(into: &grid, in: grid.bounds.row(0))
/// ```
public struct TitleBar: Hashable, Sendable {
    public var left: String
    public var right: String
    public var style: Style

    public init(left: String, right: String = "", style: Style = Style(.title)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Draws the bar on the first row of `rect`, filling the whole row.
    public func render(into grid: inout CellGrid, in rect: Rect) {
        AlignedLine.render(left: left, right: right, into: &grid, in: rect, style: style)
    }
}
