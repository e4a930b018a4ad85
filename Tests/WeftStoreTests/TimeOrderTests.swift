import XCTest
@testable import WeftStore

/// A build from scratch applies events by time, then id. The fast path packs
/// times into integers; whatever the times, the order is the plain one.
final class TimeOrderTests: XCTestCase {
    typealias Entry = (at: Int64, batch: Int32, event: Int32)

    func testPackedSortGivesTheOrderOfTimeThenID() {
        var rng = SystemRandomNumberGenerator()
        let cases: [[Int64]] = [(0..<5).map { 1_767_225_600_000 + $0 }, [-5, -1, 0, 3], [0, 1 << 41, (1 << 42) + 7]]
        for times in cases {
            // Ids are the batch and event numbers read as one string: ties in time are broken by it.
            func id(_ e: Entry) -> String { String(format: "%05d-%05d", e.batch, e.event) }
            var entries: [Entry] = []
            for b in 0..<20 {
                for e in 0..<30 { entries.append((times.randomElement(using: &rng)!, Int32(b), Int32(e))) }
            }
            entries.shuffle(using: &rng)
            var fast = entries
            Index.sortByTimeThenID(&fast) { id($0) < id($1) }
            let plain = entries.sorted { $0.at != $1.at ? $0.at < $1.at : id($0) < id($1) }
            XCTAssertEqual(fast.map { "\($0.at) \(id($0))" }, plain.map { "\($0.at) \(id($0))" })
        }
    }
}
