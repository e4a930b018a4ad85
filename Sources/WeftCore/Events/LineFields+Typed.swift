/// Typed access to a line's fields, with errors that name the field. Ids,
/// times and handles are read from the line's bytes; anything unusual (escapes,
/// wrong types, bad values) takes the slow way through `String`s, which words
/// the error.
extension LineFields {
    typealias LineError = EventCodec.LineError

    private func missing(_ key: LineKey) -> LineError { .badField("missing '\(key.name)'") }
    private func wrongType(_ key: LineKey) -> LineError { .badField("'\(key.name)' has the wrong type") }

    func string(_ key: LineKey) throws(LineError) -> String {
        if let s = text(key) { return s }
        throw contains(key) ? wrongType(key) : missing(key)
    }

    func optString(_ key: LineKey) throws(LineError) -> String? {
        guard isPresent(key) else { return nil }
        guard let s = text(key) else { throw wrongType(key) }
        return s
    }

    func int(_ key: LineKey) throws(LineError) -> Int {
        guard contains(key) else { throw missing(key) }
        guard let d = number(key), let i = Int(exactly: d) else { throw wrongType(key) }
        return i
    }

    /// The event type the line names.
    func type() throws(LineError) -> LineType {
        if let b = rawString(.type), let t = LineType.find(b) { return t }
        var s = try string(.type)
        if let t = s.withUTF8(LineType.find) { return t }
        throw .unknownType(s)
    }

    func id(_ key: LineKey) throws(LineError) -> EventID {
        if let b = rawString(key), let id = EventID(utf8: b) { return id }
        return try parsedID(key, try string(key))
    }

    func optID(_ key: LineKey) throws(LineError) -> EventID? {
        if let b = rawString(key), let id = EventID(utf8: b) { return id }
        guard let s = try optString(key) else { return nil }
        return try parsedID(key, s)
    }

    private func parsedID(_ key: LineKey, _ s: String) throws(LineError) -> EventID {
        guard let id = EventID(s) else { throw .badField("\(key.name): not a lowercase UUID: \(Inert.line(String(s.prefix(40))))") }
        return id
    }

    func timestamp(_ key: LineKey) throws(LineError) -> Timestamp {
        if let b = rawString(key), let t = Timestamp(iso8601UTF8: b) { return t }
        let s = try string(key)
        guard let t = Timestamp(iso8601: s) else {
            throw .badField("\(key.name): not a UTC ISO-8601 time: \(Inert.line(String(s.prefix(40))))")
        }
        return t
    }

    func handle(_ key: LineKey) throws(LineError) -> Handle {
        if let b = rawString(key), let h = Handle(utf8: b) { return h }
        let s = try string(key)
        do { return try Handle(s) } catch { throw .badField("\(key.name): \(error.description)") }
    }

    func optHandle(_ key: LineKey) throws(LineError) -> Handle? {
        guard isPresent(key) else { return nil }
        return try handle(key)
    }

    func optHandles(_ key: LineKey) throws(LineError) -> [Handle]? {
        switch self[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var out: [Handle] = []
            for item in items {
                guard case .string(let s) = item, let h = try? Handle(s) else { throw .badField("'\(key.name)' must be a list of handles") }
                out.append(h)
            }
            return out
        default: throw wrongType(key)
        }
    }

    func blocks(_ key: LineKey) throws(LineError) -> [Block] {
        guard let b = try optBlocks(key) else { throw missing(key) }
        return b
    }

    func optBlocks(_ key: LineKey) throws(LineError) -> [Block]? {
        switch self[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            var out: [Block] = []
            for item in items {
                guard case .object = item, case .string(let id)? = item["id"], case .string(let text)? = item["text"] else {
                    throw .badField("'\(key.name)' must be a list of {\"id\", \"text\"} objects")
                }
                out.append(Block(id: id, text: text))
            }
            return out
        default: throw wrongType(key)
        }
    }

    func enumValue<T: RawRepresentable>(_ key: LineKey) throws(LineError) -> T where T.RawValue == String {
        let s = try string(key)
        guard let v = T(rawValue: s) else { throw .badField("\(key.name): unknown value '\(Inert.line(String(s.prefix(40))))'") }
        return v
    }

    func optEnum<T: RawRepresentable>(_ key: LineKey) throws(LineError) -> T? where T.RawValue == String {
        guard try optString(key) != nil else { return nil }
        return try enumValue(key) as T
    }
}
