import Foundation

/// One paragraph of a thread's body. Blocks keep their id across edits when their
/// text is unchanged, so contextual comments stay attached to the right place.
public struct Block: Hashable, Sendable, Codable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public enum Blocks {
    /// Splits a body into paragraphs at blank lines; ids are `b1`, `b2`, … in order.
    public static func split(_ body: String) -> [Block] {
        paragraphs(body).enumerated().map { Block(id: "b\($0.offset + 1)", text: $0.element) }
    }

    /// Splits an edited body and gives each paragraph that is unchanged from
    /// `previous` its old id; new paragraphs get fresh ids after the highest used.
    public static func split(_ body: String, reusing previous: [Block]) -> [Block] {
        var unused = previous
        var next = (previous.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
        return paragraphs(body).map { text in
            if let i = unused.firstIndex(where: { $0.text == text }) {
                return unused.remove(at: i)
            }
            defer { next += 1 }
            return Block(id: "b\(next)", text: text)
        }
    }

    /// The body as a person wrote it: paragraphs joined by one blank line.
    public static func join(_ blocks: [Block]) -> String {
        blocks.map(\.text).joined(separator: "\n\n")
    }

    static func paragraphs(_ body: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        // "\r\n" is one Character in Swift, so normalise line ends first.
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n")
        for l in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if l.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { result.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(l)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n")) }
        return result
    }
}
