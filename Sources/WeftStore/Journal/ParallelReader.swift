import Foundation
import WeftCore

/// Reads and decodes whole journals on every core at once, for a build from
/// scratch (decoding is pure, so journals need no coordination).
enum ParallelReader {
    /// One journal, decoded, with the text of its access events (which the
    /// index keeps verbatim) cut out so the bytes need not be kept.
    struct Decoded<Prepared: Sendable>: Sendable {
        /// The journal's problems, lines and bytes read; its events are in `events`.
        var batch = JournalReader.Batch()
        var accessTexts: [Int: String] = [:]
        /// Each event's time in milliseconds, so ordering them does not touch
        /// the events themselves (which are cold in another core's cache).
        var times: [Int64] = []
        /// The events, each with what `prepare` made of it on the decoding thread.
        var events: [Event<Prepared>] = []
        var failure: StoreError?
    }

    /// One decoded event and what was prepared from it, in one object. The thread
    /// that applies events reads them through their `let` properties, which Swift
    /// borrows: passing a struct element of an array instead copied the whole
    /// event, retaining each of its strings, which another core had just written.
    final class Event<Prepared: Sendable>: Sendable {
        let line: Int
        let stored: StoredEvent
        let offset: Int
        let length: Int
        let prepared: Prepared

        init(line: Int, stored: StoredEvent, offset: Int, length: Int, prepared: Prepared) {
            self.line = line
            self.stored = stored
            self.offset = offset
            self.length = length
            self.prepared = prepared
        }
    }

    /// Decodes `journals`, and runs `prepare` on every event while it is at hand.
    static func read<Prepared: Sendable>(_ journals: [Space.JournalLocation],
                                         prepare: @escaping @Sendable (StoredEvent) -> Prepared) -> [Decoded<Prepared>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, journals.count, 8))
        return [Decoded<Prepared>](unsafeUninitializedCapacity: journals.count) { buffer, count in
            buffer.initialize(repeating: Decoded())
            nonisolated(unsafe) let slots = buffer
            let next = NextIndex()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // Each journal index is handed out once, so each slot has one writer.
                while let i = next.take(below: journals.count) {
                    slots[i] = decode(journals[i], prepare: prepare)
                }
            }
            count = journals.count
        }
    }

    static func decode<Prepared>(_ j: Space.JournalLocation, prepare: (StoredEvent) -> Prepared) -> Decoded<Prepared> {
        var out = Decoded<Prepared>()
        do {
            let bytes = try JournalFile.read(j.absolutePath, from: 0)
            out.batch = JournalReader.parse(bytes, path: j.relativePath, name: j.name, board: j.board, firstLine: 1)
            // Each event is moved out of the batch into its object, not copied (a copy
            // retains every string in it, and emptying the batch releases them again).
            // The same reverse-and-pop as `FullTextBuilder.run`, written out: a helper
            // taking a closure copied each element again (callgrind).
            var parsed = out.batch.events
            out.batch.events = []
            out.times.reserveCapacity(parsed.count)
            out.events.reserveCapacity(parsed.count)
            parsed.reverse()
            var i = 0
            while let (line, stored, offset, length) = parsed.popLast() {
                out.times.append(stored.event.at.milliseconds)
                if SpaceAccess.isAccessEvent(stored.event.payload) {
                    out.accessTexts[i] = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
                }
                let prepared = prepare(stored)
                out.events.append(Event(line: line, stored: consume stored, offset: offset, length: length, prepared: prepared))
                i += 1
            }
        } catch {
            out.failure = error
        }
        return out
    }
}

/// A counter shared by worker threads.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
