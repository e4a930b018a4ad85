import WeftCore

/// Scheduling and answering check-ins: the checks shared by the CLI and the full-screen UI.
extension Store {
    /// Schedules a recurring question on a board. `audience` empty asks everyone.
    @discardableResult
    public func scheduleCheckin(board: BoardSlug, question: String, every: Recurrence, audience: [Handle]) throws(StoreError) -> Event {
        try append(.checkinScheduled(CheckinScheduled(question: question, every: every.description,
                                                      audience: audience.isEmpty ? nil : audience)), board: board)
    }

    /// Pauses, resumes or deletes a check-in; only its author may.
    @discardableResult
    public func change(_ checkin: Checkin, to state: Checkin.State) throws(StoreError) -> Event {
        guard checkin.author == me else { throw .config("only \(checkin.author), who scheduled check-in \(checkin.id.short), can change it") }
        guard checkin.state != .deleted else { throw .config("check-in \(checkin.id.short) is deleted") }
        guard checkin.state != state else { throw .config("check-in \(checkin.id.short) is already \(state.rawValue)") }
        let change = CheckinChange(checkin: checkin.id)
        let payload: Payload = switch state {
        case .active: .checkinResumed(change)
        case .paused: .checkinPaused(change)
        case .deleted: .checkinDeleted(change)
        }
        return try append(payload, board: checkin.board)
    }

    /// The occurrence an answer given now belongs to (in the viewer's zone): the
    /// latest one that has come since the check-in was scheduled, else the next one
    /// (answering ahead of the first), else today.
    public func currentOccurrence(of checkin: Checkin) -> String {
        let zone = viewerTimeZone()
        if let o = checkin.every.latest(in: zone, atOrBefore: now), o.at >= checkin.createdAt {
            return o.day.description
        }
        if let next = checkin.every.occurrences(in: zone, from: now, to: now.adding(seconds: 8 * 86400)).first {
            return next.day.description
        }
        return WeekCalendar(zone).day(of: now).description
    }

    /// Answers a check-in with a status update linked to it.
    @discardableResult
    public func answer(_ checkin: Checkin, text: String, kind: StatusKind, occurrence: String? = nil) throws(StoreError) -> Event {
        guard checkin.state != .deleted else { throw .config("check-in \(checkin.id.short) is deleted") }
        let occ = occurrence ?? currentOccurrence(of: checkin)
        return try append(.statusPosted(StatusPosted(kind: kind, text: text, checkin: checkin.id, occurrence: occ)), board: checkin.board)
    }
}
