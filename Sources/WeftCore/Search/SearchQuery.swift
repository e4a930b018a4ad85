import Foundation

/// A parsed search: what to match and which filters narrow it.
///
/// Read from the text people type (``parse(_:viewer:timeZone:now:)``):
/// words, `"exact phrases"`, `prefix*`, `-excluded`, `OR` between terms, and
/// filters such as `board:design`, `from:ana`, `in:comment`, `is:unread`,
/// `after:2026-11-01`. Terms next to each other must all match; `OR` joins the
/// terms on either side into one group, any of which may match.
///
/// ```swift
/// let q = try SearchQuery.parse("budget OR costs -draft board:ops after:2026-11-01",
///                               viewer: me, timeZone: zone, now: now)
/// // q.groups == [[.word("budget"), .word("costs")]], q.excluded == [.word("draft")]
/// ```
public struct SearchQuery: Hashable, Sendable {
    /// One thing to match.
    public enum Term: Hashable, Sendable {
        /// A whole word (or several joined by punctuation, matched in order).
        case word(String)
        /// Words in this order, next to each other.
        case phrase(String)
        /// A word starting with this.
        case prefix(String)

        /// The text of the term, without quotes or star.
        public var text: String {
            switch self {
            case .word(let t), .phrase(let t), .prefix(let t): t
            }
        }
    }

    /// What kind of thing a result is (`in:`).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case thread, comment, status, decision
    }

    /// Groups that must all match; each group matches when any of its terms does.
    public var groups: [[Term]] = []
    /// Terms no result may contain.
    public var excluded: [Term] = []
    /// `board:` — results from any of these boards.
    public var boards: [BoardSlug] = []
    /// `from:` — results written by any of these people.
    public var authors: [Handle] = []
    /// `in:` — results of these kinds (all kinds when empty).
    public var kinds: Set<Kind> = []
    /// `mentions:` — posts that mention any of these people.
    public var mentions: [Handle] = []
    /// `is:unread` — posts the viewer has not read (and did not write).
    public var unread = false
    /// `is:decided` — posts of decided threads, and decisions.
    public var decided = false
    /// `is:open` — posts with an open follow-up on them.
    public var openFollowUp = false
    /// `has:followup` — posts with a follow-up on them, whatever its state.
    public var hasFollowUp = false
    /// Results written at or after this instant (`after:`, `on:`).
    public var since: Timestamp?
    /// Results written before this instant (`before:`, `on:`).
    public var until: Timestamp?

    public init() {}

    /// Every term to look for (groups and exclusions are not distinguished).
    public var positiveTerms: [Term] { groups.flatMap { $0 } }

    /// Whether the query has anything to match in the text.
    public var hasText: Bool { !groups.isEmpty }

    /// Whether the query only lists by filters (no terms at all).
    public var isFilterOnly: Bool { groups.isEmpty && excluded.isEmpty }

    /// Whether a result of `kind` can match the filters.
    public func allows(_ kind: Kind) -> Bool {
        if !kinds.isEmpty && !kinds.contains(kind) { return false }
        switch kind {
        case .thread, .comment:
            return true
        case .status:
            return !(unread || decided || openFollowUp || hasFollowUp || !mentions.isEmpty)
        case .decision:
            return !(unread || openFollowUp || hasFollowUp || !mentions.isEmpty)
        }
    }
}
