import XCTest
@testable import WeftCore

final class SearchQueryTests: XCTestCase {
    // Sunday 2026-11-22 10:30 in Berlin (09:30 UTC).
    let now = F.t("2026-11-22T09:30:00.000Z")
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let me = F.h("ana")

    func parse(_ s: String, tz: TimeZone? = nil) throws -> SearchQuery {
        try SearchQuery.parse(s, viewer: me, timeZone: tz ?? berlin, now: now)
    }

    func error(_ s: String) -> SearchQueryError? {
        do {
            _ = try parse(s)
            return nil
        } catch {
            return error as? SearchQueryError
        }
    }

    func testWordsMustAllMatch() throws {
        let q = try parse("budget  review")
        XCTAssertEqual(q.groups, [[.word("budget")], [.word("review")]])
        XCTAssertTrue(q.excluded.isEmpty)
    }

    func testPhrase() throws {
        XCTAssertEqual(try parse("\"launch plan\" date").groups, [[.phrase("launch plan")], [.word("date")]])
    }

    func testPrefix() throws {
        XCTAssertEqual(try parse("deploy*").groups, [[.prefix("deploy")]])
        XCTAssertEqual(try parse("deploy**").groups, [[.prefix("deploy")]])
    }

    func testExcluded() throws {
        let q = try parse("release -draft -\"old plan\" -wip*")
        XCTAssertEqual(q.groups, [[.word("release")]])
        XCTAssertEqual(q.excluded, [.word("draft"), .phrase("old plan"), .prefix("wip")])
    }

    func testOnlyExclusionsIsAllowed() throws {
        let q = try parse("-draft")
        XCTAssertFalse(q.hasText)
        XCTAssertEqual(q.excluded, [.word("draft")])
    }

    func testOrJoinsNeighbours() throws {
        let q = try parse("budget OR costs OR \"spend plan\" q3")
        XCTAssertEqual(q.groups, [[.word("budget"), .word("costs"), .phrase("spend plan")], [.word("q3")]])
        XCTAssertEqual(try parse("a or b").groups, [[.word("a")], [.word("or")], [.word("b")]], "lowercase or is a word")
    }

    func testBoardFilter() throws {
        XCTAssertEqual(try parse("board:ops").boards, [F.b("ops")])
        XCTAssertEqual(try parse("board:#Ops board:design").boards, [F.b("ops"), F.b("design")])
    }

    func testFromFilter() throws {
        XCTAssertEqual(try parse("from:bo").authors, [F.h("bo")])
        XCTAssertEqual(try parse("from:me").authors, [me])
        XCTAssertEqual(try parse("from:@Bo").authors, [F.h("bo")])
    }

    func testInFilter() throws {
        XCTAssertEqual(try parse("in:thread").kinds, [.thread])
        XCTAssertEqual(try parse("in:comment in:comments").kinds, [.comment])
        XCTAssertEqual(try parse("in:status").kinds, [.status])
        XCTAssertEqual(try parse("in:decision").kinds, [.decision])
    }

    func testIsAndHasFilters() throws {
        XCTAssertTrue(try parse("is:unread").unread)
        XCTAssertTrue(try parse("is:decided").decided)
        XCTAssertTrue(try parse("is:open").openFollowUp)
        XCTAssertTrue(try parse("has:followup").hasFollowUp)
        XCTAssertTrue(try parse("IS:Unread").unread, "filter names and values ignore case")
    }

    func testMentionsFilter() throws {
        XCTAssertEqual(try parse("mentions:me").mentions, [me])
        XCTAssertEqual(try parse("mentions:bo").mentions, [F.h("bo")])
    }

    func testDatesAreDaysInTheViewersZone() throws {
        // Berlin is UTC+1 in November: local midnight is 23:00 UTC the day before.
        let before = try parse("before:2026-11-10")
        XCTAssertEqual(before.until?.iso8601, "2026-11-09T23:00:00.000Z")
        XCTAssertNil(before.since)
        let after = try parse("after:2026-11-10")
        XCTAssertEqual(after.since?.iso8601, "2026-11-10T23:00:00.000Z", "after a day means once it has ended")
        let on = try parse("on:2026-11-10")
        XCTAssertEqual(on.since?.iso8601, "2026-11-09T23:00:00.000Z")
        XCTAssertEqual(on.until?.iso8601, "2026-11-10T23:00:00.000Z")
        let tokyo = try parse("on:2026-11-10", tz: TimeZone(identifier: "Asia/Tokyo"))
        XCTAssertEqual(tokyo.since?.iso8601, "2026-11-09T15:00:00.000Z")
    }

    func testRelativeDates() throws {
        XCTAssertEqual(try parse("on:today").since?.iso8601, "2026-11-21T23:00:00.000Z")
        XCTAssertEqual(try parse("on:yesterday").since?.iso8601, "2026-11-20T23:00:00.000Z")
        XCTAssertEqual(try parse("after:7d").since?.iso8601, "2026-11-15T23:00:00.000Z")
        XCTAssertEqual(try parse("before:2w").until?.iso8601, "2026-11-07T23:00:00.000Z")
    }

    func testDateFiltersNarrowEachOther() throws {
        let q = try parse("after:2026-11-01 before:2026-11-20 after:2026-10-01")
        XCTAssertEqual(q.since?.iso8601, "2026-11-01T23:00:00.000Z")
        XCTAssertEqual(q.until?.iso8601, "2026-11-19T23:00:00.000Z")
    }

    func testFiltersAloneAreASearch() throws {
        let q = try parse("board:ops from:bo")
        XCTAssertTrue(q.isFilterOnly)
    }

    func testKindsAllowedByFilters() throws {
        XCTAssertFalse(try parse("x is:unread").allows(.status))
        XCTAssertTrue(try parse("x is:decided").allows(.decision))
        XCTAssertFalse(try parse("x in:comment").allows(.thread))
        XCTAssertTrue(try parse("x").allows(.status))
    }

    // MARK: - Errors name the token

    func testEmpty() {
        XCTAssertEqual(error(""), .empty)
        XCTAssertEqual(error("   "), .empty)
    }

    func testUnknownFilter() {
        XCTAssertEqual(error("budget colour:red"), .unknownFilter("colour:red"))
        XCTAssertTrue(SearchQueryError.unknownFilter("colour:red").description.contains("'colour:red'"))
        XCTAssertEqual(try parse("\"http://x\"").groups, [[.phrase("http://x")]], "quoted text is never a filter")
        XCTAssertEqual(try parse("10:30").groups, [[.word("10:30")]], "a time is a word")
    }

    func testBadFilterValues() {
        XCTAssertEqual(error("in:email"), .badValue("in:email", expected: "in:thread, in:comment, in:status or in:decision"))
        XCTAssertEqual(error("is:closed"), .badValue("is:closed", expected: "is:unread, is:decided or is:open (open follow-ups)"))
        XCTAssertEqual(error("has:likes"), .badValue("has:likes", expected: "has:followup"))
        XCTAssertEqual(error("board:Not_A_Slug"), .badValue("board:Not_A_Slug", expected: "a board slug, e.g. board:general"))
        XCTAssertEqual(error("from:9x"), .badValue("from:9x", expected: "a handle, e.g. from:ana or from:me"))
        XCTAssertEqual(error("mentions:9"), .badValue("mentions:9", expected: "a handle, e.g. mentions:me or mentions:ana"))
        if case .badValue(let token, _)? = error("-board:ops") { XCTAssertEqual(token, "-board:ops") } else { XCTFail("negated filter") }
    }

    func testMissingValue() {
        XCTAssertEqual(error("board: ops"), .missingValue("board:"))
    }

    func testBadDates() {
        XCTAssertEqual(error("before:2026-02-30"), .badDate("before:2026-02-30"))
        XCTAssertEqual(error("after:last-week"), .badDate("after:last-week"))
        XCTAssertEqual(error("on:2026-1-5"), .badDate("on:2026-1-5"))
        XCTAssertTrue(SearchQueryError.badDate("on:x").description.contains("'on:x'"))
    }

    func testEmptyDateRange() {
        XCTAssertEqual(error("after:2026-11-20 before:2026-11-10"), .emptyDateRange("after:2026-11-20", "before:2026-11-10"))
    }

    func testUnclosedQuote() {
        XCTAssertEqual(error("plan \"launch date"), .unclosedQuote("\"launch date"))
    }

    func testDanglingOr() {
        XCTAssertEqual(error("OR budget"), .danglingOr)
        XCTAssertEqual(error("budget OR"), .danglingOr)
        XCTAssertEqual(error("budget OR OR costs"), .danglingOr)
        XCTAssertEqual(error("budget OR -costs"), .danglingOr)
        XCTAssertEqual(error("budget OR board:ops"), .danglingOr)
    }

    func testEmptyTerms() {
        XCTAssertEqual(error("*"), .emptyTerm("*"))
        XCTAssertEqual(error("budget -..."), .emptyTerm("-..."))
        XCTAssertEqual(error("\" \""), .emptyTerm("\" \""))
    }
}

final class SearchHighlighterTests: XCTestCase {
    func marked(_ terms: [SearchQuery.Term], _ text: String) -> String {
        SearchHighlighter(terms).segments(text).map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined()
    }

    func testWordsIgnoreCaseAndAccents() {
        XCTAssertEqual(marked([.word("cafe")], "Le Café est fermé, CAFE"), "Le [Café] est fermé, [CAFE]")
        XCTAssertEqual(marked([.word("fermé")], "ferme"), "[ferme]")
        XCTAssertEqual(marked([.word("cafe")], "cafeteria"), "cafeteria", "a word matches whole words")
    }

    func testDecomposedAccentsStayWithTheirLetter() {
        XCTAssertEqual(marked([.word("cafe")], "cafe\u{301}!"), "[cafe\u{301}]!")
    }

    func testPrefixAndPhrase() {
        XCTAssertEqual(marked([.prefix("dep")], "We deploy; deps"), "We [deploy]; [deps]")
        XCTAssertEqual(marked([.phrase("launch plan")], "the launch plan, a launch, the plan"), "the [launch plan], a launch, the plan")
    }

    func testUnspacedScripts() {
        XCTAssertEqual(marked([.word("会議")], "明日の会議について"), "明日の[会議]について")
        XCTAssertTrue(SearchText.hasUnspaced("明日"))
        XCTAssertFalse(SearchText.hasUnspaced("café déjà vu — ok"))
        XCTAssertEqual(SearchText.spacedOut("a会議b"), "a 会  議 b")
        XCTAssertEqual(SearchText.grams("the 会議, then 明日 ok"), " 会 議 0 明 日")
        XCTAssertNil(SearchText.grams("plain café text"))
        XCTAssertEqual(SearchText.runs("会議abc").map(\.text), ["会議", "abc"])
    }

    /// The grams skip plain ASCII eight bytes at a time: wherever the other
    /// characters fall, they are those of a scalar-by-scalar reading.
    func testGramsMatchAScalarByScalarReadingWhereverTheCharactersFall() {
        func reference(_ text: String) -> String? {
            var words: [String] = []
            var inRun = false
            for s in text.unicodeScalars {
                if SearchText.isUnspaced(s) {
                    if !inRun && !words.isEmpty { words.append("0") }
                    words.append(String(s))
                    inRun = true
                } else {
                    inRun = false
                }
            }
            return words.isEmpty ? nil : " " + words.joined(separator: " ")
        }
        let pieces = ["a", "plain words ", "é", "会", "議", "🚀", "\n", "ไทย", "0123456789abcdef", "カ", "한", "\u{07FF}", "\u{0800}", "𠀀"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(SearchText.grams(text), reference(text), text)
        }
        XCTAssertEqual(SearchText.grams("12345678会議12345678明日"), " 会 議 0 明 日")
        XCTAssertEqual(SearchText.grams("1234567会議"), " 会 議")
        // Skipped up to a character inside the eight bytes, wherever it falls.
        XCTAssertEqual(SearchText.grams("ab会cdef議gh"), " 会 0 議")
        XCTAssertEqual(SearchText.grams("abcé会議xyz🚀12345"), " 会 議")
        // A two-byte letter cut in half by an eight-byte skip, then a run.
        XCTAssertEqual(SearchText.grams("1234567é会議"), " 会 議")
        XCTAssertEqual(SearchText.grams("123456é\u{07FF}会"), " 会")
    }

    func testGramsOfAPostAreTheGramsOfItsJoinedText() {
        let texts = ["", "plain", "café 🚀 ✅ — ok", "会議", "明日の会議", "x 𠀀𯿽 y", "ไทย ok", "한국어", "カタカナ ok ひらがな",
                     "\u{E000}\u{FFFF}", "end 会", "会 end"]
        for title in texts.map(Optional.some) + [nil] {
            for body in texts {
                XCTAssertEqual(SearchText.grams(title: title, body: body), SearchText.grams((title ?? "") + "\n" + body), "\(title ?? "nil") / \(body)")
            }
        }
        for t in texts + ["a\u{0E00}", "\u{0DFF}\u{0F00}\u{3FFFF}\u{40000}"] {
            XCTAssertEqual(SearchText.hasUnspaced(t), t.unicodeScalars.contains(where: SearchText.isUnspaced), t)
        }
    }

    func testSnippetCentresOnTheFirstMatch() {
        let text = String(repeating: "filler words here ", count: 20) + "the budget line\nnext"
        let snippet = SearchHighlighter([.word("budget")]).snippet(text, length: 40)
        XCTAssertTrue(snippet.first?.text.hasPrefix("…") ?? false)
        XCTAssertEqual(snippet.filter(\.isMatch).map(\.text), ["budget"])
        XCTAssertFalse(snippet.map(\.text).joined().contains("\n"))
    }
}
