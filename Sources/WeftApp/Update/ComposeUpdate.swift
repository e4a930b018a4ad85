import TerminalUI
import WeftCore
import WeftStore

/// The composer: opening it for each purpose, editing its fields, sending,
/// drafts, and what happens when the write is done.
///
/// Sending checks everything first (empty title or text, the size limit,
/// unknown @mentions) and, when something is wrong, says what in the box and
/// on the status line and writes nothing.
enum ComposeUpdate {
    // MARK: - Keys

    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var compose = state.compose else { return [] }
        let command = Command.matching(key, in: .compose)
        switch command {
        case .quit:
            return quitRequested(&state)
        case .send:
            switch compose.purpose {
            case .statusFilter: return StatusScreen.applyFilter(&state)
            case .newBoard: return BoardForm.submit(&state)
            default: return send(&state)
            }
        case .preview:
            guard compose.field(.body) != nil else { return [] }
            compose.isPreviewing.toggle()
            state.compose = compose
            return []
        case .cancel:
            if compose.isPreviewing {
                state.compose?.isPreviewing = false
                return []
            }
            if compose.hasText, compose.draftKey != nil {
                state.dialog = DialogState(
                    kind: .discardText, title: "Close the composer?",
                    message: ["Your text is kept as a draft and offered", "when you open this composer again."])
                return []
            }
            return close(&state)
        case .externalEditor:
            guard !compose.isPreviewing, let field = compose.field(.body) else { return [] }
            return autosave(&state, force: true) + [.externalEditor(field.value)]
        case .nextField where !compose.completions.isEmpty && !compose.isPreviewing:
            complete(&state)
            return []
        case .nextField:
            compose.focus = (compose.focus + 1) % max(1, compose.fields.count)
            compose.completions = []
            state.compose = compose
            return []
        case .previousField:
            compose.focus = (compose.focus + compose.fields.count - 1) % max(1, compose.fields.count)
            compose.completions = []
            state.compose = compose
            return []
        default:
            guard !compose.isPreviewing else { return [] }
            // Take the composer out of the state so its text is not shared
            // (and copied) while the key changes it.
            state.compose = nil
            edit(key, &compose)
            state.compose = compose
            updateCompletions(&state)
            return compose.editsSinceSave >= 40 ? autosave(&state, force: true) : []
        }
    }

    /// Applies an editing key to the focused field.
    private static func edit(_ key: Key, _ compose: inout ComposeState) {
        if let changed = compose.editFocusedText({ _ = $0.handle(key) }) {
            if changed {
                compose.problem = nil
                compose.editsSinceSave += 1
            }
            return
        }
        guard compose.fields.indices.contains(compose.focus) else { return }
        var field = compose.fields[compose.focus]
        switch field.content {
        case .line(var input):
            if key == .enter || key == .down {
                compose.focus = min(compose.fields.count - 1, compose.focus + 1)
                return
            }
            let before = input.text
            guard input.handle(key) else { return }
            field.content = .line(input)
            if input.text != before {
                compose.revision += 1
            }
        case .text:
            return
        case .choice(let options, let selected):
            switch key {
            case .left: field.content = .choice(options, selected: (selected + options.count - 1) % max(1, options.count))
            case .right, .char(" "): field.content = .choice(options, selected: (selected + 1) % max(1, options.count))
            case .enter, .down:
                compose.focus = min(compose.fields.count - 1, compose.focus + 1)
                return
            default: return
            }
        }
        compose.fields[compose.focus] = field
        compose.problem = nil
        compose.editsSinceSave += 1
    }

    /// A bracketed paste: all of it into the focused field as text (line
    /// breaks stay in a text and become spaces in a one-line field), one
    /// undo step. Outside a composer a paste does nothing.
    static func pasted(_ text: String, _ state: inout State) -> [Effect] {
        guard var compose = state.compose, state.dialog == nil, !compose.isPreviewing,
              compose.fields.indices.contains(compose.focus)
        else {
            if state.dialog == nil {
                state.notice = Notice("Pasting works in a composer (N, r, c, e, s).")
            }
            return []
        }
        state.compose = nil
        if compose.editFocusedText({ $0.insert(text) }) == nil,
           case .line(var input) = compose.fields[compose.focus].content
        {
            input.insert(text)
            compose.fields[compose.focus].content = .line(input)
            compose.revision += 1
        }
        compose.problem = nil
        compose.editsSinceSave += text.count
        state.compose = compose
        updateCompletions(&state)
        return compose.editsSinceSave >= 40 ? autosave(&state, force: true) : []
    }

    /// Characters that arrived together (a paste): into the text at once,
    /// one undo step; anything else key by key.
    static func typed(_ text: String, _ state: inout State) -> [Effect] {
        guard var compose = state.compose, state.dialog == nil, !compose.isPreviewing,
              case .text = compose.focusedField?.content
        else {
            var effects: [Effect] = []
            for character in text {
                effects += Input.handle(.key(character == "\n" ? .enter : .char(character)), &state)
            }
            return effects
        }
        state.compose = nil
        _ = compose.editFocusedText { $0.insert(text) }
        compose.problem = nil
        compose.editsSinceSave += text.count
        state.compose = compose
        updateCompletions(&state)
        return compose.editsSinceSave >= 40 ? autosave(&state, force: true) : []
    }

    // MARK: - Results

    static func written(_ event: Event, board: BoardSlug?, _ state: inout State) -> [Effect] {
        if state.compose?.isSending == true {
            state.compose = nil
        }
        var effects: [Effect] = []
        switch event.payload {
        case .threadCreated:
            state.notice = Notice("Thread posted.")
            if let board {
                effects += Navigation.openBoard(board, &state)
                state.thread = ThreadState(id: event.id, anchor: nil)
                state.stack.append(.thread(event.id))
                effects.append(.loadThread(event.id))
                return effects + [.loadBoards, .countUnread]
            }
        case .commentCreated: state.notice = Notice("Comment posted.")
        case .postEdited: state.notice = Notice("Edit saved.")
        case .postRedacted: state.notice = Notice("Post deleted.")
        case .reactionAdded(let change): state.notice = Notice("Reacted \(change.emoji).")
        case .reactionRemoved(let change): state.notice = Notice("Removed your \(change.emoji).")
        case .statusPosted(let status) where status.checkin != nil:
            // The answered occurrence leaves the inbox.
            state.notice = Notice("Check-in answered: \(status.kind.label).")
            effects.append(.loadInbox)
        case .statusPosted(let status): state.notice = Notice("Status posted: \(status.kind.label).")
        default: break
        }
        return effects + Refresh.reloads(state)
    }

    static func writeFailed(_ message: String, _ state: inout State) -> [Effect] {
        state.compose?.isSending = false
        state.compose?.problem = message
        state.notice = Notice(message, isWarning: true)
        return []
    }

    // MARK: - Drafts

    /// Saves the unsent text when it changed (on a tick, every few dozen
    /// keys, before the external editor, on exit).
    static func autosave(_ state: inout State, force: Bool = false) -> [Effect] {
        guard var compose = state.compose, let key = compose.draftKey, !compose.isSending,
              compose.hasUnsavedChanges
        else { return [] }
        compose.savedRevision = compose.revision
        compose.editsSinceSave = 0
        state.compose = compose
        guard compose.hasText else { return [.deleteDraft(key)] }
        return [.saveDraft(key: key, title: compose.value(.title), body: compose.value(.body))]
    }

    /// A draft was found for the composer being opened: offer it back.
    static func draftLoaded(key: String, _ draft: Draft?, _ state: inout State) -> [Effect] {
        guard let compose = state.compose, compose.draftKey == key, let draft, !draft.isEmpty,
              draft.title + "\u{1F}" + draft.body != compose.draftText
        else { return [] }
        let first = draft.title.isEmpty ? draft.body : draft.title
        let excerpt = DisplayWidth.truncate(WeftCore.Inert.line(first), to: 40)
        state.dialog = DialogState(
            kind: .offerDraft(draft), title: "Restore your draft?",
            message: ["Saved \(state.clock.full(draft.savedAt)):", "“\(excerpt)”", "", "y restore it · n discard it"])
        return []
    }

    static func externalEditorFinished(_ text: String?, _ state: inout State) -> [Effect] {
        guard let text, var compose = state.compose else { return [] }
        compose.update(.body) { content in
            if case .text(var editor) = content {
                editor.setText(text)
                content = .text(editor)
            }
        }
        compose.revision += 1
        compose.problem = nil
        state.compose = compose
        state.notice = Notice("Text taken back from the editor.")
        return autosave(&state)
    }

    // MARK: - Closing and quitting

    /// Closes the composer, saving its text as a draft when there is any.
    static func close(_ state: inout State) -> [Effect] {
        let effects = autosave(&state)
        state.compose = nil
        return effects
    }

    /// Ctrl-C: asks first when a composer holds unsent text.
    static func quitRequested(_ state: inout State) -> [Effect] {
        if let compose = state.compose, compose.hasText, compose.draftKey != nil {
            state.dialog = DialogState(
                kind: .quitWithText, title: "Quit Weft?",
                message: ["You have unsent text. It is kept as a draft", "and offered when you open this composer again."])
            return []
        }
        return Navigation.quit(&state)
    }

    /// End of input or a signal: save the draft, then quit without asking.
    static func saveAndQuit(_ state: inout State) -> [Effect] {
        autosave(&state) + Navigation.quit(&state)
    }

    /// Sizes the editor for the composer's box at the current terminal size.
    static func layout(_ state: inout State) {
        guard var compose = state.compose else { return }
        let areas = ComposeScreen.areas(compose, in: state.layout.body)
        if let rect = areas.body {
            compose.update(.body) { content in
                if case .text(var editor) = content {
                    editor.width = max(1, rect.width)
                    editor.height = max(1, rect.height)
                    content = .text(editor)
                }
            }
        }
        for (id, rect) in areas.lines {
            compose.update(id) { content in
                if case .line(var input) = content {
                    input.fieldWidth = max(1, rect.width)
                    content = .line(input)
                }
            }
        }
        state.compose = compose
    }
}
