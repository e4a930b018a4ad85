import TerminalUI
import WeftCore

/// Answering a check-in from the inbox.
extension ComposeUpdate {
    /// Enter on a check-in in the inbox: the status composer, linked to the
    /// check-in and its occurrence, with the question quoted. Sending writes a
    /// `status.posted` with `checkin` and `occurrence` to the check-in's board.
    static func openCheckinAnswer(checkin: EventID, occurrence: String, board: BoardSlug, question: String,
                                  _ state: inout State) -> [Effect] {
        var compose = ComposeState(
            purpose: .checkinAnswer(checkin: checkin, occurrence: occurrence, board: board),
            title: "Check-in answer · #\(board) · \(occurrence)",
            fields: [kindField(), body(placeholder: "Your answer (←/→ above change the kind)")],
            draftKey: "checkin:\(checkin):\(occurrence)")
        compose.quote = question
        return open(compose, &state)
    }
}
