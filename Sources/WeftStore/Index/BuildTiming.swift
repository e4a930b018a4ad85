import Foundation

/// TEMP: phase timings of an index build, printed to stderr when WEFT_BUILD_TIMING is set.
enum BuildTiming {
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds
    static let on = ProcessInfo.processInfo.environment["WEFT_BUILD_TIMING"] != nil
    static func mark(_ what: String) {
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write("\(what): \((Double(now) - Double(last)) / 1e6) ms\n".data(using: .utf8)!)
        last = now
    }
}
