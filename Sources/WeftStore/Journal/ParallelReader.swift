import Foundation
import WeftCore

/// Reads and decodes whole journals on every core at once, for a build from
/// scratch (decoding is pure, so journals need no coordination).
enum ParallelReader {
    /// One journal, decoded, with the text of its access events (which the
    /// index keeps verbatim) cut out so the bytes need not be kept.
    struct Decoded: Sendable {
        var batch = JournalReader.Batch()
        var accessTexts: [Int: String] = [:]
        /// Each event's time in milliseconds, so ordering them does not touch
        /// the events themselves (which are cold in another core's cache).
        var times: [Int64] = []
        /// The entity keys of events that change something created earlier.
        var changeKeys: [String] = []
        var failure: StoreError?
    }

    /// Decodes `journals`; `key` names the entity an event changes (see
    /// `EventApplier.key`), or nil for an event that creates one.
    static func read(_ journals: [Space.JournalLocation], key: @escaping @Sendable (StoredEvent) -> String?) -> [Decoded] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, journals.count, 8))
        return [Decoded](unsafeUninitializedCapacity: journals.count) { buffer, count in
            buffer.initialize(repeating: Decoded())
            nonisolated(unsafe) let slots = buffer
            let next = NextIndex()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // Each journal index is handed out once, so each slot has one writer.
                while let i = next.take(below: journals.count) {
                    slots[i] = decode(journals[i], key: key)
                }
            }
            count = journals.count
        }
    }

    static func decode(_ j: Space.JournalLocation, key: (StoredEvent) -> String?) -> Decoded {
        var out = Decoded()
        do {
            let bytes = try JournalFile.read(j.absolutePath, from: 0)
            out.batch = JournalReader.parse(bytes, path: j.relativePath, name: j.name, board: j.board, firstLine: 1)
            out.times.reserveCapacity(out.batch.events.count)
            for (i, e) in out.batch.events.enumerated() {
                out.times.append(e.event.event.at.milliseconds)
                if let k = key(e.event) { out.changeKeys.append(k) }
                if SpaceAccess.isAccessEvent(e.event.event.payload) {
                    out.accessTexts[i] = String(decoding: bytes[e.offset..<(e.offset + e.length)], as: UTF8.self)
                }
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
