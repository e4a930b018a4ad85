import Foundation
import WeftCore

/// Where a post's text comes from: `--body`, `--body-file` (or `-` for stdin), or stdin.
enum BodyInput {
    static func read(body: String?, file: String?, required: Bool = true) throws -> String? {
        if body != nil && file != nil { throw CommandError("give either --body or --body-file, not both") }
        if let body { return body }
        if let file {
            if file == "-" { return readStdin() }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read --body-file \(file): no such file or not readable")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw CommandError("--body-file \(file) is not UTF-8 text")
            }
            return text
        }
        // Optional text (`edit --title` alone) is never taken from stdin: a script's
        // empty stdin would otherwise become an "empty text" error.
        if !required { return nil }
        if isatty(0) == 0 { return readStdin() }
        throw CommandError("no text given: use --body TEXT, --body-file FILE, or pipe the text on stdin")
    }

    private static func readStdin() -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }
}
