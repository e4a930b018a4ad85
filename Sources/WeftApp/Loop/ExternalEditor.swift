import Foundation
import TerminalUI
import WeftStore

/// `Ctrl-E` in a composer: the text goes to `$VISUAL` (else `$EDITOR`, else
/// `vi`) in a private temporary file, with the terminal handed back to the
/// shell while the editor runs, and comes back when it exits.
///
/// The file lives in the person's private state directory (mode 0600) and is
/// removed afterwards; the composer's draft was saved before the editor
/// started, so a crash in between loses nothing.
struct ExternalEditor {
    let store: Store
    let terminal: any Terminal

    /// The command to run, as the shell would: `$VISUAL`, `$EDITOR` or `vi`.
    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = store.env[name], !value.trimmingCharacters(in: .whitespaces).isEmpty {
                return value
            }
        }
        return "vi"
    }

    func edit(_ text: String) -> Action {
        let directory = store.privateState.directory
        let path = directory + "/compose-\(getpid()).md"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return .failed("Cannot start the editor: \(directory) is not writable.")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return .failed("Cannot start the editor: \(path) is not writable.") }
        defer { unlink(path) }
        terminal.suspend()
        let status = run(path)
        terminal.resume()
        guard let status else { return .failed("Cannot run the editor '\(command)'.") }
        guard status == 0 else {
            return .failed("The editor '\(command)' exited with status \(status); the text is unchanged.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("The editor removed the file; the text is unchanged.")
        }
        var edited = String(decoding: data, as: UTF8.self)
        // Editors end files with a newline the text did not have.
        if edited.hasSuffix("\n"), !text.hasSuffix("\n") {
            edited.removeLast()
        }
        return .externalEditorFinished(edited)
    }

    /// Runs the editor through the shell (so `EDITOR="code --wait"` works)
    /// on the terminal; the exit status, or nil when it could not start.
    private func run(_ path: String) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "sh", path]
        process.environment = store.env.variables
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
