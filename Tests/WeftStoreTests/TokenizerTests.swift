import Foundation
import GRDB
import XCTest
import CSQLiteTuning
@testable import WeftStore

/// Weft's connections tokenize full text with a faster stand-in for FTS5's
/// unicode61 (Sources/CSQLiteTuning/unicode61.c). It must give exactly what
/// unicode61 gives: the same tokens, offsets and errors, or the index would
/// differ from one SQLite builds and searches would miss. Each case tokenizes
/// with both and compares.
final class TokenizerTests: XCTestCase {
    private var queue: DatabaseQueue!

    override func setUpWithError() throws {
        SQLiteProcess.prepare()
        queue = try DatabaseQueue()
    }

    /// Whether both tokenizers agree on `bytes` when made with `args`.
    private func agree(_ bytes: [UInt8], _ args: [String] = ["remove_diacritics", "2"],
                       file: StaticString = #filePath, line: UInt = #line) -> Bool {
        queue.inDatabase { db in
            let cArgs = args.map { strdup($0) }
            defer { cArgs.forEach { free($0) } }
            var pointers = cArgs.map { UnsafePointer($0) }
            let result = bytes.withUnsafeBufferPointer { text in
                text.withMemoryRebound(to: CChar.self) { chars in
                    pointers.withUnsafeMutableBufferPointer { p in
                        weft_unicode61_compare(db.sqliteConnection, p.baseAddress, Int32(args.count),
                                               chars.baseAddress, Int32(chars.count))
                    }
                }
            }
            XCTAssertGreaterThanOrEqual(result, 0, "the replacement is not registered", file: file, line: line)
            return result == 0
        }
    }

    private func assertAgree(_ text: String, _ args: [String] = ["remove_diacritics", "2"],
                             file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(agree(Array(text.utf8), args, file: file, line: line), "tokens differ for \(text.debugDescription)",
                      file: file, line: line)
    }

    func testTheReplacementIsRegisteredOnNewConnections() throws {
        // Registered by every connection as it opens (an auto extension).
        XCTAssertTrue(agree(Array("hello".utf8)))
    }

    func testWordsOfManyScripts() throws {
        for text in ["", "   ", "Hello, World!", "naïve café Ünïcödé", "ÀÉÎÕÜ àéîõü ß ẞ Œ œ", "日本語のテキスト 検索",
                     "Straße 🎉 👍🏽 ❤️ x+1", "déjà-vu e\u{301}te\u{301} \u{301}start", "Ⅲ ① ½ ²", "İstanbul ıi",
                     "Ελληνικά ΣΊΣΥΦΟΣ", "Русский ЁЖ", "עברית العربية", "हिन्दी ไทย", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐐀𐐨",
                     "a\u{0}b\tc\nd\r\u{7f}e", "ID_42 v1.2.3 user@example.com #tag"] {
            try assertAgree(text)
        }
    }

    /// Every character of the Basic Multilingual Plane and a sample of the
    /// others: alone, after a letter, and before one.
    func testEveryCharacter() throws {
        var scalars = (0x80...0xFFFF).compactMap(Unicode.Scalar.init)
        scalars += stride(from: 0x10000, through: 0x10FFFF, by: 97).compactMap(Unicode.Scalar.init)
        scalars += (0x10400...0x10450).compactMap(Unicode.Scalar.init)  // Deseret folds
        for chunk in stride(from: 0, to: scalars.count, by: 64) {
            let part = scalars[chunk..<min(chunk + 64, scalars.count)]
            var spaced = "", joined = "x", between = ""
            for s in part {
                spaced += String(s) + " "
                joined.unicodeScalars.append(s)
                between += "a" + String(s) + "b "
            }
            try assertAgree(spaced)
            try assertAgree(joined)
            try assertAgree(between)
        }
        // All of them in one text, twice: more characters than one tokenizer
        // remembers (65,536), so the last are learnt again each time they come.
        var all = ""
        for s in scalars { all += String(s) + "a" + String(s) + " " }
        XCTAssertGreaterThan(scalars.count, 65_536)
        try assertAgree(all + all)
    }

    /// Text that is not UTF-8: lone continuation bytes, truncated and overlong
    /// sequences, surrogates, five- and six-byte forms and runs of continuation
    /// bytes that overflow, each read the way unicode61 reads it.
    func testMalformedBytes() throws {
        let cases: [[UInt8]] = [
            [0x80], [0xBF, 0x61], [0x61, 0x80, 0x62], [0xC3], [0x61, 0xC3], [0xC3, 0x61], [0xE6, 0x97],
            [0xC0, 0x80], [0xC1, 0xBF, 0x61], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE],
            [0xF4, 0x90, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xFE], [0xFF, 0x61],
            [0x61] + [UInt8](repeating: 0xBF, count: 9), [0x61, 0xF4] + [UInt8](repeating: 0x80, count: 12) + [0x62],
        ]
        for bytes in cases {
            XCTAssertTrue(agree(bytes), "tokens differ for \(bytes)")
        }
        var rng = SeededRandom(seed: 7)
        let alphabet: [UInt8] = [0x20, 0x41, 0x61, 0x7A, 0x30, 0x2D, 0x80, 0x8F, 0xBF, 0xC0, 0xC3, 0xA9, 0xCC, 0x81,
                                 0xE3, 0x81, 0x82, 0xE6, 0x97, 0xA5, 0xED, 0xF0, 0x9F, 0x8E, 0x89, 0xF4, 0xF8, 0xFF, 0x00]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 1...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            XCTAssertTrue(agree(bytes), "tokens differ for \(bytes)")
        }
    }

    /// Tokens longer than the buffer the tokenizer starts with.
    func testLongTokens() throws {
        try assertAgree(String(repeating: "a", count: 1000))
        try assertAgree("x " + String(repeating: "é", count: 500) + " y")
        try assertAgree(String(repeating: "日本語", count: 300) + " " + String(repeating: "Ab\u{301}", count: 200))
        try assertAgree(String(repeating: "a", count: 61) + "日本" + String(repeating: "b", count: 70))
    }

    /// Other arguments: other diacritic modes and categories take the fast
    /// path; token characters and separators named by hand go to unicode61.
    func testArguments() throws {
        let text = "Crème brûlée, naïve-café_42 ΣΊΣΥΦΟΣ 日本 e\u{301} 𝔘 x.y"
        for args in [[], ["remove_diacritics", "0"], ["remove_diacritics", "1"], ["categories", "L* N* Co Mn"],
                     ["categories", "L*"], ["tokenchars", "-_."], ["separators", "aé"],
                     ["remove_diacritics", "2", "tokenchars", "日"]] {
            try assertAgree(text, args)
        }
    }

    /// Full-text search through the replacement finds what unicode61 would.
    func testSearchFindsFoldedWords() throws {
        try queue.inDatabase { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
            try db.execute(sql: "INSERT INTO t(rowid, body) VALUES (1, 'Crème Brûlée au café'), (2, '日本語 テキスト'), (3, 'plain words')")
            func match(_ query: String) throws -> [Int64] {
                try Int64.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", arguments: [query])
            }
            XCTAssertEqual(try match("creme"), [1])
            XCTAssertEqual(try match("BRULEE"), [1])
            XCTAssertEqual(try match("cafe"), [1])
            XCTAssertEqual(try match("日本語"), [2])
            XCTAssertEqual(try match("plain"), [3])
            XCTAssertEqual(try match("words OR café"), [1, 3])
        }
    }
}
