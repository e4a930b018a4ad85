import TerminalUI
import WeftCore

/// A small dialog over the screen: one or more labelled one-line fields
/// (follow-up: who, due, note; remind me: when, note; snooze; settings).
///
/// Keys go straight to it while it is open: typing edits the field, Tab
/// completes a handle (or moves on), ↑/↓ move between fields, Enter moves on
/// or submits on the last field, Esc closes it. Errors show inside it and
/// nothing is written until the input is valid.
public struct FormState: Equatable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case followUp(target: EventID)
        case remind(target: EventID)
        case snooze(items: [String])
        case decline(EventID)
        case reschedule(EventID)
        case moveReminder(EventID)
        case setting(SettingsRow)
        case addBoardMember(BoardSlug)
    }

    public enum FieldKind: Hashable, Sendable {
        case text, handle, when
    }

    public struct Field: Equatable, Sendable {
        public var label: String
        public var kind: FieldKind
        public var input: LineInput
    }

    /// A shortcut a digit picks while the field is empty: "1 later today".
    public struct Preset: Hashable, Sendable {
        public var key: Character
        public var label: String
        public var value: String
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var error: String?
    public var presets: [Preset] = []

    static let fieldWidth = 36

    init(_ purpose: Purpose, title: String, fields: [(String, FieldKind, String)], presets: [Preset] = []) {
        self.purpose = purpose
        self.title = title
        self.fields = fields.map { label, kind, placeholder in
            Field(label: label, kind: kind, input: LineInput(fieldWidth: Self.fieldWidth, placeholder: placeholder))
        }
        self.presets = presets
    }

    /// The text of the field labelled `label`, trimmed.
    func value(_ index: Int) -> String {
        index < fields.count ? fields[index].input.text.trimmingCharacters(in: .whitespaces) : ""
    }

    static let whenPresets = [
        Preset(key: "1", label: "later today", value: "in 3h"),
        Preset(key: "2", label: "tomorrow", value: "tomorrow 9:00"),
        Preset(key: "3", label: "next week", value: "next week"),
    ]
}
