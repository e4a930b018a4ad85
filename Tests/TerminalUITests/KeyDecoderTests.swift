import XCTest

@testable import TerminalUI

final class KeyDecoderTests: XCTestCase {
    private let decoder = KeyDecoder()
    private let codes = CursesKeyCodes.ncurses6

    private func character(_ code: UInt32) -> KeyDecoder.Decoded {
        decoder.decode(isFunctionKey: false, code: code)
    }

    private func function(_ code: Int) -> KeyDecoder.Decoded {
        decoder.decode(isFunctionKey: true, code: UInt32(code))
    }

    func testPrintableCharactersIncludingUnicode() {
        XCTAssertEqual(character(0x6A), .key(.char("j")))
        XCTAssertEqual(character(0xE9), .key(.char("é")))
        XCTAssertEqual(character(0x65E5), .key(.char("日")))
        XCTAssertEqual(character(0x1F44D), .key(.char("👍")))
        XCTAssertEqual(character(0x20), .key(.char(" ")))
    }

    func testControlBytes() {
        XCTAssertEqual(character(0x01), .key(.ctrl("a")))
        XCTAssertEqual(character(0x03), .key(.ctrl("c")))
        XCTAssertEqual(character(0x05), .key(.ctrl("e")))
        XCTAssertEqual(character(0x1A), .key(.ctrl("z")))
        XCTAssertEqual(character(0x00), .key(.ctrl(" ")))
        XCTAssertEqual(character(0x1F), .key(.ctrl("_")))
        XCTAssertEqual(character(0x09), .key(.tab))
        XCTAssertEqual(character(0x0D), .key(.enter))
        XCTAssertEqual(character(0x0A), .key(.enter))
        XCTAssertEqual(character(0x1B), .key(.escape))
        XCTAssertEqual(character(0x7F), .key(.backspace))
        XCTAssertEqual(character(0x08), .key(.backspace))
    }

    func testInvalidAndC1CodesAreIgnored() {
        XCTAssertEqual(character(0x9B), .ignored)
        XCTAssertEqual(character(0xD800), .ignored, "a surrogate is not a scalar")
        XCTAssertEqual(character(0x110000), .ignored)
    }

    func testFunctionKeyCodes() {
        XCTAssertEqual(function(codes.up), .key(.up))
        XCTAssertEqual(function(codes.down), .key(.down))
        XCTAssertEqual(function(codes.left), .key(.left))
        XCTAssertEqual(function(codes.right), .key(.right))
        XCTAssertEqual(function(codes.home), .key(.home))
        XCTAssertEqual(function(codes.end), .key(.end))
        XCTAssertEqual(function(codes.pageUp), .key(.pageUp))
        XCTAssertEqual(function(codes.pageDown), .key(.pageDown))
        XCTAssertEqual(function(codes.enter), .key(.enter))
        XCTAssertEqual(function(codes.backspace), .key(.backspace))
        XCTAssertEqual(function(codes.delete), .key(.delete))
        XCTAssertEqual(function(codes.insert), .key(.insert))
        XCTAssertEqual(function(codes.backTab), .key(.backTab))
        XCTAssertEqual(function(codes.f0 + 1), .key(.function(1)))
        XCTAssertEqual(function(codes.f0 + 12), .key(.function(12)))
        XCTAssertEqual(function(codes.resize), .resize)
        XCTAssertEqual(function(codes.mouse), .mouse)
        XCTAssertEqual(function(0o777), .ignored)
    }

    func testMirroredCodesMatchCursesHeader() {
        // Octal values from <curses.h>, ncurses 6.
        XCTAssertEqual(codes.down, 258)
        XCTAssertEqual(codes.f0, 264)
        XCTAssertEqual(codes.delete, 330)
        XCTAssertEqual(codes.resize, 410)
    }

    func testMouseButtons() {
        let mice = MouseDecoder()
        let masks = MouseDecoder.Masks.ncurses6
        XCTAssertEqual(mice.decode(buttonState: masks.button1Pressed, x: 3, y: 4), .click(x: 3, y: 4))
        XCTAssertEqual(mice.decode(buttonState: masks.button1Clicked, x: 0, y: 0), .click(x: 0, y: 0))
        XCTAssertEqual(mice.decode(buttonState: masks.button4Pressed, x: 1, y: 2), .wheelUp(x: 1, y: 2))
        XCTAssertEqual(mice.decode(buttonState: masks.button5Pressed, x: 1, y: 2), .wheelDown(x: 1, y: 2))
        XCTAssertNil(mice.decode(buttonState: 0o1, x: 0, y: 0), "button 1 release")
    }
}
