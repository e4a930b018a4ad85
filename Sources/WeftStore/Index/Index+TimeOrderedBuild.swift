import Foundation
import GRDB
import WeftCore

extension Index {
    /// A build from nothing: reads every journal (on all cores), then applies all
    /// their events in time order (`at`, then id) rather than file by file.
    ///
    /// Posts then get rowids in creation order, which search relies on to walk
    /// matches newest first, and the tables keyed by UUIDv7 ids (which start with
    /// their time) grow at their end instead of everywhere at once.
    /// Access events are recorded from every journal; nothing else of a board in
    /// `hidden` (one the viewer may not read) enters the index.
    func applyInTimeOrder(_ found: [Space.JournalLocation], db: Database, hidden: Set<BoardSlug>,
                          applier: inout EventApplier, report: inout CatchUpReport) throws {
        let decoded = ParallelReader.read(found, prepare: EventApplier.Derived.init)
        BuildPhases.mark("read and decode")
        var ids: [Int64] = []
        var threads = 0, creations = 0
        var changing: [String] = []
        var order: [(at: Int64, batch: Int32, event: Int32)] = []
        order.reserveCapacity(decoded.reduce(0) { $0 + $1.times.count })
        for (b, j) in found.enumerated() {
            if let failure = decoded[b].failure { throw failure }
            report.journals += 1
            ids.append(try Self.register(j, db: db, offset: 0, lines: 0))
            for (i, text) in decoded[b].accessTexts.sorted(by: { $0.key < $1.key }) {
                let e = decoded[b].events[i]
                try Self.recordAccessEvent(db, e.stored, journal: j.relativePath, line: e.line, text: text)
            }
            if j.board.map(hidden.contains) ?? false { continue }
            for (i, at) in decoded[b].times.enumerated() { order.append((at, Int32(b), Int32(i))) }
            if applier.firstBuild {
                for e in decoded[b].events {
                    if !e.prepared.creates {
                        changing.append(e.prepared.key)
                    } else {
                        creations += 1
                        if e.prepared.threadBody != nil { threads += 1 }
                    }
                }
            }
        }
        applier.reserve(threads: threads, posts: creations, changing: changing)
        Self.sortByTimeThenID(&order) { x, y in
            decoded[Int(x.batch)].events[Int(x.event)].stored.event.id.rawValue
                < decoded[Int(y.batch)].events[Int(y.event)].stored.event.id.rawValue
        }
        BuildPhases.mark("order")
        // The array the loop reads, taken out of `decoded` once.
        let events = decoded.map(\.events)
        for o in order {
            if try events[Int(o.batch)][Int(o.event)].apply(to: &applier, journal: ids[Int(o.batch)]) {
                report.eventsApplied += 1
            } else {
                report.duplicates += 1
            }
        }
        try applier.posts?.flush()
        applier.fullText.settle()
        BuildPhases.mark("apply")
        for (b, j) in found.enumerated() {
            var offset: Int64 = 0, lines = 0
            try Self.finishReading(decoded[b].batch, journal: ids[b], db: db, hidden: j.board.map(hidden.contains) ?? false,
                                   offset: &offset, lines: &lines, report: &report)
        }
        // Freeing every decoded event (half a million objects) took this thread
        // about 50 ms in a profile: another thread does it while this one goes on.
        releaseInBackground((consume decoded, consume events))
    }

    /// Sorts events by time, then id (`idLess`, for events of the same millisecond).
    /// When they fit, times and positions are packed into integers and sorted as
    /// such (several times faster than comparing tuples through a closure); only
    /// runs of equal times are then sorted by id.
    static func sortByTimeThenID(_ order: inout [(at: Int64, batch: Int32, event: Int32)],
                                 idLess: ((at: Int64, batch: Int32, event: Int32), (at: Int64, batch: Int32, event: Int32)) -> Bool) {
        let positionBits = 22
        guard order.count < 1 << positionBits, order.allSatisfy({ $0.at >= 0 && $0.at < 1 << (64 - positionBits) }) else {
            order.sort { x, y in x.at != y.at ? x.at < y.at : idLess(x, y) }
            return
        }
        var keys = order.indices.map { UInt64(order[$0].at) << positionBits | UInt64($0) }
        keys.sort()
        let mask = UInt64(1) << positionBits - 1
        var sorted = keys.map { order[Int($0 & mask)] }
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].at == sorted[start].at { end += 1 }
            if end - start > 1 { sorted[start..<end].sort(by: idLess) }
            start = end
        }
        order = sorted
    }
}

/// Lets another thread free `value`: pass the last reference to it (`consume`),
/// so that nothing this thread still holds frees it here after all. That thread
/// runs only on a core nothing else wants (`SCHED_IDLE`): freeing a build's
/// events took 0.1 s of CPU, which on two busy cores came out of the build's
/// own time. A process that ends first just never frees them.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let box = ReleaseBox(value)
    let thread = Thread {
        #if os(Linux)
        var param = sched_param()
        _ = pthread_setschedparam(pthread_self(), linuxSchedIdle, &param)
        #endif
        box.value = nil
    }
    thread.name = "weft-release"
    thread.start()
}

#if os(Linux)
/// `SCHED_IDLE` from <sched.h>, which Swift's Glibc module leaves out.
private let linuxSchedIdle: Int32 = 5
#endif

private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
    var value: T?
    init(_ value: consuming T) { self.value = value }
}

extension ParallelReader.Event<EventApplier.Derived> {
    /// Applies this event with `applier`; false when its id was already applied.
    /// (A method, so the event is borrowed from this object, not copied out of it.)
    func apply(to applier: inout EventApplier, journal: Int64) throws -> Bool {
        try applier.apply(stored, derived: prepared, journal: journal, line: line, offset: Int64(offset), length: length)
    }
}
