/// The kind of a status update.
public enum StatusKind: String, CaseIterable, Sendable, Codable {
    case onTrack, atRisk, blocked, done, note

    /// Accepts the raw value and friendly spellings (`on-track`, `at_risk`, `ontrack`).
    public init(parsing text: String) throws(ValidationError) {
        let key = text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        guard let kind = StatusKind.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
            throw .badStatusKind(text)
        }
        self = kind
    }

    /// Words for people: "on track", "at risk", …
    public var label: String {
        switch self {
        case .onTrack: "on track"
        case .atRisk: "at risk"
        case .blocked: "blocked"
        case .done: "done"
        case .note: "note"
        }
    }
}

/// Whether a board is open to everyone in the space or to its members only.
public enum Visibility: String, Sendable, Codable, CaseIterable {
    case `public`, `private`
}

/// Where a follow-up stands.
public enum FollowUpState: String, Sendable, Codable, CaseIterable {
    case open, done, declined, cancelled
}
