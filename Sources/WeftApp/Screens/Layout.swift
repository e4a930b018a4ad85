import TerminalUI

/// Where the title bar, the sidebar, the main pane and the status line go for
/// a terminal size.
///
/// At 90 columns and more the sidebar is docked at the left. Below that it
/// is folded away so the main pane keeps the whole width (80x24 must be fully
/// usable), and `Tab` opens it over the left of the main pane.
struct Layout: Equatable {
    /// The narrowest terminal that docks the sidebar.
    static let dockingWidth = 90
    /// The sidebar's width, its right border included.
    static let sidebarWidth = 24

    let title: Rect
    let status: Rect
    /// Everything between the title bar and the status line.
    let body: Rect
    let main: Rect
    /// The sidebar's rows (its border excluded), nil while it is hidden.
    let sidebar: Rect?
    /// The column of the sidebar's right border.
    let sidebarBorderX: Int?
    /// Whether the sidebar is docked (rather than drawn over the main pane).
    let isDocked: Bool

    init(size: Size, focus: Focus) {
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (title, rest) = screen.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.title = title
        self.status = status
        self.body = body
        isDocked = size.width >= Layout.dockingWidth
        let width = min(Layout.sidebarWidth, max(0, body.width - 8))
        if isDocked {
            let (left, right) = body.splitLeft(width)
            sidebar = Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height)
            sidebarBorderX = left.maxX - 1
            main = right
        } else {
            main = body
            if focus == .sidebar, width > 1 {
                sidebar = Rect(x: body.x, y: body.y, width: width - 1, height: body.height)
                sidebarBorderX = body.x + width - 1
            } else {
                sidebar = nil
                sidebarBorderX = nil
            }
        }
    }

    /// The rows of a list below a one-row column header in the main pane.
    var mainList: Rect {
        main.splitTop(1).rest
    }
}
