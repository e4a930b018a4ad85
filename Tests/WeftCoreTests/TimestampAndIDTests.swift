import XCTest
@testable import WeftCore

final class TimestampAndIDTests: XCTestCase {
    func testISO8601RoundTrip() {
        for text in ["1970-01-01T00:00:00.000Z", "2026-11-22T05:00:00.123Z", "2000-02-29T23:59:59.999Z", "1969-12-31T23:59:59.999Z"] {
            let t = Timestamp(iso8601: text)
            XCTAssertNotNil(t, text)
            XCTAssertEqual(t?.iso8601, text)
        }
        XCTAssertEqual(Timestamp(iso8601: "2026-11-22T05:00:00Z")?.iso8601, "2026-11-22T05:00:00.000Z")
        XCTAssertEqual(Timestamp(iso8601: "2026-11-22T05:00:00.000Z")?.milliseconds, 1_795_323_600_000)
    }

    func testRejectsMalformedTimes() {
        for bad in ["", "2026-11-22", "2026-13-01T00:00:00.000Z", "2026-11-22T25:00:00.000Z", "2026-11-22 05:00:00.000Z",
                    "2026-11-22T05:00:00.000+01:00", "2026-11-22T05:00:00.0Z"] {
            XCTAssertNil(Timestamp(iso8601: bad), bad)
        }
    }

    func testTextOrderIsTimeOrder() {
        let a = Timestamp(milliseconds: 1_000), b = Timestamp(milliseconds: 999_999_999_999)
        XCTAssertLessThan(a.iso8601, b.iso8601)
    }

    func testEventIDIsUUIDv7AndSortsByTime() {
        var rng = SystemRandomNumberGenerator()
        let early = EventID.make(at: Timestamp(milliseconds: 1_700_000_000_000), random: &rng)
        let late = EventID.make(at: Timestamp(milliseconds: 1_700_000_000_001), random: &rng)
        XCTAssertLessThan(early, late)
        let chars = Array(early.rawValue)
        XCTAssertEqual(chars.count, 36)
        XCTAssertEqual(chars[14], "7", "version nibble")
        XCTAssertTrue("89ab".contains(chars[19]), "variant bits")
        XCTAssertNotNil(EventID(early.rawValue))
        XCTAssertEqual(early.short.count, 13)
    }

    func testEventIDParsingIsStrict() {
        XCTAssertNil(EventID("0196F3A2-7C41-7000-8000-000000000000"), "uppercase")
        XCTAssertNil(EventID("0196f3a27c41700080000000000000000000"), "no dashes")
        XCTAssertNil(EventID("../../etc/passwd"))
    }

    /// The check reads eight bytes at a time: every byte value at every position
    /// must be judged as the plain rule says (hex digits in lowercase, dashes at
    /// 8, 13, 18 and 23).
    func testEveryByteAtEveryPositionIsJudgedByTheRule() {
        let valid = Array("0196f3a2-7c41-7abc-8def-0123456789af".utf8)
        func rule(_ b: [UInt8]) -> Bool {
            b.count == 36 && b.indices.allSatisfy { i in
                [8, 13, 18, 23].contains(i) ? b[i] == 45 : (b[i] >= 48 && b[i] <= 57) || (b[i] >= 97 && b[i] <= 102)
            }
        }
        XCTAssertTrue(valid.withUnsafeBufferPointer(EventID.isCanonical))
        var disagreements: [String] = []
        for i in valid.indices {
            for v in 0...255 {
                var b = valid
                b[i] = UInt8(v)
                if b.withUnsafeBufferPointer(EventID.isCanonical) != rule(b) { disagreements.append("byte \(v) at \(i)") }
            }
        }
        XCTAssertEqual(disagreements, [])
        XCTAssertFalse(Array(valid.dropLast()).withUnsafeBufferPointer(EventID.isCanonical))
        XCTAssertFalse((valid + [48]).withUnsafeBufferPointer(EventID.isCanonical))
    }
}
