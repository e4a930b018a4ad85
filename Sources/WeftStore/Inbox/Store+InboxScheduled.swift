import Foundation
import WeftCore

/// Inbox items that come from a schedule rather than from something written:
/// check-in questions and the weekly digest.
extension Store {
    /// How far back the inbox looks for a check-in's latest occurrence (a
    /// schedule asks at least once a week).
    static let checkinLookback: Int64 = 15 * 86400

    /// For each active check-in asked of the viewer: its latest occurrence at or
    /// before `now` when not answered (a newer occurrence replaces an unanswered
    /// older one), and its next occurrence within a week (held until then, so a
    /// screen knows when to look again). With a weekly cadence: the latest
    /// digest ready, and the next one (held).
    func scheduledInboxItems(cadence: Cadence, zone: TimeZone, now: Timestamp) throws(StoreError) -> [InboxItem] {
        var items: [InboxItem] = []
        let all = try index.checkinOccurrences(for: me, from: now.adding(seconds: -Self.checkinLookback),
                                               to: now.adding(seconds: 8 * 86400), fallbackZone: zone)
        var latest: [EventID: CheckinOccurrence] = [:], next: [EventID: CheckinOccurrence] = [:]
        for o in all {
            if o.occurrence.at <= now {
                latest[o.checkin.id] = o
            } else if next[o.checkin.id] == nil {
                next[o.checkin.id] = o
            }
        }
        for o in Array(latest.values) + Array(next.values) where !o.answered {
            items.append(Self.checkinItem(o))
        }
        if let schedule = cadence.digestSchedule {
            let ready = [DigestDelivery.ready(schedule: schedule, zone: zone, now: now),
                         DigestDelivery.next(schedule: schedule, zone: zone, after: now)]
            for r in ready.compactMap(\.self) {
                items.append(InboxItem(id: "digest:\(r.week)", kind: .digest, board: nil, thread: nil, threadTitle: nil,
                                       target: nil, subject: nil, actor: nil, arrived: r.at,
                                       summary: "Weekly digest \(r.week) is ready", week: r.week))
            }
        }
        return items
    }

    static func checkinItem(_ o: CheckinOccurrence) -> InboxItem {
        let c = o.checkin
        return InboxItem(id: "checkin:\(c.id.rawValue):\(o.name)", kind: .checkin, board: c.board, thread: nil,
                         threadTitle: nil, target: nil, subject: c.id, actor: c.author, arrived: o.occurrence.at,
                         summary: Inert.line(c.question), occurrence: o.name)
    }
}
