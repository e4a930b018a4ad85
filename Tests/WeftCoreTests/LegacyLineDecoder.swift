// The journal-line decoder as it was before the byte-level rewrite, kept
// verbatim (renamed) as the reference the differential tests compare against.
@testable import WeftCore

typealias LineError = EventCodec.LineError

enum LegacyJSONValue {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([LegacyJSONValue])
    /// Members in line order. Lines have a handful of keys, so a linear search
    /// beats hashing every key into a dictionary.
    case object([(key: String, value: LegacyJSONValue)])

    /// The value of `key` in an object (the last one when a key repeats).
    subscript(key: String) -> LegacyJSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members.reversed() where m.key == key { return m.value }
        return nil
    }
}

struct LegacyJSONScanner {
    enum Failure: Error {
        case syntax(String)
        case invalidUTF8
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0

    /// Parses one complete JSON value that fills `bytes` (surrounding spaces allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> LegacyJSONValue {
        var s = LegacyJSONScanner(bytes: bytes)
        s.skipSpace()
        let v = try s.value(depth: 0)
        s.skipSpace()
        guard s.pos == bytes.count else { throw .syntax("extra text after the value at byte \(s.pos)") }
        return v
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 10 || bytes[pos] == 13 { pos += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> LegacyJSONValue {
        guard depth < 64 else { throw .syntax("nested too deeply") }
        guard pos < bytes.count else { throw .syntax("the line ends too early") }
        switch bytes[pos] {
        case 123: return try object(depth: depth)
        case 91: return try array(depth: depth)
        case 34: return .string(try string())
        case 116: try literal("true"); return .bool(true)
        case 102: try literal("false"); return .bool(false)
        case 110: try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> LegacyJSONValue {
        pos += 1
        var out: [(key: String, value: LegacyJSONValue)] = []
        out.reserveCapacity(8)
        skipSpace()
        if pos < bytes.count, bytes[pos] == 125 { pos += 1; return .object(out) }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 34 else { throw .syntax("expected a key at byte \(pos)") }
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 58 else { throw .syntax("expected ':' at byte \(pos)") }
            pos += 1
            skipSpace()
            out.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard pos < bytes.count else { throw .syntax("the line ends too early") }
            if bytes[pos] == 44 { pos += 1; continue }
            if bytes[pos] == 125 { pos += 1; return .object(out) }
            throw .syntax("expected ',' or '}' at byte \(pos)")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> LegacyJSONValue {
        pos += 1
        var out: [LegacyJSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == 93 { pos += 1; return .array(out) }
        while true {
            skipSpace()
            out.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw .syntax("the line ends too early") }
            if bytes[pos] == 44 { pos += 1; continue }
            if bytes[pos] == 93 { pos += 1; return .array(out) }
            throw .syntax("expected ',' or ']' at byte \(pos)")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw .syntax("the line ends too early") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw .syntax("invalid character at byte \(pos)") }
        pos += n
    }

    private mutating func number() throws(Failure) -> Double {
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            guard (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 else { break }
            pos += 1
        }
        guard pos > start, let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)) else {
            throw .syntax("invalid character at byte \(start)")
        }
        return d
    }

    private mutating func string() throws(Failure) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes; ASCII needs no UTF-8 validation.
        var high: UInt8 = 0
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 34 {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                if high < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw .invalidUTF8 }
                return s
            }
            high |= c
            if c == 92 { break }
            if c < 0x20 { throw .syntax("control character in a string at byte \(pos)") }
            pos += 1
        }
        // Slow path: unescape.
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 34 {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw .invalidUTF8 }
                return s
            }
            if c < 0x20 { throw .syntax("control character in a string at byte \(pos)") }
            if c != 92 {
                out.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case 34, 92, 47: out.append(e)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == 92, bytes[pos + 1] == 117 else {
                        throw .syntax("unpaired surrogate at byte \(pos)")
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .syntax("bad surrogate pair at byte \(pos)") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw .syntax("invalid \\u escape at byte \(pos)") }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                throw .syntax("invalid escape at byte \(pos - 1)")
            }
        }
        throw .syntax("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw .syntax("the line ends too early") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw .syntax("invalid \\u escape at byte \(pos)")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }
}

enum LegacyLineDecoder {
    /// Decodes one line (without its newline).
    static func decode<Bytes: Collection>(_ line: Bytes) throws(LineError) -> Event where Bytes.Element == UInt8 {
        func parse(_ buf: UnsafeBufferPointer<UInt8>) -> Result<LegacyJSONValue, LegacyJSONScanner.Failure> {
            do { return .success(try LegacyJSONScanner.parse(buf)) } catch { return .failure(error) }
        }
        let parsed = line.withContiguousStorageIfAvailable(parse) ?? Array(line).withUnsafeBufferPointer(parse)
        let value: LegacyJSONValue
        switch parsed {
        case .success(let v): value = v
        case .failure(.invalidUTF8): throw .invalidUTF8
        case .failure(.syntax(let why)):
            if String(validating: Array(line), as: UTF8.self) == nil { throw .invalidUTF8 }
            throw .notJSON(why)
        }
        guard case .object = value else { throw .notJSON("the line is JSON but not an object") }
        let f = LegacyFields(object: value)
        let v = try f.int("v")
        if v > JournalFormat.version { throw .newerFormat(v) }
        let id = try f.id("id")
        let at = try f.timestamp("at")
        let author = try f.optHandle("author")
        let type = try f.string("type")
        return Event(id: id, at: at, author: author, payload: try payload(type, f))
    }

    private static func payload(_ type: String, _ f: LegacyFields) throws(LineError) -> Payload {
        switch type {
        case "board.created":
            return .boardCreated(BoardCreated(title: try f.string("title"), purpose: try f.optString("purpose"),
                                              visibility: try f.optEnum("visibility") ?? .public))
        case "board.updated":
            return .boardUpdated(BoardUpdated(title: try f.optString("title"), purpose: try f.optString("purpose")))
        case "thread.created":
            return .threadCreated(ThreadCreated(title: try f.string("title"), blocks: try f.blocks("blocks"),
                                                mentions: try f.optHandles("mentions")))
        case "comment.created":
            return .commentCreated(CommentCreated(thread: try f.id("thread"), parent: try f.optID("parent"),
                                                  anchor: try f.optString("anchor"), body: try f.string("body"),
                                                  mentions: try f.optHandles("mentions")))
        case "post.edited":
            return .postEdited(PostEdited(target: try f.id("target"), title: try f.optString("title"),
                                          blocks: try f.optBlocks("blocks"), body: try f.optString("body")))
        case "post.redacted":
            return .postRedacted(PostRedacted(target: try f.id("target"), reason: try f.optString("reason")))
        case "reaction.added":
            return .reactionAdded(ReactionChange(target: try f.id("target"), emoji: try f.string("emoji")))
        case "reaction.removed":
            return .reactionRemoved(ReactionChange(target: try f.id("target"), emoji: try f.string("emoji")))
        case "status.posted":
            return .statusPosted(StatusPosted(kind: try f.enumValue("kind"), text: try f.string("text"),
                                              checkin: try f.optID("checkin"), occurrence: try f.optString("occurrence")))
        case "followup.requested":
            return .followupRequested(FollowupRequested(target: try f.id("target"), assignee: try f.handle("assignee"),
                                                        due: try f.timestamp("due"), note: try f.optString("note")))
        case "followup.resolved":
            return .followupResolved(FollowupResolved(followup: try f.id("followup"), state: try f.enumValue("state"),
                                                      reason: try f.optString("reason")))
        case "thread.decided":
            return .threadDecided(ThreadDecided(thread: try f.id("thread"), comment: try f.optID("comment"),
                                                summary: try f.optString("summary")))
        case "thread.reopened":
            return .threadReopened(ThreadReopened(thread: try f.id("thread"), reason: try f.optString("reason")))
        case "member.profile":
            return .memberProfile(MemberProfile(name: try f.optString("name"), tz: try f.optString("tz"),
                                                hours: try f.optString("hours"), email: try f.optString("email")))
        case "member.role":
            return .access(.role(MemberRole(handle: try f.handle("handle"), role: try f.enumValue("role"))))
        case "board.members":
            return .access(.members(BoardMembers(added: try f.optHandles("added"), removed: try f.optHandles("removed"))))
        case "board.visibility":
            return .access(.visibility(BoardVisibilityChange(visibility: try f.enumValue("visibility"))))
        case "thread.pinned":
            return .threadPinned(ThreadPin(thread: try f.id("thread")))
        case "thread.unpinned":
            return .threadUnpinned(ThreadPin(thread: try f.id("thread")))
        case "checkin.scheduled":
            return .checkinScheduled(CheckinScheduled(question: try f.string("question"), every: try f.string("every"),
                                                      audience: try f.optHandles("audience")))
        case "checkin.paused":
            return .checkinPaused(CheckinChange(checkin: try f.id("checkin")))
        case "checkin.resumed":
            return .checkinResumed(CheckinChange(checkin: try f.id("checkin")))
        case "checkin.deleted":
            return .checkinDeleted(CheckinChange(checkin: try f.id("checkin")))
        case "followup.rescheduled":
            return .followupRescheduled(FollowupRescheduled(followup: try f.id("followup"), due: try f.timestamp("due")))
        default:
            throw .unknownType(type)
        }
    }
}

/// Typed access to a line's fields.
private struct LegacyFields {
    let object: LegacyJSONValue

    subscript(_ key: String) -> LegacyJSONValue? { object[key] }

    func raw(_ key: String) throws(LineError) -> LegacyJSONValue {
        guard let v = self[key] else { throw .badField("missing '\(key)'") }
        return v
    }

    func string(_ key: String) throws(LineError) -> String {
        guard case .string(let s) = try raw(key) else { throw .badField("'\(key)' has the wrong type") }
        return s
    }

    func optString(_ key: String) throws(LineError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .badField("'\(key)' has the wrong type")
        }
    }

    func int(_ key: String) throws(LineError) -> Int {
        guard case .number(let d) = try raw(key), let i = Int(exactly: d) else { throw .badField("'\(key)' has the wrong type") }
        return i
    }

    func id(_ key: String) throws(LineError) -> EventID {
        let s = try string(key)
        guard let id = EventID(s) else { throw .badField("\(key): not a lowercase UUID: \(Inert.line(String(s.prefix(40))))") }
        return id
    }

    func optID(_ key: String) throws(LineError) -> EventID? {
        guard let s = try optString(key) else { return nil }
        guard let id = EventID(s) else { throw .badField("\(key): not a lowercase UUID: \(Inert.line(String(s.prefix(40))))") }
        return id
    }

    func timestamp(_ key: String) throws(LineError) -> Timestamp {
        let s = try string(key)
        guard let t = Timestamp(iso8601: s) else { throw .badField("\(key): not a UTC ISO-8601 time: \(Inert.line(String(s.prefix(40))))") }
        return t
    }

    func handle(_ key: String) throws(LineError) -> Handle {
        let s = try string(key)
        do { return try Handle(s) } catch { throw .badField("\(key): \(error.description)") }
    }

    func optHandle(_ key: String) throws(LineError) -> Handle? {
        guard let v = self[key] else { return nil }
        if case .null = v { return nil }
        return try handle(key)
    }

    func optHandles(_ key: String) throws(LineError) -> [Handle]? {
        switch self[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var out: [Handle] = []
            for item in items {
                guard case .string(let s) = item, let h = try? Handle(s) else { throw .badField("'\(key)' must be a list of handles") }
                out.append(h)
            }
            return out
        default: throw .badField("'\(key)' has the wrong type")
        }
    }

    func blocks(_ key: String) throws(LineError) -> [Block] {
        guard let b = try optBlocks(key) else { throw .badField("missing '\(key)'") }
        return b
    }

    func optBlocks(_ key: String) throws(LineError) -> [Block]? {
        switch self[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var out: [Block] = []
            for item in items {
                guard case .object = item, case .string(let id)? = item["id"], case .string(let text)? = item["text"] else {
                    throw .badField("'\(key)' must be a list of {\"id\", \"text\"} objects")
                }
                out.append(Block(id: id, text: text))
            }
            return out
        default: throw .badField("'\(key)' has the wrong type")
        }
    }

    func enumValue<T: RawRepresentable>(_ key: String) throws(LineError) -> T where T.RawValue == String {
        let s = try string(key)
        guard let v = T(rawValue: s) else { throw .badField("\(key): unknown value '\(Inert.line(String(s.prefix(40))))'") }
        return v
    }

    func optEnum<T: RawRepresentable>(_ key: String) throws(LineError) -> T? where T.RawValue == String {
        guard try optString(key) != nil else { return nil }
        return try enumValue(key) as T
    }
}
