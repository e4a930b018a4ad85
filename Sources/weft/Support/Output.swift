import Foundation
import WeftCore
import WeftStore

/// Printing results: JSON with stable field names, or readable text.
enum Output {
    static func json<T: Encodable>(_ value: T) {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? e.encode(value) else { return }
        // JSON escapes C0 controls; also escape DEL and C1 controls so that no byte
        // of a post can act on a terminal when the JSON is printed.
        var out = String.UnicodeScalarView()
        for s in String(decoding: data, as: UTF8.self).unicodeScalars {
            if s.value == 0x7f || (0x80...0x9f).contains(s.value) {
                out.append(contentsOf: String(format: "\\u%04x", s.value).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        print(String(out))
    }

    static func text(_ s: String) { print(s) }
}

/// Formats times for the viewer.
struct Clockface {
    let local: LocalTime
    let now: Timestamp

    init(_ store: Store) {
        local = LocalTime(store.viewerTimeZone())
        now = store.now
    }

    func full(_ t: Timestamp) -> String { local.format(t) }
    func brief(_ t: Timestamp) -> String { local.brief(t, now: now) }
}
