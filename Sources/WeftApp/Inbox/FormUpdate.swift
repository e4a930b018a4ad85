import TerminalUI
import WeftCore
import WeftStore

/// Keys while a form is open, and turning a submitted form into a `Change`.
enum FormUpdate {
    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var form = state.form else { return [] }
        form.error = nil
        switch key {
        case .escape:
            state.form = nil
            return []
        case .enter:
            if form.focus < form.fields.count - 1 {
                form.focus += 1
                state.form = form
                return []
            }
            state.form = form
            return submit(&state)
        case .tab:
            if !complete(&form, members: state.members.members.filter { $0.handle != state.viewer }) {
                form.focus = (form.focus + 1) % form.fields.count
            }
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .char(let c) where form.fields[form.focus].input.text.isEmpty && form.fields[form.focus].kind == .when:
            if let preset = form.presets.first(where: { $0.key == c }) {
                form.fields[form.focus].input.setText(preset.value)
                if form.focus == form.fields.count - 1 {
                    state.form = form
                    return submit(&state)
                }
                form.focus += 1
            }
            _ = form.fields[form.focus].input.handle(key)
        default:
            _ = form.fields[form.focus].input.handle(key)
        }
        state.form = form
        return []
    }

    /// Handles that start with what is typed in a handle field (the caller
    /// leaves the viewer out: nobody asks themselves).
    static func completions(_ form: FormState, members: [Member]) -> [String] {
        guard form.focus < form.fields.count, form.fields[form.focus].kind == .handle else { return [] }
        let typed = form.value(form.focus).lowercased().trimmingPrefix("@")
        return members.map(\.handle.rawValue).filter { $0.hasPrefix(typed) && $0 != String(typed) }
    }

    /// Tab in a handle field: completes the longest common prefix of the matches.
    private static func complete(_ form: inout FormState, members: [Member]) -> Bool {
        let matches = completions(form, members: members)
        guard let first = matches.first else { return false }
        var common = first
        for m in matches.dropFirst() {
            while !m.hasPrefix(common) { common.removeLast() }
        }
        let typed = String(form.value(form.focus).lowercased().trimmingPrefix("@"))
        guard common.count > typed.count else { return false }
        form.fields[form.focus].input.setText(common)
        return true
    }

    /// Checks the input; on success closes the form and asks for the write.
    private static func submit(_ state: inout State) -> [Effect] {
        guard var form = state.form else { return [] }
        do {
            let change = try Self.change(form, state)
            state.form = nil
            return change.map { [.perform($0)] } ?? []
        } catch {
            form.error = error.message
            state.form = form
            return []
        }
    }

    struct FormError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func when(_ text: String, _ state: State) throws -> Timestamp {
        guard !text.isEmpty else { throw FormError("give a time: tomorrow, fri 16:00, in 2h, 2026-11-27 …") }
        do {
            return try DueParser(timeZone: state.clock.local.timeZone, now: state.clock.now).parse(text)
        } catch {
            throw FormError(error.description)
        }
    }

    private static func note(_ text: String) throws -> String? {
        guard !text.isEmpty else { return nil }
        do { return try Validate.body(text) } catch { throw FormError(error.description) }
    }

    private static func change(_ form: FormState, _ state: State) throws -> Change? {
        switch form.purpose {
        case .followUp(let target):
            let name = String(form.value(0).trimmingPrefix("@"))
            let handle: Handle
            do { handle = try Handle(name) } catch { throw FormError(name.isEmpty ? "give the handle of who should act" : error.description) }
            guard state.members.members.contains(where: { $0.handle == handle }) else {
                throw FormError("no member '\(handle)' in this space")
            }
            guard handle != state.viewer else { throw FormError("you cannot ask yourself: use b (remind me)") }
            return .askFollowUp(target: target, assignee: handle, due: try when(form.value(1), state), note: try note(form.value(2)))
        case .remind(let target):
            return .remind(target: target, at: try when(form.value(0), state), note: try note(form.value(1)))
        case .snooze(let items):
            return .inboxSnooze(items, until: try when(form.value(0), state))
        case .decline(let id):
            guard let reason = try note(form.value(0)) else { throw FormError("say why: the reason is posted as a comment") }
            return .resolveFollowUp(id, .declined, reason: reason)
        case .reschedule(let id):
            return .rescheduleFollowUp(id, due: try when(form.value(0), state))
        case .moveReminder(let id):
            return .moveReminder(id, at: try when(form.value(0), state))
        case .setting(let row):
            return try SettingsScreen.change(row, text: form.value(0), second: form.value(1), state)
        case .addBoardMember(let slug):
            return try BoardAccessScreen.addChange(slug, text: form.value(0), state)
        }
    }
}

extension Error {
    var message: String {
        if let e = self as? FormUpdate.FormError { return e.message }
        return "\(self)"
    }
}
