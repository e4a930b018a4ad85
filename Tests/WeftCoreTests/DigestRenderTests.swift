import Foundation
import XCTest
@testable import WeftCore
import WeftTestSupport

/// The digest's text, Markdown, HTML and e-mail forms.
final class DigestRenderTests: XCTestCase {
    func t(_ s: String) -> Timestamp { Timestamp(iso8601: s)! }

    func sample() -> Digest {
        let id = EventID("01a2023c-11fa-73b1-b8d5-0c22a46b958b")!
        let ann = try! Handle("ann"), bob = try! Handle("bob")
        let general = try! BoardSlug("general")
        let week = ISOWeek(parsing: "2026-W47")!
        let items = [
            DigestItem(kind: .decision, id: id, thread: id, board: general, author: ann, at: t("2026-11-20T15:05:00.000Z"),
                       title: "Pick a *DB* <now>", text: "Use Postgres & [friends]\nsecond line"),
        ]
        let status = DigestItem(kind: .status, id: id, board: nil, author: bob, at: t("2026-11-19T08:00:00.000Z"),
                                title: "Blocked on the café's wifi \u{1b}[31m", note: "blocked", highlight: true)
        return Digest(viewer: ann, viewerName: "Ann Müller", week: week, timeZone: "Europe/Berlin",
                      interval: WeekCalendar(TimeZone(identifier: "Europe/Berlin")!).interval(of: week),
                      generatedAt: t("2026-11-22T07:40:21.000Z"),
                      counts: Digest.Counts(threads: 1, comments: 2, statusUpdates: 1, decisions: 1, activePeople: 2),
                      sections: [DigestSection(kind: .decisions, groups: [DigestGroup(items: items)]),
                                 DigestSection(kind: .statusUpdates, groups: [DigestGroup(heading: "bob", items: [status])]),
                                 DigestSection(kind: .unreadMentions, groups: [])])
    }

    func testTextShowsBoardAuthorAndLocalTimeAndKeepsControlsInert() {
        let text = DigestText.render(sample())
        XCTAssertTrue(text.contains("[general] Pick a *DB* <now> — Use Postgres & [friends] … · ann · Fri Nov 20 16:05"), text)
        XCTAssertTrue(text.contains("! [space] Blocked on the café's wifi"), text)
        XCTAssertTrue(text.contains("Mentions I have not read\n  You have read every mention."), text)
        XCTAssertFalse(text.unicodeScalars.contains("\u{1b}"))
    }

    func testMarkdownRendersWithAStandardTool() throws {
        let md = DigestMarkdown.render(sample())
        let html = try python(["-c", "import sys, markdown; print(markdown.markdown(sys.stdin.read()))"], stdin: md, needs: "markdown")
        XCTAssertTrue(html.contains("<h1>Weekly digest for ann</h1>"), html)
        XCTAssertTrue(html.contains("<h2>Decisions made</h2>"), html)
        XCTAssertTrue(html.contains("<h3>bob</h3>"), html)
        // Post text stays text: no emphasis or raw HTML from "*DB*" and "<now>".
        XCTAssertTrue(html.contains("Pick a *DB* &lt;now&gt;"), html)
        XCTAssertTrue(html.contains("<strong>[general]</strong>"), html)
        XCTAssertFalse(html.contains("<em>DB</em>"), html)
        XCTAssertEqual(html.components(separatedBy: "<li>").count - 1, 2, html)
    }

    func testEmailParsesWithPythonsEmailPackage() throws {
        let envelope = DigestEmail.Envelope(toAddress: "ann@example.com", toName: "Ann Müller", fromAddress: "ann@example.com",
                                            spaceName: "Team Zoë", messageID: "weft-digest.2026-W47.x1@example.com", boundary: "abc123")
        let mail = DigestEmail.render(sample(), envelope)
        // Every line ends in CRLF, none is longer than 78 characters, all bytes are ASCII.
        XCTAssertTrue(mail.hasSuffix("\r\n"))
        XCTAssertFalse(mail.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in mail.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 78, line) }
        XCTAssertTrue(mail.utf8.allSatisfy { $0 < 128 })
        let script = """
            import sys, email, email.policy
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            assert not m.defects, m.defects
            print("TO", m["To"]); print("FROM", m["From"]); print("SUBJECT", m["Subject"])
            print("DATE", m["Date"].datetime.isoformat()); print("ID", m["Message-ID"]); print("MIME", m["MIME-Version"])
            print("TYPE", m.get_content_type())
            parts = list(m.iter_parts())
            print("PARTS", [p.get_content_type() for p in parts])
            for p in parts:
                assert not p.defects, p.defects
                print("CTE", p["Content-Transfer-Encoding"])
            print("TEXT", parts[0].get_content())
            print("HTML", parts[1].get_content())
            """
        let out = try python(["-c", script], stdin: mail)
        XCTAssertTrue(out.contains("TO Ann Müller <ann@example.com>"), out)
        XCTAssertTrue(out.contains("FROM Weft <ann@example.com>"), out)
        XCTAssertTrue(out.contains("SUBJECT Weft digest 2026-W47 – Team Zoë"), out)
        XCTAssertTrue(out.contains("DATE 2026-11-22T08:40:21+01:00"), out)
        XCTAssertTrue(out.contains("ID <weft-digest.2026-W47.x1@example.com>"), out)
        XCTAssertTrue(out.contains("MIME 1.0"), out)
        XCTAssertTrue(out.contains("TYPE multipart/alternative"), out)
        XCTAssertTrue(out.contains("PARTS ['text/plain', 'text/html']"), out)
        XCTAssertTrue(out.contains("CTE quoted-printable") && out.contains("CTE base64"), out)
        XCTAssertTrue(out.contains("TEXT Weekly digest for ann"), out)
        XCTAssertTrue(out.contains("Blocked on the café's wifi"), out)
        XCTAssertTrue(out.contains("Pick a *DB* &lt;now&gt;"), out)
    }

    func testQuotedPrintableWrapsLongLinesAndEncodesTrailingSpace() {
        let qp = DigestEmail.quotedPrintable(String(repeating: "é", count: 40) + " \nend=ok ")
        for line in qp.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.count, 76) }
        XCTAssertTrue(qp.contains("=C3=A9"))
        XCTAssertTrue(qp.contains("=20\r\nend=3Dok=20"))
    }

    func testEncodedWordsStaySplitOnCharacters() {
        let words = DigestEmail.encodeWords(String(repeating: "日本語", count: 10))
        for w in words.split(separator: " ") {
            XCTAssertTrue(w.hasPrefix("=?UTF-8?B?") && w.hasSuffix("?="))
            XCTAssertLessThanOrEqual(w.count, 75)
            let b64 = w.dropFirst(10).dropLast(2)
            XCTAssertNotNil(String(data: Data(base64Encoded: String(b64))!, encoding: .utf8), "split inside a character")
        }
        XCTAssertEqual(DigestEmail.encodeWords("plain"), "plain")
    }

    func testRFC5322Date() {
        XCTAssertEqual(DigestEmail.rfc5322Date(t("2026-11-22T07:40:21.000Z"), TimeZone(identifier: "Asia/Kolkata")!),
                       "Sun, 22 Nov 2026 13:10:21 +0530")
        XCTAssertEqual(DigestEmail.rfc5322Date(t("2026-11-22T02:00:00.000Z"), TimeZone(identifier: "America/New_York")!),
                       "Sat, 21 Nov 2026 21:00:00 -0500")
    }

    func testDigestDeliveryCoversThePreviousWeek() throws {
        let monday = try Recurrence(parsing: "mon 09:00")
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        // Monday 2026-11-23 09:00 Berlin = 08:00Z.
        XCTAssertNil(DigestDelivery.ready(schedule: monday, zone: berlin, now: t("2026-11-23T07:59:00.000Z"),
                                          since: t("2026-11-16T08:00:00.000Z")))
        let ready = DigestDelivery.ready(schedule: monday, zone: berlin, now: t("2026-11-23T08:00:00.000Z"))
        XCTAssertEqual(ready?.at.iso8601, "2026-11-23T08:00:00.000Z")
        XCTAssertEqual(ready?.week.description, "2026-W47")
        XCTAssertNil(DigestDelivery.ready(schedule: monday, zone: berlin, now: t("2026-11-24T08:00:00.000Z"), since: ready?.at))
        let sunday = try Recurrence(parsing: "sun 18:00")
        XCTAssertEqual(DigestDelivery.ready(schedule: sunday, zone: berlin, now: t("2026-11-22T18:00:00.000Z"))?.week.description, "2026-W47")
    }
}

/// The standard output of a Python 3 with `module`; fails the test when there is none.
func python(_ args: [String], stdin: String, needs module: String = "email", file: StaticString = #filePath, line: UInt = #line) throws -> String {
    guard let r = Python.run(args, stdin: stdin, needs: module) else {
        XCTFail("no python3 with the '\(module)' module: run 'make test-deps' (installs python3-markdown)", file: file, line: line)
        return ""
    }
    XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
    return r.stdout
}
