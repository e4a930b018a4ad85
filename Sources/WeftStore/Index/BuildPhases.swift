import Foundation

/// How long each phase of a build from scratch takes, written to stderr when
/// `WEFT_BUILD_TIMING` is set: a tool for tuning the build (Docs/performance.md).
/// Phases are marked by the thread that runs the build.
enum BuildPhases {
    private static let enabled = ProcessInfo.processInfo.environment["WEFT_BUILD_TIMING"] != nil
    nonisolated(unsafe) private static var last: UInt64 = 0
    nonisolated(unsafe) private static var origin: UInt64 = 0

    static func start() {
        guard enabled else { return }
        last = DispatchTime.now().uptimeNanoseconds
        origin = last
    }

    /// Reports that `what` happened on another thread (the full-text file's), with
    /// the time since `start`.
    static func note(_ what: String) {
        guard enabled else { return }
        let ms = (Double(DispatchTime.now().uptimeNanoseconds) - Double(origin)) / 1_000_000
        FileHandle.standardError.write(Data("build: \(what) at \(String(format: "%.1f", ms)) ms\n".utf8))
    }

    /// Reports the time since the previous mark (or `start`) as `phase`.
    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let ms = (Double(now) - Double(last)) / 1_000_000
        FileHandle.standardError.write(Data("build phase \(phase): \(String(format: "%.1f", ms)) ms (resident \(residentMB) MB)\n".utf8))
        last = now
    }

    /// The process's resident memory in MB (Linux; 0 elsewhere).
    private static var residentMB: Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
