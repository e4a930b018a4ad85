/// One screen cell: a grapheme cluster and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: a leading cell with
/// `width == 2` holding the character, then a continuation cell with
/// `width == 0` that holds nothing of its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown in this cell (a space for continuation
    /// cells).
    public var character: Character
    public var style: Style
    /// Columns the character covers: 1 or 2 for a leading cell, 0 for the
    /// second half of a wide character.
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .normal, width: UInt8 = 1) {
        self.character = character
        self.style = style
        self.width = width
    }

    /// Whether this cell is the second half of the wide character to its left.
    public var isContinuation: Bool { width == 0 }

    /// An empty cell in the normal style.
    public static let blank = Cell()
}
