import ArgumentParser
import Foundation
import WeftCore
import WeftStore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the space, its journals, the index, the locale and the terminal.",
        discussion: "Prints one line per check (ok, warn or FAIL) and exits with 1 when any check fails."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var checks = Checks()
        try reportingErrors {
            let store = try Store.open(spaceFlag: global.space)
            checks.ok("space '\(Inert.line(store.space.name))' at \(store.space.root) (id \(store.space.id))")
            checks.ok("you are '\(store.me)' on device '\(store.device)'")
            let (journals, strays) = store.space.journals()
            checks.ok("\(journals.count) journal file(s)")
            for s in strays { checks.warn("unexpected entry \(Inert.line(s)): not a journal, ignored") }
            for j in journals where access(j.absolutePath, R_OK) != 0 {
                checks.fail("cannot read \(j.relativePath): check its permissions")
            }
            if store.space.creator == nil {
                checks.warn("weft.json names no creator, so this space has no admin to give roles: add \"creator\": \"<handle>\" to \(store.space.root)/weft.json")
            }
            if let group = store.space.manifest.group {
                checks.ok("shared by group '\(group)'; you are a\(try store.role() == .admin ? "n" : "") \(try store.role().rawValue)")
                let findings = store.space.permissionFindings(access: try store.index.access())
                if findings.isEmpty { checks.ok("owners, modes and board ACLs are as they should be") }
                for f in findings {
                    switch f.level {
                    case .ok: checks.ok(f.message)
                    case .warn: checks.warn(f.message)
                    case .fail: checks.fail(f.message)
                    }
                }
            }
            let report = try store.index.catchUp()
            let stats = try store.index.stats()
            checks.ok("index at \(store.index.path): \(stats["applied"] ?? 0) events, \(stats["posts"] ?? 0) posts (caught up \(report.eventsApplied) new)")
            let problems = try store.index.problems()
            if problems.isEmpty {
                checks.ok("every journal line is readable")
            } else {
                for p in problems.prefix(50) { checks.warn("\(p.journal):\(p.line): \(p.reason)") }
                if problems.count > 50 { checks.warn("… and \(problems.count - 50) more unusable lines") }
            }
            Self.syncChecks(store, &checks)
        }
        Self.environmentChecks(&checks)
        print(checks.lines.joined(separator: "\n"))
        if checks.failed { throw ExitCode(1) }
    }

    static func environmentChecks(_ checks: inout Checks) {
        let env = ProcessInfo.processInfo.environment
        let ctype = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        if ctype.uppercased().contains("UTF-8") || ctype.uppercased().contains("UTF8") {
            checks.ok("locale \(ctype) is UTF-8")
        } else {
            checks.warn("locale '\(ctype.isEmpty ? "C" : ctype)' is not UTF-8: weft switches to C.UTF-8 for the screen; set LANG=C.UTF-8 (or your UTF-8 locale) to silence this")
        }
        guard let term = env["TERM"], !term.isEmpty else {
            checks.warn("TERM is not set: the full-screen UI needs it (e.g. TERM=xterm-256color)")
            return
        }
        let dirs = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", (env["HOME"] ?? "") + "/.terminfo"]
        let found = dirs.contains { dir in
            FileManager.default.fileExists(atPath: "\(dir)/\(term.prefix(1))/\(term)")
                || FileManager.default.fileExists(atPath: "\(dir)/\(String(format: "%02x", term.utf8.first ?? 0))/\(term)")
        }
        if found { checks.ok("terminal type \(term) is known") } else {
            checks.fail("terminal type '\(Inert.line(term))' has no terminfo entry: set TERM=xterm-256color or install ncurses-term")
        }
        if isatty(1) == 0 { checks.ok("stdout is not a terminal (fine for scripts; the UI needs one)") }
        if let nc = env["NO_COLOR"], !nc.isEmpty { checks.ok("NO_COLOR is set: the UI uses no colors") }
    }
}

struct Checks {
    var lines: [String] = []
    var failed = false
    mutating func ok(_ s: String) { lines.append("ok    " + s) }
    mutating func warn(_ s: String) { lines.append("warn  " + s) }
    mutating func fail(_ s: String) { lines.append("FAIL  " + s); failed = true }
}
