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
    // MARK: - Opening

    /// Opens `compose` (over whatever is on screen) and asks for its draft.
    static func open(_ compose: ComposeState, _ state: inout State) -> [Effect] {
        state.compose = compose
        state.help = nil
        layout(&state)
        var effects: [Effect] = []
        if let key = compose.draftKey {
            effects.append(.loadDraft(key))
        }
        if state.members.members.isEmpty {
            effects.append(.loadMembers)
        }
        return effects
    }

    static func body(_ text: String = "", placeholder: String) -> ComposeState.Field {
        ComposeState.Field(
            id: .body, label: "Text",
            content: .text(Editor(text: text, limit: .utf8Bytes(Limits.bodyBytes), placeholder: placeholder)))
    }

    static func titleField(_ text: String = "") -> ComposeState.Field {
        ComposeState.Field(id: .title, label: "Title", content: .line(LineInput(text: text, placeholder: "one line")))
    }

    /// `N`: a new thread, in the open or selected board.
    static func openNewThread(_ state: inout State) -> [Effect] {
        let slugs = state.boards.rows.map(\.board.slug)
        guard !slugs.isEmpty else {
            state.notice = Notice("There is no board yet: create one with `weft board create`.", isWarning: true)
            return []
        }
        var current = state.board?.slug
        if case .boards = state.route, let index = state.boards.list.selectedIndex, index < slugs.count {
            current = slugs[index]
        }
        let selected = current.flatMap { slugs.firstIndex(of: $0) } ?? 0
        let compose = ComposeState(
            purpose: .newThread, title: "New thread",
            fields: [
                ComposeState.Field(id: .board, label: "Board", content: .choice(slugs.map(\.rawValue), selected: selected)),
                titleField(),
                body(placeholder: "Write the first post. A blank line starts a new paragraph; **bold**, *emphasis*, `code`, - lists, > quotes."),
            ],
            draftKey: "thread")
        return open(compose, &state)
    }

    /// `r` on the thread or a paragraph, `r` on a comment (a reply), `c` on
    /// a paragraph (a contextual comment).
    static func openComment(on detail: ThreadDetail, parent: PostView?, block: Block?, _ state: inout State) -> [Effect] {
        let thread = detail.thread.id
        let title: String
        let key: String
        if let parent {
            title = "Reply to \(parent.author)"
            key = "reply:\(parent.id)"
        } else if let block {
            title = "Comment on ¶\((detail.thread.blocks.firstIndex(of: block) ?? 0) + 1)"
            key = "block:\(thread):\(block.id)"
        } else {
            title = "Comment on “\(detail.thread.title ?? "")”"
            key = "comment:\(thread)"
        }
        var compose = ComposeState(
            purpose: .comment(thread: thread, board: detail.board.slug, parent: parent?.id, anchor: block?.id),
            title: title, fields: [body(placeholder: "Write your comment. @ mentions someone (Tab completes).")],
            draftKey: key)
        compose.quote = block?.text ?? parent.map { $0.redacted ? "[deleted]" : $0.body }
        return open(compose, &state)
    }

    /// `e` on the viewer's post.
    static func openEdit(_ post: PostView, in detail: ThreadDetail, _ state: inout State) -> [Effect] {
        let isThread = post.kind == .thread
        var fields: [ComposeState.Field] = []
        if isThread {
            fields.append(titleField(post.title ?? ""))
        }
        fields.append(body(isThread ? Blocks.join(post.blocks) : post.body, placeholder: "The new text."))
        let compose = ComposeState(
            purpose: .edit(target: post.id, board: detail.board.slug, isThread: isThread, blocks: post.blocks),
            title: isThread ? "Edit thread" : "Edit comment", fields: fields, draftKey: "edit:\(post.id)")
        return open(compose, &state)
    }

    /// `s`: a status update.
    static func openStatus(_ state: inout State) -> [Effect] {
        let boards = ["(no board)"] + state.boards.rows.map(\.board.slug.rawValue)
        let current = state.board.flatMap { boards.firstIndex(of: $0.slug.rawValue) } ?? 0
        let compose = ComposeState(
            purpose: .status, title: "Status update",
            fields: [
                ComposeState.Field(id: .kind, label: "Kind", content: .choice(StatusKind.allCases.map(\.label), selected: 0)),
                ComposeState.Field(id: .board, label: "Board", content: .choice(boards, selected: current)),
                body(placeholder: "What is the news? (←/→ above change the kind and board)"),
            ],
            draftKey: "status")
        return open(compose, &state)
    }

    // MARK: - Keys

    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var compose = state.compose else { return [] }
        let command = Command.matching(key, in: .compose)
        switch command {
        case .quit:
            return quitRequested(&state)
        case .send:
            return compose.purpose == .statusFilter ? StatusScreen.applyFilter(&state) : send(&state)
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
            case .enter, .down: compose.focus = min(compose.fields.count - 1, compose.focus + 1)
            default: return
            }
        }
        compose.fields[compose.focus] = field
        compose.problem = nil
        compose.editsSinceSave += 1
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

    // MARK: - Mentions

    /// Handles a mention may name: the members, and the viewer.
    static func knownHandles(_ state: State) -> [Handle] {
        var handles = state.members.members.map(\.handle)
        if !handles.contains(state.viewer) {
            handles.append(state.viewer)
        }
        return handles.sorted { $0.rawValue < $1.rawValue }
    }

    /// Offers the handles the `@word` before the cursor could complete to.
    static func updateCompletions(_ state: inout State) {
        guard var compose = state.compose else { return }
        compose.completions = []
        let word: String? =
            switch compose.focusedField?.content {
            case .text(let editor): editor.wordBeforeCursor
            default: nil
            }
        if let word, word.hasPrefix("@") {
            let prefix = word.dropFirst().lowercased()
            compose.completions = Array(
                knownHandles(state).filter { $0.rawValue.hasPrefix(prefix) && $0.rawValue != prefix }.prefix(8))
        }
        state.compose = compose
    }

    /// Tab while handles are offered: completes the first.
    private static func complete(_ state: inout State) {
        guard var compose = state.compose, let handle = compose.completions.first else { return }
        _ = compose.editFocusedText { editor in
            editor.replaceBeforeCursor(editor.wordBeforeCursor.count, with: "@\(handle.rawValue) ")
        }
        compose.completions = []
        compose.editsSinceSave += 1
        state.compose = compose
    }

    /// The handles `@mentioned` in `text`, in order, once each. An `@` inside
    /// a word (an e-mail address) is not a mention.
    static func mentions(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "_" {
                continue
            }
            var end = index + 1
            while end < characters.count,
                  characters[end].isLetter || characters[end].isNumber || "_.-".contains(characters[end])
            {
                end += 1
            }
            var name = String(characters[(index + 1)..<end])
            while let last = name.last, ".-".contains(last) {
                name.removeLast()
            }
            if !name.isEmpty, !found.contains(name) {
                found.append(name)
            }
            index = end - 1
        }
        return found
    }

    // MARK: - Sending

    /// Checks what was typed and, when all is well, asks for the write.
    static func send(_ state: inout State) -> [Effect] {
        guard var compose = state.compose, !compose.isSending else { return [] }
        switch validated(compose, state) {
        case .failure(let problem):
            compose.problem = problem.message
            state.compose = compose
            state.notice = Notice(problem.message, isWarning: true)
            return []
        case .success(let write):
            compose.isSending = true
            compose.problem = nil
            state.compose = compose
            return [.write(write.payload, board: write.board, draftKey: compose.draftKey)]
        }
    }

    struct Write {
        var payload: Payload
        var board: BoardSlug?
    }

    struct Problem: Error {
        var message: String

        init(_ message: String) {
            self.message = message
        }

        /// A validation error as a sentence.
        init(_ error: ValidationError) {
            let text = error.description
            message = text.prefix(1).uppercased() + text.dropFirst() + "."
        }
    }

    /// The event the composer's fields make, or what is wrong with them.
    static func validated(_ compose: ComposeState, _ state: State) -> Result<Write, Problem> {
        do throws(Problem) {
            return .success(try write(compose, state))
        } catch {
            return .failure(error)
        }
    }

    private static func write(_ compose: ComposeState, _ state: State) throws(Problem) -> Write {
        func checked<T>(_ body: () throws(ValidationError) -> T) throws(Problem) -> T {
            do { return try body() } catch { throw Problem(error) }
        }
        let title = compose.value(.title)
        let text = compose.value(.body)
        let mentioned = try mentionedHandles(in: title + "\n" + text, state)
        switch compose.purpose {
        case .newThread:
            guard let board = try? BoardSlug(compose.value(.board)) else { throw Problem("Choose a board for the thread.") }
            let validTitle = try checked { () throws(ValidationError) in try Validate.title(title) }
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            let payload = ThreadCreated(title: validTitle, blocks: Blocks.split(body), mentions: mentioned.isEmpty ? nil : mentioned)
            return Write(payload: .threadCreated(payload), board: board)
        case .comment(let thread, let board, let parent, let anchor):
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            let payload = CommentCreated(thread: thread, parent: parent, anchor: anchor, body: body,
                                         mentions: mentioned.isEmpty ? nil : mentioned)
            return Write(payload: .commentCreated(payload), board: board)
        case .edit(let target, let board, let isThread, let blocks):
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            if isThread {
                let validTitle = try checked { () throws(ValidationError) in try Validate.title(title) }
                let edited = PostEdited(target: target, title: validTitle, blocks: Blocks.split(body, reusing: blocks))
                return Write(payload: .postEdited(edited), board: board)
            }
            return Write(payload: .postEdited(PostEdited(target: target, body: body)), board: board)
        case .status:
            guard let field = compose.field(.kind), case .choice(_, let selected) = field.content,
                  StatusKind.allCases.indices.contains(selected)
            else { throw Problem("Choose the kind of status update.") }
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            let board = try? BoardSlug(compose.value(.board))
            return Write(payload: .statusPosted(StatusPosted(kind: StatusKind.allCases[selected], text: body)), board: board)
        case .statusFilter:
            throw Problem("A filter is applied, not sent.")
        }
    }

    /// The mentioned handles, all of them known; else the unknown one.
    private static func mentionedHandles(in text: String, _ state: State) throws(Problem) -> [Handle] {
        let known = knownHandles(state)
        var handles: [Handle] = []
        for name in mentions(in: text) {
            guard let handle = known.first(where: { $0.rawValue == name }) else {
                throw Problem(
                    "Unknown mention @\(WeftCore.Inert.line(name)): nobody in this space has that handle. Fix it or remove the @ (Tab completes handles)."
                )
            }
            handles.append(handle)
        }
        return handles
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
        case .statusPosted(let status): state.notice = Notice("Status posted: \(status.kind.label).")
        default: break
        }
        return Refresh.reloads(state)
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
