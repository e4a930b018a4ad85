import Foundation
import TerminalUI
import WeftCore
import WeftStore

/// Keys of the box over everything: yes/no questions, the draft offer, the
/// reaction picker and the history viewer.
enum DialogUpdate {
    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var dialog = state.dialog else { return [] }
        let command = Command.matching(key, in: dialog.context)
        if command == .quit {
            state.dialog = nil
            if case .quitWithText = dialog.kind {
                return ComposeUpdate.saveAndQuit(&state)
            }
            return ComposeUpdate.quitRequested(&state)
        }
        if case .react(let target, let board, let mine) = dialog.kind {
            switch command {
            case .choose:
                return react(dialog, target: target, board: board, mine: mine, &state)
            case .cancel:
                state.dialog = nil
            case .previousChoice where dialog.input.text.isEmpty:
                dialog.selected = (dialog.selected + DialogState.reactions.count - 1) % DialogState.reactions.count
                state.dialog = dialog
            case .nextChoice where dialog.input.text.isEmpty:
                dialog.selected = (dialog.selected + 1) % DialogState.reactions.count
                state.dialog = dialog
            default:
                _ = dialog.input.handle(key)
                state.dialog = dialog
            }
            return []
        }
        switch command {
        case .confirmYes:
            state.dialog = nil
            return yes(dialog.kind, &state)
        case .confirmNo:
            state.dialog = nil
            if case .offerDraft(let draft) = dialog.kind {
                state.notice = Notice("Draft discarded.")
                return [.deleteDraft(draft.key)]
            }
            return []
        default:
            if case .text(let lines) = dialog.kind {
                switch command {
                case .moveDown: dialog.firstLine = min(dialog.firstLine + 1, max(0, lines.count - 1))
                case .moveUp: dialog.firstLine = max(0, dialog.firstLine - 1)
                default: return []
                }
                state.dialog = dialog
            }
            return []
        }
    }

    private static func yes(_ kind: DialogState.Kind, _ state: inout State) -> [Effect] {
        switch kind {
        case .deletePost(let target, let board):
            return [.write(.postRedacted(PostRedacted(target: target)), board: board, draftKey: nil)]
        case .quitWithText:
            return ComposeUpdate.saveAndQuit(&state)
        case .discardText:
            return ComposeUpdate.close(&state)
        case .offerDraft(let draft):
            state.compose?.restore(draft)
            state.notice = Notice("Draft restored.")
            return []
        case .catchUp(let board, let options):
            return [.catchUp(board, options)]
        case .boardChange(let change):
            return [.perform(change)]
        case .react, .text:
            return []
        }
    }

    private static func react(
        _ dialog: DialogState, target: EventID, board: BoardSlug, mine: [String], _ state: inout State
    ) -> [Effect] {
        let typed = dialog.input.text.trimmingCharacters(in: .whitespaces)
        let choice = typed.isEmpty ? DialogState.reactions[dialog.selected] : typed
        let emoji: String
        do {
            emoji = try Validate.emoji(choice)
        } catch {
            state.notice = Notice(ComposeUpdate.Problem(error).message, isWarning: true)
            return []
        }
        state.dialog = nil
        let change = ReactionChange(target: target, emoji: emoji)
        return [.write(mine.contains(emoji) ? .reactionRemoved(change) : .reactionAdded(change), board: board, draftKey: nil)]
    }
}
