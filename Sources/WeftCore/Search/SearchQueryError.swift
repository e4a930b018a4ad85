/// Why a search could not be read. Each message names the token at fault and
/// says what would work instead.
public enum SearchQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing to search for.
    case empty
    /// A filter name that does not exist (`colour:red`).
    case unknownFilter(String)
    /// A known filter with a value it does not take (`in:email`).
    case badValue(String, expected: String)
    /// A date filter whose date cannot be read (`before:yesterdayish`).
    case badDate(String)
    /// A filter with nothing after the colon (`board:`).
    case missingValue(String)
    /// A `"` with no closing `"`.
    case unclosedQuote(String)
    /// `OR` with no term on one side.
    case danglingOr
    /// A term that is only punctuation or a star (`*`, `-`).
    case emptyTerm(String)
    /// `after:` later than `before:`, so nothing can match.
    case emptyDateRange(String, String)

    public var description: String {
        switch self {
        case .empty:
            return "the search is empty: type words to find, or a filter such as board:NAME or from:HANDLE"
        case .unknownFilter(let t):
            return "unknown filter '\(Inert.line(t))': use board:, from:, in:, is:, has:, mentions:, before:, after: or on: (put a word with a colon in quotes)"
        case .badValue(let t, let expected):
            return "'\(Inert.line(t))' is not a valid filter value: use \(expected)"
        case .badDate(let t):
            return "cannot read the date in '\(Inert.line(t))': use YYYY-MM-DD, today, yesterday, or a number of days or weeks ago such as 7d or 2w"
        case .missingValue(let t):
            return "the filter '\(Inert.line(t))' has no value: write it without a space, e.g. board:general"
        case .unclosedQuote(let t):
            return "the phrase \(Inert.line(t)) has no closing quote: end it with \""
        case .danglingOr:
            return "OR needs a term on each side, e.g. budget OR costs"
        case .emptyTerm(let t):
            return "'\(Inert.line(t))' has nothing to search for: give at least one letter or digit"
        case .emptyDateRange(let after, let before):
            return "'\(Inert.line(after))' is not earlier than '\(Inert.line(before))': no date can match both"
        }
    }
}
