import Foundation
import TerminalUI
import WeftTestSupport
import XCTest

@testable import WeftApp

/// The key table is the single source of keys: Docs/keys.md, the help overlay
/// and the status line are generated from it and must agree with it.
final class KeyTableTests: XCTestCase {
    /// The repository root, three levels above this file.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    func testDocsKeysMatchesTheKeyTable() throws {
        let url = Self.root.appendingPathComponent("Docs/keys.md")
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(onDisk, KeysDoc.markdown(),
                       "Docs/keys.md is stale: regenerate it with `weft dev keys-doc > Docs/keys.md`")
    }

    func testKeysDocCommandPrintsTheDocument() {
        let result = WeftProcess.run(["dev", "keys-doc"], env: ProcessInfo.processInfo.environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, KeysDoc.markdown())
    }

    func testEveryCommandIsDocumented() {
        let document = KeysDoc.markdown()
        for command in Command.allCases {
            XCTAssertTrue(document.contains(command.help), "\(command) is in Docs/keys.md")
            for binding in command.bindings {
                XCTAssertTrue(document.contains("`\(binding.label)`"), "\(binding.label) is in Docs/keys.md")
            }
        }
    }

    func testNoKeyMeansTwoThingsInOneContext() {
        for context in KeyContext.allCases {
            var seen: [KeyBinding.Trigger: Command] = [:]
            for command in Command.available(in: context) {
                for binding in command.bindings {
                    XCTAssertNil(seen[binding.trigger], "\(binding.label) is bound twice in \(context)")
                    seen[binding.trigger] = command
                }
            }
        }
    }

    func testEveryKeyOfTheTableIsFoundInItsContexts() {
        for command in Command.allCases {
            for binding in command.bindings {
                guard case .key(let key) = binding.trigger else { continue }
                for context in command.contexts {
                    XCTAssertEqual(Command.matching(key, in: context), command)
                }
                for context in Set(KeyContext.allCases).subtracting(command.contexts) {
                    XCTAssertNotEqual(Command.matching(key, in: context), command,
                                      "\(binding.label) does nothing in \(context)")
                }
            }
        }
    }

    func testHelpOverlayListsEveryCommandOfTheContext() {
        for context in KeyContext.allCases {
            let lines = HelpOverlay.lines(for: context, width: 200)
            // Long help texts wrap onto indented lines: compare words.
            let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            for command in Command.allCases {
                // Two commands may share a key in different contexts (Tab, Enter): match the help too.
                let listed = lines.contains {
                    $0.hasPrefix("  " + command.keyLabels + " ") && $0.contains(String(command.help.prefix(16)))
                }
                XCTAssertEqual(listed, command.contexts.contains(context), "\(command) in help of \(context)")
                if listed {
                    XCTAssertTrue(text.contains(command.help), "\(command) help text in \(context)")
                }
            }
        }
    }

    func testStatusLineOnlyHintsCommandsThatWorkThere() {
        for context in KeyContext.allCases {
            for command in context.hintedCommands {
                XCTAssertTrue(command.contexts.contains(context), "\(command) hinted in \(context)")
            }
        }
    }
}
