import Foundation
import XCTest

/// Text snapshots of screens, kept in `__Snapshots__/<name>.txt` next to this
/// file. Lines are compared with trailing spaces trimmed.
///
/// To record (or re-record after an intended change), run the tests with
/// `WEFT_RECORD_SNAPSHOTS=1`:
///
///     WEFT_RECORD_SNAPSHOTS=1 swift test --skip-build --filter WeftAppTests
///
/// Recording writes the files and fails the test, so a recording run is never
/// mistaken for a passing one; review the diff, then run again without it.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["WEFT_RECORD_SNAPSHOTS"] == "1"
    }

    static func assert(_ lines: [String], named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = lines.map(trimmed).joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            XCTFail("recorded snapshot \(name); run again without WEFT_RECORD_SNAPSHOTS", file: file, line: line)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            XCTFail("no snapshot \(url.path); record it with WEFT_RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { trimmed(String($0)) }.joined(separator: "\n")
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : "∅"
            let new = index < actualLines.count ? String(actualLines[index]) : "∅"
            if old != new {
                report.append("line \(index + 1):\n  expected: \(old)\n  actual:   \(new)")
            }
        }
        XCTFail("snapshot \(name) differs:\n" + report.prefix(8).joined(separator: "\n"), file: file, line: line)
    }

    private static func trimmed(_ line: String) -> String {
        var text = line
        while text.last == " " {
            text.removeLast()
        }
        return text
    }
}
