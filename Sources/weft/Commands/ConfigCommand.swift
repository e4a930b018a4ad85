import Foundation
import ArgumentParser
import WeftCore
import WeftStore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Notification settings: cadence, working hours, time zone, snooze and board levels.",
        discussion: """
            Time zone and working hours are public (your member profile, so others see your local time);
            everything else is private to you and this machine.
            """,
        subcommands: [Show.self, Set.self, Board.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show your notification settings.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try withStore(global) { store in
                let s = try store.notificationSettings()
                let prefs = try store.index.notificationPrefs()
                let hours = try store.index.member(store.me)?.hours
                let snooze = s.snooze.flatMap { $0.until > store.now ? $0.until : nil }
                var boards = Swift.Set(prefs.boardLevels.keys).union(prefs.boardCadences.keys).sorted { $0.rawValue < $1.rawValue }
                boards.removeAll { prefs.boardLevels[$0] == nil && prefs.boardCadences[$0] == nil }
                if output.json {
                    return Output.json(SettingsJSON(
                        handle: store.me.rawValue, timeZone: s.timeZone.identifier, cadence: s.cadence.description,
                        workdays: WorkSchedule.daysText(prefs.workdays), workingHours: hours?.description,
                        workCanWait: prefs.holdOutsideHours, snoozedUntil: snooze?.iso8601,
                        boards: boards.map { .init(board: $0.rawValue, level: s.level($0).rawValue, cadence: prefs.boardCadences[$0]?.description) }))
                }
                let clock = Clockface(store)
                print("Time zone:     \(s.timeZone.identifier) (now \(clock.full(store.now)))")
                print("Cadence:       \(s.cadence)")
                print("Working hours: \(hours.map { "\(WorkSchedule.daysText(prefs.workdays)) \($0)" } ?? "not set (any time)")")
                print("Work can wait: \(prefs.holdOutsideHours ? "on (items outside working hours wait for them)" : "off")")
                print("Snoozed:       \(snooze.map { "until \(clock.full($0))" } ?? "no")")
                for b in boards {
                    print("Board #\(b):  \(s.level(b).rawValue)\(prefs.boardCadences[b].map { ", \($0)" } ?? "")")
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change settings (only the given ones change).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "instant, hourly, 'daily 09:00' or 'weekly mon 09:00' (your time zone).") var cadence: String?
        @Option(help: "Your IANA time zone, e.g. Asia/Tokyo (public).") var tz: String?
        @Option(help: "Working hours, e.g. 09:00-17:30 or 22:00-06:00 (public).") var hours: String?
        @Option(help: "Working days, e.g. mon-fri, sun-thu, mon,wed,fri.") var workdays: String?
        @Option(help: "on: hold items that arrive outside working hours until they start; off: deliver them.") var workCanWait: String?
        @Option(help: "Snooze everything until a time (tomorrow 9:00, 'in 2h' …), or 'off'.") var snooze: String?

        func run() throws {
            try reportingErrors {
                guard cadence != nil || tz != nil || hours != nil || workdays != nil || workCanWait != nil || snooze != nil else {
                    throw CommandError("nothing to change: give --cadence, --tz, --hours, --workdays, --work-can-wait and/or --snooze")
                }
                let c = try cadence.map { try Cadence(parsing: $0) }
                if let tz { _ = try Validate.timeZone(tz) }
                let h = try hours.map { try WorkingHours(parsing: $0).description }
                let days = try workdays.map { try WorkSchedule.days(parsing: $0) }
                let hold = try workCanWait.map { v -> Bool in
                    switch v.lowercased() {
                    case "on", "yes", "true": return true
                    case "off", "no", "false": return false
                    default: throw CommandError("--work-can-wait takes on or off, not '\(v)'")
                    }
                }
                try withStore(global) { store in
                    var until: Timestamp?
                    if let snooze, snooze.lowercased() != "off" {
                        let zone = tz.flatMap { TimeZone(identifier: $0) } ?? store.viewerTimeZone()
                        until = try DueParser(timeZone: zone,
                                              now: store.now).parse(snooze)
                    }
                    if tz != nil || h != nil {
                        try store.append(.memberProfile(MemberProfile(tz: tz, hours: h)), board: nil)
                    }
                    if let c { try store.index.setCadence(c) }
                    if let days { try store.index.setWorkdays(days) }
                    if let hold { try store.index.setHoldOutsideHours(hold) }
                    if snooze != nil { try store.index.setSnooze(until.map { WeftCore.Snooze(from: store.now, until: $0) }) }
                    print("Settings saved")
                }
            }
        }
    }

    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "board", abstract: "Set a board's level (watching, tracking, normal, muted) and/or cadence.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board.") var board: String
        @Option(help: "watching (every thread and comment), tracking (new threads), normal (when involved), muted.") var level: String?
        @Option(help: "This board's own cadence, or 'default' to use yours.") var cadence: String?

        func run() throws {
            try reportingErrors {
                guard level != nil || cadence != nil else { throw CommandError("nothing to change: give --level and/or --cadence") }
                let l = try level.map { try BoardLevel(parsing: $0) }
                let c = try cadence.flatMap { $0.lowercased() == "default" ? nil : try Cadence(parsing: $0) }
                try withStore(global) { store in
                    let b = try store.existingBoard(board)
                    if let l { try store.index.setBoardLevel(b.slug, l, at: store.now) }
                    if cadence != nil { try store.index.setBoardCadence(b.slug, c, at: store.now) }
                    print("#\(b.slug): \(l?.rawValue ?? "level unchanged")\(cadence.map { ", cadence \($0)" } ?? "")")
                }
            }
        }
    }
}
