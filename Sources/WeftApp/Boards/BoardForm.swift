import TerminalUI
import WeftCore
import WeftStore

/// The new-board form (`B` on Boards or in the sidebar): a composer with the
/// purpose `.newBoard` and five fields — slug, title, what the board is for,
/// public or private, and members (comma-separated handles; Tab completes).
///
/// Sending (Ctrl-S) checks what was typed with the same rules as
/// `weft board create` and asks for `Effect.createBoard`; the store then
/// checks the rest (a taken slug, a guest, the ACL tools on a shared space).
/// Any problem shows in the box and nothing is written.
enum BoardForm {
    static let visibilities: [Visibility] = [.public, .private]

    static func open(_ state: inout State) -> [Effect] {
        let compose = ComposeState(
            purpose: .newBoard, title: "New board",
            fields: [
                line(.slug, "Slug", placeholder: "1-40 of a-z, 0-9 and -"),
                line(.title, "Title", placeholder: "default: the slug"),
                line(.about, "About", placeholder: "what the board is for (optional)"),
                ComposeState.Field(id: .visibility, label: "Access",
                                   content: .choice(visibilities.map(\.rawValue), selected: 0)),
                line(.members, "People", placeholder: "members besides you: ann, bob (Tab completes)"),
            ],
            draftKey: nil)
        var form = compose
        form.quote = "Ctrl-S creates it. Private: only you and the people listed can read it."
        var effects = ComposeUpdate.open(form, &state)
        state.compose?.focusSlug()
        if !effects.contains(.loadMembers) { effects.append(.loadMembers) }
        return effects
    }

    private static func line(_ id: ComposeState.FieldID, _ label: String, placeholder: String) -> ComposeState.Field {
        ComposeState.Field(id: id, label: label, content: .line(LineInput(placeholder: placeholder)))
    }

    /// What `Effect.createBoard` needs, checked.
    struct Request: Equatable {
        var slug: BoardSlug
        var title: String
        var about: String?
        var visibility: Visibility
        var members: [Handle]
    }

    /// The fields as a board to create, or the one thing wrong with them.
    static func request(_ compose: ComposeState, _ state: State) -> Result<Request, ComposeUpdate.Problem> {
        let slugText = compose.value(.slug).trimmingCharacters(in: .whitespaces)
        guard !slugText.isEmpty else { return .failure(.init("Give the board a slug: 1-40 of a-z, 0-9 and '-'.")) }
        let slug: BoardSlug
        do { slug = try BoardSlug(slugText) } catch { return .failure(.init(error)) }
        if state.boards.rows.contains(where: { $0.board.slug == slug }) {
            return .failure(.init("There is already a board '\(slug)': choose another slug."))
        }
        let titleText = compose.value(.title).trimmingCharacters(in: .whitespaces)
        let title: String
        do { title = try Validate.title(titleText.isEmpty ? slug.rawValue : titleText) } catch { return .failure(.init(error)) }
        let aboutText = compose.value(.about).trimmingCharacters(in: .whitespaces)
        var about: String?
        if !aboutText.isEmpty {
            do { about = try Validate.title(aboutText) } catch { return .failure(.init(error)) }
        }
        let visibility = Visibility(rawValue: compose.value(.visibility)) ?? .public
        let members: [Handle]
        switch handles(compose.value(.members), state) {
        case .success(let list): members = list
        case .failure(let problem): return .failure(problem)
        }
        return .success(Request(slug: slug, title: title, about: about, visibility: visibility, members: members))
    }

    /// The handles typed in a members field, each a known member of the space.
    static func handles(_ text: String, _ state: State) -> Result<[Handle], ComposeUpdate.Problem> {
        let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { String($0.trimmingPrefix("@")) }
        let known = Set(ComposeUpdate.knownHandles(state))
        var result: [Handle] = []
        for word in words {
            let handle: Handle
            do { handle = try Handle(word) } catch { return .failure(.init(error)) }
            guard known.contains(handle) else {
                return .failure(.init("Unknown handle '\(Inert.line(word))': nobody in this space has it (Tab completes handles)."))
            }
            if !result.contains(handle) { result.append(handle) }
        }
        return .success(result)
    }

    /// Ctrl-S: checks the fields and asks the store to create the board.
    static func submit(_ state: inout State) -> [Effect] {
        guard var compose = state.compose, !compose.isSending else { return [] }
        switch request(compose, state) {
        case .failure(let problem):
            compose.problem = problem.message
            state.compose = compose
            state.notice = Notice(problem.message, isWarning: true)
            return []
        case .success(let r):
            compose.isSending = true
            compose.problem = nil
            state.compose = compose
            return [.createBoard(r.slug, title: r.title, purpose: r.about, visibility: r.visibility, members: r.members)]
        }
    }

    /// The store created the board: close the form and open the board.
    static func created(_ slug: BoardSlug, visibility: Visibility, members: Int, _ state: inout State) -> [Effect] {
        state.compose = nil
        let who = visibility == .private ? ", \(members) member\(members == 1 ? "" : "s")" : ""
        state.notice = Notice("Board #\(slug) created (\(visibility.rawValue)\(who)).")
        return [.loadBoards, .countUnread] + Navigation.openBoard(slug, &state)
    }

    // MARK: - Completing handles

    /// The last handle being typed in the members field, lowercased, without `@`.
    private static func partial(_ text: String) -> (typed: String, prefix: String) {
        let cut = text.lastIndex(where: { $0 == "," || $0 == " " }).map { text.index(after: $0) } ?? text.startIndex
        return (String(text[cut...].trimmingPrefix("@")).lowercased(), String(text[..<cut]))
    }

    /// Handles the last word of the members field could complete to (not the
    /// viewer, who always belongs, nor those already listed).
    static func completions(_ compose: ComposeState, _ state: State) -> [Handle] {
        let text = compose.value(.members)
        let (typed, prefix) = partial(text)
        guard !typed.isEmpty else { return [] }
        let listed = Set(prefix.split(whereSeparator: { $0 == "," || $0 == " " }).map { String($0.trimmingPrefix("@")) })
        return Array(
            ComposeUpdate.knownHandles(state).filter {
                $0 != state.viewer && !listed.contains($0.rawValue) && $0.rawValue.hasPrefix(typed) && $0.rawValue != typed
            }.prefix(8))
    }

    /// Tab: replaces the word being typed with `handle` and a comma.
    static func complete(_ handle: Handle, _ state: inout State) {
        guard var compose = state.compose else { return }
        let (_, prefix) = partial(compose.value(.members))
        compose.update(.members) { content in
            if case .line(var input) = content {
                input.setText(prefix + handle.rawValue + ", ")
                content = .line(input)
            }
        }
        compose.completions = []
        state.compose = compose
    }
}

extension ComposeState {
    /// Puts the focus on the slug (the composer starts on a title or text).
    mutating func focusSlug() {
        if let index = fields.firstIndex(where: { $0.id == .slug }) { focus = index }
    }
}
