import ArgumentParser
import Foundation
import WeftCore
import WeftStore

/// Opens the store for a command and turns every failure into one line on
/// stderr and a non-zero exit code.
func withStore(_ global: GlobalOptions, catchUp: Bool = true, _ body: (Store) throws -> Void) throws {
    try reportingErrors {
        let store = try Store.open(spaceFlag: global.space, clock: try ClockChoice.make(), catchUp: catchUp)
        try body(store)
    }
}

/// Runs `body`, printing any error as `weft: <message>` and exiting with 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e as StoreError {
        fail(e.description)
    } catch let e as WeftCore.ValidationError {
        fail(e.description)
    } catch let e as CommandError {
        fail(e.message)
    } catch {
        fail("\(error)")
    }
}

func fail(_ message: String) -> Never {
    // Inert: messages echo arguments (ids, paths), which must not act on the terminal or break the one line.
    FileHandle.standardError.write(Data(("weft: " + Inert.line(message) + "\n").utf8))
    exit(1)
}

/// An error a command reports about its arguments or state.
struct CommandError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
