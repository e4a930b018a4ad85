import XCTest

@testable import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

final class HeadlessTerminalTests: XCTestCase {
    /// A minimal application loop, as WeftApp would write one.
    private func run(on terminal: some Terminal) -> [String] {
        var list = ListView(rowCount: 1000)
        var seen: [String] = []
        while true {
            let size = terminal.size
            var grid = CellGrid(size: size)
            TitleBar(left: "Demo", right: "\(list.selection)").render(into: &grid, in: grid.bounds.row(0))
            let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 1)
            list.render(into: &grid, in: body) { ListView.Line("row \($0)") }
            terminal.draw(grid, cursor: nil)
            let event = terminal.nextEvent(timeoutMs: 250)
            seen.append("\(event)")
            switch event {
            case .closed, .terminate, .key(.char("q")):
                return seen
            case .key(.char("j")):
                list.move(by: 1, height: body.height)
            case .resize(_, let height):
                list.select(list.selection, height: height - 1)
            default:
                break
            }
        }
    }

    func testDrivesAnApplicationLoop() {
        let terminal = HeadlessTerminal(width: 20, height: 4, events: [.key(.char("j")), .key(.char("j")), .tick])
        terminal.enqueue(.key(.char("j")), .key(.char("q")))
        let seen = run(on: terminal)
        XCTAssertEqual(seen.count, 5)
        XCTAssertEqual(terminal.frameCount, 5)
        XCTAssertEqual(terminal.screen, [" Demo             3", "row 1", "row 2", "row 3"])
        XCTAssertEqual(terminal.requestedTimeouts, Array(repeating: 250, count: 5))
        XCTAssertNil(terminal.lastCursor)
    }

    func testResizeChangesTheSizeAndReportsIt() {
        let terminal = HeadlessTerminal(width: 20, height: 4)
        terminal.resize(width: 30, height: 6)
        XCTAssertEqual(terminal.size, Size(width: 30, height: 6))
        _ = run(on: terminal)
        XCTAssertEqual(terminal.lastGrid?.size, Size(width: 30, height: 6))
        XCTAssertEqual(terminal.screen.count, 6)
    }

    func testEndsWithClosedAndTracksSuspension() {
        let terminal = HeadlessTerminal(width: 10, height: 2)
        XCTAssertEqual(terminal.nextEvent(timeoutMs: 0), .closed)
        terminal.suspend()
        XCTAssertTrue(terminal.isSuspended)
        terminal.resume()
        XCTAssertFalse(terminal.isSuspended)
        terminal.draw(CellGrid(width: 10, height: 2), cursor: Point(x: 3, y: 1))
        XCTAssertEqual(terminal.lastCursor, Point(x: 3, y: 1))
    }
}

final class GlyphPlanTests: XCTestCase {
    /// glibc-like widths: emoji and CJK wide, regional indicators and ❤ narrow,
    /// marks zero, unassigned -1.
    private func wcwidth(_ value: UInt32) -> Int {
        guard let scalar = Unicode.Scalar(value) else { return -1 }
        if value == 0xAD { return 1 }
        switch scalar.properties.generalCategory {
        case .unassigned, .control: return -1
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        return DisplayWidth.of(scalar)
    }

    private func plan(_ character: Character, _ width: Int) -> [[UInt32]] {
        GlyphPlan.pieces(for: character, width: width, wcwidth: wcwidth)
    }

    func testPlainCharactersAreOnePiece() {
        XCTAssertEqual(plan("a", 1), [[0x61]])
        XCTAssertEqual(plan("日", 2), [[0x65E5]])
        XCTAssertEqual(plan("e\u{301}", 1), [[0x65, 0x301]])
        XCTAssertEqual(plan("\u{AD}", 1), [[0xAD]], "soft hyphen")
    }

    func testZWJSequencesKeepTheirFirstEmoji() {
        XCTAssertEqual(plan("👩‍💻", 2), [[0x1F469]])
        XCTAssertEqual(plan("👍🏽", 2), [[0x1F44D]])
    }

    func testFlagsAreTwoNarrowPieces() {
        XCTAssertEqual(plan("🇯🇵", 2), [[0x1F1EF], [0x1F1F5]])
    }

    func testNarrowBasesArePaddedToTheGridWidth() {
        XCTAssertEqual(plan("\u{2764}\u{FE0F}", 2), [[0x2764], [0x20]], "VS16 dropped, space added")
        XCTAssertEqual(plan("1\u{FE0F}\u{20E3}", 2), [[0x31, 0x20E3], [0x20]])
    }

    func testUnprintableBasesAreReplaced() {
        XCTAssertEqual(plan("\u{E0001}", 1), [[0xFFFD]], "format character as a base")
        XCTAssertEqual(plan("\u{50000}", 1), [[0xFFFD]], "unassigned")
        XCTAssertEqual(plan("日", 1), [[0xFFFD]], "wider than the cell")
    }

    func testPiecesAlwaysAddUpToTheCellWidth() {
        let samples: [Character] = ["a", "é", "日", "👍", "👩‍💻", "🇯🇵", "❤️", "1️⃣", "\u{50000}", "한"]
        for sample in samples {
            let width = DisplayWidth.of(sample)
            let total = plan(sample, width).reduce(0) { $0 + max(1, wcwidth($1[0])) }
            XCTAssertEqual(total, width, "\(sample)")
        }
    }
}

final class PaletteTests: XCTestCase {
    func testNoColorForcesMonochrome() {
        XCTAssertEqual(ColorMode.detect(noColor: "1", terminalHasColors: true), .monochrome)
        XCTAssertEqual(ColorMode.detect(noColor: "", terminalHasColors: true), .color, "empty NO_COLOR is unset")
        XCTAssertEqual(ColorMode.detect(noColor: nil, terminalHasColors: true), .color)
        XCTAssertEqual(ColorMode.detect(noColor: nil, terminalHasColors: false), .monochrome)
    }

    func testMonochromeUsesAttributesOnly() {
        let palette = Palette.standard
        for role in Role.allCases {
            let appearance = palette.appearance(of: Style(role), in: .monochrome)
            XCTAssertEqual(appearance.foreground, .default)
            XCTAssertEqual(appearance.background, .default)
        }
        XCTAssertEqual(palette.appearance(of: Style(.selection), in: .monochrome).attributes, [.reverse])
        XCTAssertEqual(palette.appearance(of: Style(.unread), in: .monochrome).attributes, [.bold])
        XCTAssertEqual(palette.appearance(of: Style(.dim), in: .monochrome).attributes, [.dim])
        XCTAssertEqual(palette.appearance(of: Style(.warning), in: .monochrome).attributes, [.bold, .underline])
    }

    func testColorsKeepTheDefaultBackgroundAndFlagsAdd() {
        let palette = Palette.standard
        for role in Role.allCases {
            XCTAssertEqual(palette.appearance(of: Style(role), in: .color).background, .default, "\(role)")
        }
        let accent = palette.appearance(of: Style(.accent, [.underline]), in: .color)
        XCTAssertEqual(accent.foreground, .cyan)
        XCTAssertEqual(accent.attributes, [.underline])
        XCTAssertTrue(palette.appearance(of: Style(.selection), in: .color).attributes.contains(.reverse))
    }
}

final class StdinProbeTests: XCTestCase {
    private func withPipe(_ body: (_ read: Int32, _ write: Int32) -> Void) {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        body(fds[0], fds[1])
        close(fds[0])
        if fds[1] >= 0 { close(fds[1]) }
    }

    func testEmptyOpenInputIsIdle() {
        withPipe { readEnd, _ in
            XCTAssertEqual(StdinProbe.check(fileDescriptor: readEnd), .idle)
        }
    }

    func testPendingByteIsReturned() {
        withPipe { readEnd, writeEnd in
            var byte: UInt8 = 0x71
            XCTAssertEqual(write(writeEnd, &byte, 1), 1)
            XCTAssertEqual(StdinProbe.check(fileDescriptor: readEnd), .byte(0x71))
            XCTAssertEqual(StdinProbe.check(fileDescriptor: readEnd), .idle)
        }
    }

    func testClosedInputIsDetected() {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[1])
        XCTAssertEqual(StdinProbe.check(fileDescriptor: fds[0]), .closed)
        close(fds[0])
        XCTAssertEqual(StdinProbe.check(fileDescriptor: fds[0]), .closed, "a closed descriptor")
    }
}
