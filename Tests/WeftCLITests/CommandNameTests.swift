import ArgumentParser
import XCTest
@testable import weft

/// Every command names itself. A command without a `commandName` is named from
/// its type at run time (`String(describing:)`), which looks the type up among
/// every protocol conformance in the binary: for the fifty or so commands the
/// parser names, that was about 10 ms of every `weft` invocation.
final class CommandNameTests: XCTestCase {
    func testEveryCommandHasAnExplicitName() {
        var unnamed: [String] = []
        var count = 0
        func visit(_ command: any ParsableCommand.Type, path: String) {
            count += 1
            let name = command.configuration.commandName
            if name == nil { unnamed.append("\(path) \(command)") }
            for sub in command.configuration.subcommands { visit(sub, path: path + " " + (name ?? "?")) }
        }
        visit(Weft.self, path: "")
        XCTAssertEqual(unnamed, [])
        XCTAssertGreaterThan(count, 80)
    }
}
