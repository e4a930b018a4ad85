/// Decoding journal lines with ``JSONScanner``: the envelope, then the payload
/// chosen by `type`, field by field, with errors that name the field.
extension EventCodec {
    /// Decodes one line (without its newline).
    public static func decode<Bytes: Collection>(_ line: Bytes) throws(LineError) -> Event where Bytes.Element == UInt8 {
        func parse(_ buf: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONScanner.Failure> {
            do { return .success(try JSONScanner.parse(buf)) } catch { return .failure(error) }
        }
        let parsed = line.withContiguousStorageIfAvailable(parse) ?? Array(line).withUnsafeBufferPointer(parse)
        let value: JSONValue
        switch parsed {
        case .success(let v): value = v
        case .failure(.invalidUTF8): throw .invalidUTF8
        case .failure(.syntax(let why)):
            if String(validating: Array(line), as: UTF8.self) == nil { throw .invalidUTF8 }
            throw .notJSON(why)
        }
        guard case .object = value else { throw .notJSON("the line is JSON but not an object") }
        let f = Fields(object: value)
        let v = try f.int("v")
        if v > JournalFormat.version { throw .newerFormat(v) }
        let id = try f.id("id")
        let at = try f.timestamp("at")
        let author = try f.optHandle("author")
        let type = try f.string("type")
        return Event(id: id, at: at, author: author, payload: try payload(type, f))
    }

    private static func payload(_ type: String, _ f: Fields) throws(LineError) -> Payload {
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
private struct Fields {
    let object: JSONValue

    subscript(_ key: String) -> JSONValue? { object[key] }

    func raw(_ key: String) throws(EventCodec.LineError) -> JSONValue {
        guard let v = self[key] else { throw .badField("missing '\(key)'") }
        return v
    }

    func string(_ key: String) throws(EventCodec.LineError) -> String {
        guard case .string(let s) = try raw(key) else { throw .badField("'\(key)' has the wrong type") }
        return s
    }

    func optString(_ key: String) throws(EventCodec.LineError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .badField("'\(key)' has the wrong type")
        }
    }

    func int(_ key: String) throws(EventCodec.LineError) -> Int {
        guard case .number(let d) = try raw(key), let i = Int(exactly: d) else { throw .badField("'\(key)' has the wrong type") }
        return i
    }

    func id(_ key: String) throws(EventCodec.LineError) -> EventID {
        let s = try string(key)
        guard let id = EventID(s) else { throw .badField("\(key): not a lowercase UUID: \(Inert.line(String(s.prefix(40))))") }
        return id
    }

    func optID(_ key: String) throws(EventCodec.LineError) -> EventID? {
        guard let s = try optString(key) else { return nil }
        guard let id = EventID(s) else { throw .badField("\(key): not a lowercase UUID: \(Inert.line(String(s.prefix(40))))") }
        return id
    }

    func timestamp(_ key: String) throws(EventCodec.LineError) -> Timestamp {
        let s = try string(key)
        guard let t = Timestamp(iso8601: s) else { throw .badField("\(key): not a UTC ISO-8601 time: \(Inert.line(String(s.prefix(40))))") }
        return t
    }

    func handle(_ key: String) throws(EventCodec.LineError) -> Handle {
        let s = try string(key)
        do { return try Handle(s) } catch { throw .badField("\(key): \(error.description)") }
    }

    func optHandle(_ key: String) throws(EventCodec.LineError) -> Handle? {
        guard let v = self[key] else { return nil }
        if case .null = v { return nil }
        return try handle(key)
    }

    func optHandles(_ key: String) throws(EventCodec.LineError) -> [Handle]? {
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

    func blocks(_ key: String) throws(EventCodec.LineError) -> [Block] {
        guard let b = try optBlocks(key) else { throw .badField("missing '\(key)'") }
        return b
    }

    func optBlocks(_ key: String) throws(EventCodec.LineError) -> [Block]? {
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

    func enumValue<T: RawRepresentable>(_ key: String) throws(EventCodec.LineError) -> T where T.RawValue == String {
        let s = try string(key)
        guard let v = T(rawValue: s) else { throw .badField("\(key): unknown value '\(Inert.line(String(s.prefix(40))))'") }
        return v
    }

    func optEnum<T: RawRepresentable>(_ key: String) throws(EventCodec.LineError) -> T? where T.RawValue == String {
        guard try optString(key) != nil else { return nil }
        return try enumValue(key) as T
    }
}
