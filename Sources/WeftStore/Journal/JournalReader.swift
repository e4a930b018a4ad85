#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import WeftCore

/// A line that could not be used, and why.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    public var journal: String
    public var line: Int
    public var reason: String

    public init(journal: String, line: Int, reason: String) {
        self.journal = journal
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(journal):\(line): \(reason)" }
}

/// Splits journal bytes into events, reporting each unusable line and going on.
public enum JournalReader {
    public struct Batch: Sendable {
        /// Events with the (1-based) line number and the byte range of their line.
        public var events: [(line: Int, event: StoredEvent, offset: Int, length: Int)] = []
        public var problems: [JournalProblem] = []
        /// Bytes consumed: up to and including the last newline.
        public var consumed: Int = 0
        public var lines: Int = 0
        /// A last line without a newline: a write in progress, or one cut short.
        public var incompleteTail = false
    }

    /// Parses `bytes` (which start at line `firstLine`) of the journal `name`,
    /// displayed as `path`, in the board `board` (nil for the space journal).
    public static func parse(_ bytes: [UInt8], path: String, name: JournalName, board: BoardSlug?, firstLine: Int) -> Batch {
        var batch = Batch()
        var start = 0
        var lineNo = firstLine
        bytes.withUnsafeBufferPointer { buf in
            while start < buf.count {
                guard let base = buf.baseAddress, let found = memchr(base + start, 10, buf.count - start) else {
                    batch.incompleteTail = true
                    batch.problems.append(JournalProblem(journal: path, line: lineNo,
                        reason: "incomplete last line (an interrupted write; the owner's next append repairs it)"))
                    break
                }
                let nl = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let slice = UnsafeBufferPointer(rebasing: buf[start..<nl])
                defer {
                    start = nl + 1
                    batch.consumed = start
                    batch.lines += 1
                    lineNo += 1
                }
                if slice.isEmpty || slice.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                do throws(EventCodec.LineError) {
                    let event = try EventCodec.decode(slice)
                    if let claimed = event.author, claimed != name.handle {
                        batch.problems.append(JournalProblem(journal: path, line: lineNo,
                            reason: "claims author '\(claimed)' but the journal belongs to '\(name.handle)'; rejected"))
                        continue
                    }
                    if board == nil && !event.payload.allowedAtSpaceLevel {
                        batch.problems.append(JournalProblem(journal: path, line: lineNo,
                            reason: "a \(event.type) event belongs in a board's journal, not the space journal; ignored"))
                        continue
                    }
                    if board != nil, case .memberProfile = event.payload {
                        batch.problems.append(JournalProblem(journal: path, line: lineNo,
                            reason: "member.profile belongs in the space journal; ignored"))
                        continue
                    }
                    if board != nil, case .access(.role) = event.payload {
                        batch.problems.append(JournalProblem(journal: path, line: lineNo,
                            reason: "member.role belongs in the space journal; ignored"))
                        continue
                    }
                    batch.events.append((lineNo, StoredEvent(event: event, author: name.handle, board: board), start, slice.count))
                } catch {
                    batch.problems.append(JournalProblem(journal: path, line: lineNo, reason: error.description))
                }
            }
        }
        return batch
    }
}
