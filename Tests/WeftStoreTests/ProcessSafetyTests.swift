import Foundation
import XCTest
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Crash safety and concurrency with real processes and real files.
final class ProcessSafetyTests: XCTestCase {
    /// Starts `weft dev append`, collecting each id it reports done.
    final class Appender: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var done: [String] = []
        private let finished = DispatchSemaphore(value: 0)

        init(space: String, env: [String: String], count: Int, label: String) throws {
            process.executableURL = URL(fileURLWithPath: WeftProcess.executable)
            process.arguments = ["dev", "append", "--space", space, "--count", "\(count)", "--label", label]
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let handle = out.fileHandleForReading
            DispatchQueue.global().async {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let nl = buffer.firstIndex(of: 10) {
                        let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...nl)
                        if line.hasPrefix("done ") {
                            self.lock.lock()
                            self.done.append(String(line.dropFirst(5)))
                            self.lock.unlock()
                        }
                    }
                }
                self.finished.signal()
            }
        }

        func kill9() { kill(process.processIdentifier, SIGKILL) }

        /// Waits (up to `seconds`) until the process has reported its first append, so
        /// a kill lands in the middle of appending even on a slow, busy machine.
        func waitForFirstReport(seconds: Double = 10) {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                lock.lock()
                let started = !done.isEmpty
                lock.unlock()
                if started || !process.isRunning { return }
                usleep(2_000)
            }
        }

        /// Waits for the process and its output to end; returns the ids reported done.
        func wait() -> [String] {
            process.waitUntilExit()
            finished.wait()
            lock.lock()
            defer { lock.unlock() }
            return done
        }
    }

    func testKillMinus9DuringAppendsLosesNothingReportedDone() throws {
        let box = Sandbox()
        _ = try Fixture.space(box)
        let env = box.environment()
        var reported: [String] = []
        var kills = 0
        var rng = SystemRandomNumberGenerator()
        while reported.count < 250 || kills < 15 {
            let a = try Appender(space: box.space, env: env, count: 100_000, label: "crash")
            a.waitForFirstReport()
            usleep(UInt32.random(in: 2_000...40_000, using: &rng))
            a.kill9()
            reported += a.wait()
            kills += 1
            XCTAssertLessThan(kills, 200, "the appender never reported progress")
            if kills >= 200 { break }
        }
        // The next append after the last crash must leave no corrupt line visible.
        let last = try Appender(space: box.space, env: env, count: 1, label: "after")
        reported += last.wait()
        XCTAssertEqual(last.process.terminationStatus, 0)

        let space = try Space.open(at: box.space)
        var ids: [String] = []
        for j in space.journals().found {
            let batch = JournalReader.parse(try JournalFile.read(j.absolutePath, from: 0), path: j.relativePath,
                                            name: j.name, board: j.board, firstLine: 1)
            XCTAssertEqual(batch.problems, [], "corrupt lines after \(kills) kills")
            XCTAssertFalse(batch.incompleteTail)
            ids += batch.events.map(\.event.event.id.rawValue)
        }
        let present = Set(ids)
        XCTAssertEqual(ids.count, present.count, "no line is written twice")
        let missing = reported.filter { !present.contains($0) }
        XCTAssertEqual(missing, [], "appends reported done must survive kill -9")
        XCTAssertGreaterThanOrEqual(reported.count, 200)
    }

    func testFourProcessesAppendConcurrentlyAndEveryEventIsPresentOnce() throws {
        let box = Sandbox()
        _ = try Fixture.space(box)
        // Same person on one device twice (one file, two writers), the same person on a
        // second device, and a second person.
        let writers = [("ann", "laptop", "p1"), ("ann", "laptop", "p2"), ("ann", "desktop", "p3"), ("bob", "laptop", "p4")]
        let appenders = try writers.map { who, device, label in
            try Appender(space: box.space, env: box.environment(handle: who, device: device), count: 250, label: label)
        }
        var reported: [String] = []
        for a in appenders {
            reported += a.wait()
            XCTAssertEqual(a.process.terminationStatus, 0)
        }
        XCTAssertEqual(reported.count, 1000)

        let store = try Fixture.store(box, handle: "cy")
        let statuses = try store.index.statuses(limit: 10_000)
        XCTAssertEqual(statuses.count, 1000)
        XCTAssertEqual(Set(statuses.map(\.id.rawValue)), Set(reported))
        for (_, _, label) in writers {
            let mine = statuses.filter { $0.text.hasPrefix(label + " ") }.map(\.text)
            XCTAssertEqual(Set(mine), Set((0..<250).map { "\(label) \($0)" }))
        }
        XCTAssertEqual(try store.index.problems(), [])
        let files = Set(try Space.open(at: box.space).journals().found.map(\.name.fileName))
        XCTAssertEqual(files.count, 3, "ann@laptop shared by two processes, ann@desktop, bob@laptop: \(files)")
    }

    func testTwoProcessesCatchingUpAtOnceApplyEachLineOnce() throws {
        let box = Sandbox()
        let space = try Fixture.space(box)
        var lines = ""
        for i in 0..<3000 {
            lines += Fixture.line(.statusPosted(StatusPosted(kind: .note, text: "s\(i)"))) + "\n"
        }
        Fixture.append(lines, to: space.spaceJournalDirectory + "/ann@laptop.jsonl")
        let env = box.environment(handle: "bob")
        let group = DispatchGroup()
        let results = NSLock()
        nonisolated(unsafe) var outputs: [WeftProcess.Result] = []
        for _ in 0..<3 {
            group.enter()
            DispatchQueue.global().async {
                let r = WeftProcess.run(["status", "list", "--space", box.space, "--limit", "5000", "--json"], env: env)
                results.lock(); outputs.append(r); results.unlock()
                group.leave()
            }
        }
        group.wait()
        for r in outputs {
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual((WeftProcess.json(r) as? [Any])?.count, 3000)
        }
        let store = try Fixture.store(box, handle: "bob")
        XCTAssertEqual(try store.index.statuses(limit: 10_000).count, 3000)
        XCTAssertEqual(try store.index.stats()["journals"], 1)
        XCTAssertEqual(try store.index.catchUp().eventsApplied, 0)
    }
}
