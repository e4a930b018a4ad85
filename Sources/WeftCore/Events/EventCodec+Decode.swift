/// Decoding journal lines: the line is checked to be UTF-8 and scanned into
/// ``LineFields``, then the envelope and the payload chosen by `type` are read
/// field by field, with errors that name the field.
extension EventCodec {
    /// Decodes one line (without its newline).
    public static func decode<Bytes: Collection>(_ line: Bytes) throws(LineError) -> Event where Bytes.Element == UInt8 {
        func run(_ buf: UnsafeBufferPointer<UInt8>) -> Result<Event, LineError> {
            do { return .success(try decode(buf)) } catch { return .failure(error) }
        }
        return try (line.withContiguousStorageIfAvailable(run) ?? Array(line).withUnsafeBufferPointer(run)).get()
    }

    /// Decodes one line (without its newline) held in memory.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(LineError) -> Event {
        // Whatever else is wrong with it, a line that is not UTF-8 is reported as such.
        guard UTF8Bytes.isValid(line) else { throw .invalidUTF8 }
        return try LineFields.scanning(line) { f throws(LineError) in
            let v = try f.int(.v)
            if v > JournalFormat.version { throw .newerFormat(v) }
            let id = try f.id(.id)
            let at = try f.timestamp(.at)
            let author = try f.optHandle(.author)
            let type = try f.type()
            return Event(id: id, at: at, author: author, payload: try payload(type, f))
        }
    }

    private static func payload(_ type: LineType, _ f: LineFields) throws(LineError) -> Payload {
        switch type {
        case .boardCreated:
            return .boardCreated(BoardCreated(title: try f.string(.title), purpose: try f.optString(.purpose),
                                              visibility: try f.optEnum(.visibility) ?? .public))
        case .boardUpdated:
            return .boardUpdated(BoardUpdated(title: try f.optString(.title), purpose: try f.optString(.purpose)))
        case .threadCreated:
            return .threadCreated(ThreadCreated(title: try f.string(.title), blocks: try f.blocks(.blocks),
                                                mentions: try f.optHandles(.mentions)))
        case .commentCreated:
            return .commentCreated(CommentCreated(thread: try f.id(.thread), parent: try f.optID(.parent),
                                                  anchor: try f.optString(.anchor), body: try f.string(.body),
                                                  mentions: try f.optHandles(.mentions)))
        case .postEdited:
            return .postEdited(PostEdited(target: try f.id(.target), title: try f.optString(.title),
                                          blocks: try f.optBlocks(.blocks), body: try f.optString(.body)))
        case .postRedacted:
            return .postRedacted(PostRedacted(target: try f.id(.target), reason: try f.optString(.reason)))
        case .reactionAdded:
            return .reactionAdded(ReactionChange(target: try f.id(.target), emoji: try f.string(.emoji)))
        case .reactionRemoved:
            return .reactionRemoved(ReactionChange(target: try f.id(.target), emoji: try f.string(.emoji)))
        case .statusPosted:
            return .statusPosted(StatusPosted(kind: try f.enumValue(.kind), text: try f.string(.text),
                                              checkin: try f.optID(.checkin), occurrence: try f.optString(.occurrence)))
        case .followupRequested:
            return .followupRequested(FollowupRequested(target: try f.id(.target), assignee: try f.handle(.assignee),
                                                        due: try f.timestamp(.due), note: try f.optString(.note)))
        case .followupResolved:
            return .followupResolved(FollowupResolved(followup: try f.id(.followup), state: try f.enumValue(.state),
                                                      reason: try f.optString(.reason)))
        case .threadDecided:
            return .threadDecided(ThreadDecided(thread: try f.id(.thread), comment: try f.optID(.comment),
                                                summary: try f.optString(.summary)))
        case .threadReopened:
            return .threadReopened(ThreadReopened(thread: try f.id(.thread), reason: try f.optString(.reason)))
        case .memberProfile:
            return .memberProfile(MemberProfile(name: try f.optString(.name), tz: try f.optString(.tz),
                                                hours: try f.optString(.hours), email: try f.optString(.email)))
        case .memberRole:
            return .access(.role(MemberRole(handle: try f.handle(.handle), role: try f.enumValue(.role))))
        case .boardMembers:
            return .access(.members(BoardMembers(added: try f.optHandles(.added), removed: try f.optHandles(.removed))))
        case .boardVisibility:
            return .access(.visibility(BoardVisibilityChange(visibility: try f.enumValue(.visibility))))
        case .threadPinned:
            return .threadPinned(ThreadPin(thread: try f.id(.thread)))
        case .threadUnpinned:
            return .threadUnpinned(ThreadPin(thread: try f.id(.thread)))
        case .checkinScheduled:
            return .checkinScheduled(CheckinScheduled(question: try f.string(.question), every: try f.string(.every),
                                                      audience: try f.optHandles(.audience)))
        case .checkinPaused:
            return .checkinPaused(CheckinChange(checkin: try f.id(.checkin)))
        case .checkinResumed:
            return .checkinResumed(CheckinChange(checkin: try f.id(.checkin)))
        case .checkinDeleted:
            return .checkinDeleted(CheckinChange(checkin: try f.id(.checkin)))
        case .followupRescheduled:
            return .followupRescheduled(FollowupRescheduled(followup: try f.id(.followup), due: try f.timestamp(.due)))
        }
    }
}
