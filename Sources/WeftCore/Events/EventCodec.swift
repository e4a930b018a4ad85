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
        }
    }

    /// Decodes one line (without its newline).
    public static func decode<Bytes: Collection>(_ line: Bytes) throws(LineError) -> Event where Bytes.Element == UInt8 {
        let data = Data(line)
        guard String(validating: data, as: UTF8.self) != nil else { throw .invalidUTF8 }
        do {
            return try JSONDecoder().decode(EventEnvelope.self, from: data).event
        } catch let e as LineError {
            throw e
        } catch let DecodingError.dataCorrupted(ctx) {
            if ctx.codingPath.isEmpty { throw .notJSON(ctx.debugDescription.prefix(80).description) }
            throw .badField("\(path(ctx.codingPath)): \(ctx.debugDescription)")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw .badField("missing '\(path(ctx.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw .badField("'\(path(ctx.codingPath))' has the wrong type")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw .badField("'\(path(ctx.codingPath))' is null")
        } catch {
            throw .notJSON("\(error)".prefix(80).description)
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Decodes the flat line: the envelope keys, then the payload chosen by `type`.
private struct EventEnvelope: Decodable {
    var event: Event

    enum Keys: String, CodingKey { case v, id, at, author, type }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let v = try c.decode(Int.self, forKey: .v)
        if v > JournalFormat.version { throw EventCodec.LineError.newerFormat(v) }
        let id = try c.decode(EventID.self, forKey: .id)
        let at = try c.decode(Timestamp.self, forKey: .at)
        let author = try c.decodeIfPresent(Handle.self, forKey: .author)
        let type = try c.decode(String.self, forKey: .type)
        let payload: Payload
        switch type {
        case "board.created": payload = .boardCreated(try BoardCreated(from: decoder))
        case "board.updated": payload = .boardUpdated(try BoardUpdated(from: decoder))
        case "thread.created": payload = .threadCreated(try ThreadCreated(from: decoder))
        case "comment.created": payload = .commentCreated(try CommentCreated(from: decoder))
        case "post.edited": payload = .postEdited(try PostEdited(from: decoder))
        case "post.redacted": payload = .postRedacted(try PostRedacted(from: decoder))
        case "reaction.added": payload = .reactionAdded(try ReactionChange(from: decoder))
        case "reaction.removed": payload = .reactionRemoved(try ReactionChange(from: decoder))
        case "status.posted": payload = .statusPosted(try StatusPosted(from: decoder))
        case "followup.requested": payload = .followupRequested(try FollowupRequested(from: decoder))
        case "followup.resolved": payload = .followupResolved(try FollowupResolved(from: decoder))
        case "thread.decided": payload = .threadDecided(try ThreadDecided(from: decoder))
        case "thread.reopened": payload = .threadReopened(try ThreadReopened(from: decoder))
        case "member.profile": payload = .memberProfile(try MemberProfile(from: decoder))
        default: throw EventCodec.LineError.unknownType(type)
        }
        event = Event(id: id, at: at, author: author, payload: payload)
    }
}
