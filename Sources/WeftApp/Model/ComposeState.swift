import TerminalUI
import WeftCore
import WeftStore

/// A composer: a small form of fields (one-line inputs, a multi-line
/// editor, choices) drawn over the main pane, with a purpose that says what
/// sending it writes.
///
/// It is generic so other flows can reuse it: a new purpose and its fields
/// are all a new composer needs (`ComposeUpdate.send` turns the fields into
/// an event). Unsent text autosaves as a draft under `draftKey`.
public struct ComposeState: Equatable, Sendable {
    /// What sending writes.
    public enum Purpose: Hashable, Sendable {
        /// A thread in the chosen board (the `.board` field).
        case newThread
        /// A comment on `thread`: top-level, a reply to `parent`, or about
        /// block `anchor` (a contextual comment).
        case comment(thread: EventID, board: BoardSlug, parent: EventID?, anchor: String?)
        /// A new version of the viewer's post.
        case edit(target: EventID, board: BoardSlug, isThread: Bool, blocks: [Block])
        /// A status update (`.kind`, `.board` and `.body` fields).
        case status
        /// A status update answering one occurrence of a check-in (`.kind` and
        /// `.body` fields; it goes to the check-in's board).
        case checkinAnswer(checkin: EventID, occurrence: String, board: BoardSlug)
        /// Not a write: the Status screen's filter (`.person`, `.board`, `.kind`).
        case statusFilter
        /// A board (`BoardForm`): `.slug`, `.title`, `.about`, `.visibility`, `.members`.
        case newBoard
    }

    /// The fields a composer can have; each appears at most once.
    public enum FieldID: Hashable, Sendable {
        case board, kind, person, title, body
        case slug, about, visibility, members
    }

    /// One field and what is typed or chosen in it.
    public struct Field: Equatable, Sendable {
        public enum Content: Equatable, Sendable {
            case line(LineInput)
            case text(Editor)
            /// Options shown as words; `selected` indexes them.
            case choice([String], selected: Int)
        }

        public var id: FieldID
        public var label: String
        public var content: Content

        /// The text of an input, or the chosen option.
        public var value: String {
            switch content {
            case .line(let input): input.text
            case .text(let editor): editor.text
            case .choice(let options, let selected): options.indices.contains(selected) ? options[selected] : ""
            }
        }

        public var isText: Bool {
            if case .text = content { return true }
            return false
        }
    }

    public var purpose: Purpose
    /// The box title: "New thread", "Reply to alice", …
    public var title: String
    public internal(set) var fields: [Field]
    /// The index of the field with the focus.
    public internal(set) var focus: Int
    /// Shows the post as readers will see it instead of the fields.
    public internal(set) var isPreviewing = false
    /// The paragraph a contextual comment is about, shown quoted.
    public var quote: String?
    /// Member handles the `@word` being typed could complete to.
    public internal(set) var completions: [Handle] = []
    /// A problem with what was typed (shown in the box; nothing was sent).
    public internal(set) var problem: String?
    /// Where the unsent text is saved.
    public let draftKey: String?
    /// Goes up with every change of the title or the text.
    var revision = 0
    /// The revision last saved as a draft (or restored), to save only changes.
    var savedRevision = 0
    /// Keys typed since the draft was last saved.
    var editsSinceSave = 0
    /// A write is under way; the box stays until it is done.
    var isSending = false

    init(purpose: Purpose, title: String, fields: [Field], draftKey: String?) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.draftKey = draftKey
        focus = fields.firstIndex { $0.id == .title || $0.id == .body } ?? 0
    }

    public func field(_ id: FieldID) -> Field? {
        fields.first { $0.id == id }
    }

    public func value(_ id: FieldID) -> String {
        field(id)?.value ?? ""
    }

    /// The title and body as a draft's text, to compare with what was saved.
    var draftText: String {
        value(.title) + "\u{1F}" + value(.body)
    }

    /// Whether there is typed text that was never sent: something was
    /// changed since the composer opened, and it is not all blank.
    public var hasText: Bool {
        guard revision != 0 else { return false }
        if !value(.title).allSatisfy(\.isWhitespace) { return true }
        guard case .text(let editor) = field(.body)?.content else { return false }
        return !editor.isBlank
    }

    var hasUnsavedChanges: Bool {
        revision != savedRevision
    }

    /// Lets `body` change the focused field's editor in place (the field
    /// gives up its copy first, so a long text is not copied per key).
    /// Returns whether the text changed; nil when the field is not a text.
    mutating func editFocusedText(_ body: (inout Editor) -> Void) -> Bool? {
        guard fields.indices.contains(focus), case .text(var editor) = fields[focus].content else { return nil }
        fields[focus].content = .choice([], selected: 0)
        let before = editor.changeCount
        body(&editor)
        fields[focus].content = .text(editor)
        guard editor.changeCount != before else { return false }
        revision += 1
        return true
    }

    var focusedField: Field? {
        fields.indices.contains(focus) ? fields[focus] : nil
    }

    mutating func update(_ id: FieldID, _ change: (inout Field.Content) -> Void) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        change(&fields[index].content)
    }

    /// Replaces title and body with a saved draft's.
    mutating func restore(_ draft: Draft) {
        update(.title) { content in
            if case .line(var input) = content { input.setText(draft.title); content = .line(input) }
        }
        update(.body) { content in
            if case .text(var editor) = content { editor.setText(draft.body); content = .text(editor) }
        }
        revision += 1
        savedRevision = revision
    }
}
