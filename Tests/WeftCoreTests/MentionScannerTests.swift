import XCTest
@testable import WeftCore

final class MentionScannerTests: XCTestCase {
    func testFindsMentions() {
        XCTAssertEqual(MentionScanner.handles(in: "@bob can you look? cc @carol.").map(\.rawValue), ["bob", "carol"])
        XCTAssertEqual(MentionScanner.handles(in: "(@dan) and @dan again, @e_f-g").map(\.rawValue), ["dan", "e_f-g"])
        XCTAssertEqual(MentionScanner.handles(in: "mail ann@example.com or @@x or @ alone or @Bob").map(\.rawValue), [])
        XCTAssertNil(MentionScanner.mentions(in: "no one"))
    }
}
