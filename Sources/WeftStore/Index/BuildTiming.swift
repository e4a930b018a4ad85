import Foundation

/// TEMP: phase timings of an index build, printed to stderr when WEFT_BUILD_TIMING is set.
enum BuildTiming {
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds
    static let on = ProcessInfo.processInfo.environment["WEFT_BUILD_TIMING"] != nil
    nonisolated(unsafe) static var sums: [String: Double] = [:]
    nonisolated(unsafe) static var lastA = DispatchTime.now().uptimeNanoseconds
    static func accumulate(_ what: String) {
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        sums[what, default: 0] += (Double(now) - Double(lastA)) / 1e6
        lastA = now
    }
    static func flush() {
        guard on else { return }
        for (k, v) in sums { FileHandle.standardError.write("  \(k): \(v) ms\n".data(using: .utf8)!) }
        sums = [:]
    }
    static func mark(_ what: String) {
        lastA = DispatchTime.now().uptimeNanoseconds
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write("\(what): \((Double(now) - Double(last)) / 1e6) ms\n".data(using: .utf8)!)
        last = now
    }
}
