import TerminalUI
import WeftCore
import WeftStore

/// @mentions, and turning the fields into an event (or a clear problem).
extension ComposeUpdate {
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
        if compose.focusedField?.id == .members {
            compose.completions = BoardForm.completions(compose, state)
            state.compose = compose
            return
        }
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
    static func complete(_ state: inout State) {
        guard var compose = state.compose, let handle = compose.completions.first else { return }
        if compose.focusedField?.id == .members {
            return BoardForm.complete(handle, &state)
        }
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
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            let board = try? BoardSlug(compose.value(.board))
            return Write(payload: .statusPosted(StatusPosted(kind: try statusKind(compose), text: body)), board: board)
        case .checkinAnswer(let checkin, let occurrence, let board):
            let body = try checked { () throws(ValidationError) in try Validate.body(text) }
            let answer = StatusPosted(kind: try statusKind(compose), text: body, checkin: checkin, occurrence: occurrence)
            return Write(payload: .statusPosted(answer), board: board)
        case .statusFilter:
            throw Problem("A filter is applied, not sent.")
        case .newBoard:
            throw Problem("A board is created, not sent.")
        }
    }

    /// The kind chosen in a status composer.
    private static func statusKind(_ compose: ComposeState) throws(Problem) -> StatusKind {
        guard let field = compose.field(.kind), case .choice(_, let selected) = field.content,
              StatusKind.allCases.indices.contains(selected)
        else { throw Problem("Choose the kind of status update.") }
        return StatusKind.allCases[selected]
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
}
