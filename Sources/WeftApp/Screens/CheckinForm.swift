import TerminalUI
import WeftCore
import WeftStore

/// The form `C` opens over a board: a recurring question, its schedule and who
/// is asked. `Tab` moves between the fields, `Enter` schedules, `Esc` cancels.
public struct CheckinForm: Equatable, Sendable {
    public let board: BoardSlug
    public internal(set) var question = LineInput(fieldWidth: 40, placeholder: "What did you ship this week?")
    public internal(set) var every = LineInput(text: "fri 16:00", fieldWidth: 40)
    public internal(set) var audience = LineInput(fieldWidth: 40, placeholder: "everyone (or ann,bob)")
    /// 0 question, 1 schedule, 2 audience.
    public internal(set) var field = 0

    static let labels = ["Question", "Every", "Audience"]
}

enum CheckinFormScreen {
    static func open(_ state: inout State) -> [Effect] {
        guard let slug = state.board?.slug else { return [] }
        state.checkinForm = CheckinForm(board: slug)
        return []
    }

    static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        guard var form = state.checkinForm else { return [] }
        switch key {
        case .escape:
            state.checkinForm = nil
            state.notice = Notice("No check-in scheduled.")
            return []
        case .tab, .down:
            form.field = (form.field + 1) % 3
        case .up:
            form.field = (form.field + 2) % 3
        case .enter:
            switch validated(form) {
            case .success(let effect):
                state.checkinForm = nil
                return [effect]
            case .failure(let message):
                state.notice = Notice(message, isWarning: true)
                return []
            }
        default:
            switch form.field {
            case 0: _ = form.question.handle(key)
            case 1: _ = form.every.handle(key)
            default: _ = form.audience.handle(key)
            }
        }
        state.checkinForm = form
        return []
    }

    enum Checked { case success(Effect), failure(String) }

    /// The same checks as `weft checkin create`, before anything is written.
    static func validated(_ form: CheckinForm) -> Checked {
        let question: String
        do { question = try Validate.title(form.question.text) } catch {
            return .failure("Question: " + error.description)
        }
        let every: Recurrence
        do { every = try Recurrence(parsing: form.every.text) } catch { return .failure(error.description) }
        var people: [Handle] = []
        for word in form.audience.text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            do { people.append(try Handle(String(word))) } catch { return .failure("Audience: " + error.description) }
        }
        return .success(.scheduleCheckin(form.board, question: question, every: every.description, audience: people))
    }

    static func render(_ form: CheckinForm, in area: Rect, into grid: inout CellGrid) {
        let blank = String(repeating: " ", count: 52)
        let lines = ["A recurring question, asked at each person's own local time.", "", blank, blank, blank]
        let modal = Modal(title: "New check-in · #" + form.board.rawValue, lines: lines, footer: "Tab next · Enter schedule · Esc cancel")
        let box = modal.render(into: &grid, in: area)
        guard box.height >= 7, box.width > 20 else { return }
        for (i, input) in [form.question, form.every, form.audience].enumerated() {
            let y = box.y + 3 + i
            let label = CheckinForm.labels[i]
            grid.put(label, x: box.x + 2, y: y, style: Style(i == form.field ? .accent : .dim, i == form.field ? [.bold] : []))
            let field = Rect(x: box.x + 12, y: y, width: max(1, box.width - 14), height: 1)
            var shown = input
            shown.fieldWidth = field.width
            _ = shown.render(into: &grid, in: field, style: Style(.normal, i == form.field ? [.underline] : []))
        }
    }
}
