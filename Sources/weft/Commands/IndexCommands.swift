import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild or check the index (a cache of the journals; deleting it loses nothing).",
        subcommands: [Rebuild.self, Check.self]
    )

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "Rebuild the index from the journals.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try withStore(global, catchUp: false) { store in
                let started = Date()
                let report = try Index.replace(space: store.space, path: store.index.path,
                                               statePath: store.privateState.databasePath, viewer: store.me)
                let seconds = Date().timeIntervalSince(started)
                let rate = seconds > 0 ? Int(Double(report.eventsApplied) / seconds) : report.eventsApplied
                print("Rebuilt the index: \(report.eventsApplied) events from \(report.journals) journals in \(String(format: "%.2f", seconds)) s (\(rate) events/s)")
                if report.newProblems > 0 {
                    print("\(report.newProblems) line(s) could not be used: see 'weft doctor'")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", 
            abstract: "Compare the index with a fresh rebuild from the journals.",
            discussion: "Exits with 1 and names the differing tables when they disagree.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try withStore(global) { store in
                let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("weft-check-\(getpid())").path
                defer { try? FileManager.default.removeItem(atPath: tmp) }
                let fresh = try Index(space: store.space, path: tmp + "/index.sqlite", statePath: tmp + "/state.sqlite",
                                      viewer: store.me)
                try fresh.rebuild()
                try store.index.catchUp()
                let a = try store.index.snapshot(), b = try fresh.snapshot()
                if a == b {
                    let s = try store.index.stats()
                    print("The index matches the journals: \(s["applied"] ?? 0) events, \(s["posts"] ?? 0) posts, \(s["journals"] ?? 0) journals.")
                    return
                }
                let differing = Self.sections(a).filter { name, body in Self.sections(b)[name] != body }.keys.sorted()
                throw CommandError("the index differs from the journals in: \(differing.joined(separator: ", ")); run 'weft index rebuild'")
            }
        }

        static func sections(_ snapshot: String) -> [String: String] {
            var out: [String: String] = [:]
            var current = ""
            for line in snapshot.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("## ") { current = String(line.dropFirst(3)); continue }
                out[current, default: ""] += line + "\n"
            }
            return out
        }
    }
}
