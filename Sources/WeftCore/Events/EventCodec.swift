import Foundation

/// Reads and writes journal lines. Writing puts the envelope first
/// (`v`, `id`, `at`, `author`, `type`) and the payload keys after it, sorted,
/// so lines are stable and easy to read with other tools.
public enum EventCodec {
    /// Why a line could not be read.
    public enum LineError: Error, Equatable, Sendable, CustomStringConvertible {
        case invalidUTF8
        case notJSON(String)
        case newerFormat(Int)
        case unknownType(String)
        case badField(String)

        public var description: String {
            switch self {
            case .invalidUTF8: "not valid UTF-8"
            case .notJSON(let why): "not a JSON object (\(why))"
            case .newerFormat(let v): "written in format v\(v) by a newer weft; upgrade to read it"
            case .unknownType(let t): "unknown event type '\(Inert.line(t))'"
            case .badField(let why): "bad field: \(why)"
            }
        }
    }

    /// One line of JSON, without the trailing newline.
    public static func encode(_ event: Event) -> String {
        var head = "{\"v\":\(JournalFormat.version),\"id\":\"\(event.id.rawValue)\",\"at\":\"\(event.at.iso8601)\""
        if let author = event.author { head += ",\"author\":\"\(author.rawValue)\"" }
        head += ",\"type\":\"\(event.type)\""
        let body = payloadJSON(event.payload)
        // body is "{...}"; splice its members after the envelope.
        if body.utf8.count <= 2 { return head + "}" }
        return head + "," + body.dropFirst()
    }

    private static func payloadJSON(_ p: Payload) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func enc<T: Encodable>(_ v: T) -> String {
            // Encoding plain value types with string/array fields cannot fail.
            (try? encoder.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        switch p {
        case .boardCreated(let v): return enc(v)
        case .boardUpdated(let v): return enc(v)
        case .threadCreated(let v): return enc(v)
        case .commentCreated(let v): return enc(v)
        case .postEdited(let v): return enc(v)
        case .postRedacted(let v): return enc(v)
        case .reactionAdded(let v): return enc(v)
        case .reactionRemoved(let v): return enc(v)
        case .statusPosted(let v): return enc(v)
        case .followupRequested(let v): return enc(v)
        case .followupResolved(let v): return enc(v)
        case .threadDecided(let v): return enc(v)
        case .threadReopened(let v): return enc(v)
        case .memberProfile(let v): return enc(v)
        case .access(.role(let v)): return enc(v)
        case .access(.members(let v)): return enc(v)
        case .access(.visibility(let v)): return enc(v)
        case .threadPinned(let v), .threadUnpinned(let v): return enc(v)
        case .checkinScheduled(let v): return enc(v)
        case .checkinPaused(let v), .checkinResumed(let v), .checkinDeleted(let v): return enc(v)
        case .followupRescheduled(let v): return enc(v)
        }
    }

}
