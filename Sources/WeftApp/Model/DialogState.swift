import TerminalUI
import WeftCore
import WeftStore

/// A small box over the screen that asks something: a yes/no question, a
/// reaction to pick, a draft to restore, a post's history to read.
public struct DialogState: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Delete the viewer's post.
        case deletePost(EventID, board: BoardSlug)
        /// Quit although a composer holds unsent text.
        case quitWithText
        /// Close the composer that holds unsent text.
        case discardText
        /// A draft was saved for the composer being opened.
        case offerDraft(Draft)
        /// Pick a reaction for `target`.
        case react(target: EventID, board: BoardSlug, mine: [String])
        /// Read-only text (a post's history).
        case text(lines: [String])
        /// Mark the threads a board's list shows read.
        case catchUp(BoardSlug, ThreadListOptions)
        /// Remove a board member or switch its visibility.
        case boardChange(Change)
    }

    public var kind: Kind
    public var title: String
    public var message: [String]
    /// The highlighted choice (reactions).
    public internal(set) var selected = 0
    /// Free entry (a reaction not in the list).
    public internal(set) var input = LineInput(fieldWidth: 16, placeholder: "or type one")
    public internal(set) var firstLine = 0

    init(kind: Kind, title: String, message: [String]) {
        self.kind = kind
        self.title = title
        self.message = message
    }

    /// Where its keys are read.
    var context: KeyContext {
        if case .react = kind { return .picker }
        return .confirm
    }

    /// The common reactions offered first.
    public static let reactions = ["👍", "❤️", "🎉", "😄", "👀", "🙏", "✅", "🚀"]
}
