import Foundation

/// Runs a Python 3 that has the module a test needs: the Debian one gets
/// python3-markdown from `make test-deps`, while a python3 earlier on PATH (pyenv)
/// may lack it.
public enum Python {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// nil when no python3 with `module` is installed.
    public static func run(_ args: [String], stdin: String, needs module: String = "email") -> Result? {
        for exe in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where FileManager.default.isExecutableFile(atPath: exe) {
            if run(exe, ["-c", "import \(module)"], stdin: "")?.status == 0 {
                return run(exe, args, stdin: stdin)
            }
        }
        return nil
    }

    static func run(_ exe: String, _ args: [String], stdin: String) -> Result? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        do { try p.run() } catch { return nil }
        // Read stderr on the side so a chatty child cannot block on a full pipe.
        let errData = ErrorBox()
        let reader = Thread { errData.data = errPipe.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try? inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errData.data ?? Data(), as: UTF8.self))
    }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
    var done: Bool { data != nil }
}
