import WeftCore
import WeftStore

/// A write the UI asks the store for (`Effect.perform`): follow-ups, reminders,
/// following, inbox marks and notification settings. Inputs are already parsed
/// and checked by `reduce`; the store checks permissions.
public enum Change: Hashable, Sendable {
    case askFollowUp(target: EventID, assignee: Handle, due: Timestamp, note: String?)
    case resolveFollowUp(EventID, FollowUpState, reason: String?)
    case rescheduleFollowUp(EventID, due: Timestamp)
    case remind(target: EventID, at: Timestamp, note: String?)
    case reminderDone(EventID)
    case moveReminder(EventID, at: Timestamp)
    case setFollowing(thread: EventID, Bool)
    /// Toggles following of a thread (the store knows whether the viewer follows it).
    case toggleFollowing(thread: EventID)
    case inboxDone([InboxItem])
    case inboxSeen([String])
    case inboxSnooze([String], until: Timestamp)
    case cadence(Cadence)
    case profile(timeZone: String?, hours: String?)
    case workdays(Set<Int>)
    case workCanWait(Bool)
    case snoozeAll(until: Timestamp?)
    /// A board's level and own cadence (nil: the person's).
    case board(BoardSlug, BoardLevel, cadence: Cadence?)
    /// Adds and removes a board's members (`Store.changeMembers`).
    case boardMembers(BoardSlug, add: [Handle], remove: [Handle])
    /// Makes a board public or private (`Store.changeVisibility`).
    case boardVisibility(BoardSlug, Visibility)
}
