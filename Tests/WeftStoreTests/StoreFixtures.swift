import Foundation
import WeftCore
import WeftTestSupport
@testable import WeftStore

/// Opens stores and writes raw journal lines for tests.
enum Fixture {
    static func env(_ box: Sandbox, handle: String? = nil, device: String = "laptop") -> StoreEnvironment {
        StoreEnvironment(box.environment(handle: handle, device: device))
    }

    static func space(_ box: Sandbox) throws -> Space {
        try Space.create(at: box.space, name: "test", id: "0190f000-0000-7000-8000-000000000001",
                         now: Timestamp(milliseconds: 1_790_000_000_000))
    }

    static func store(_ box: Sandbox, handle: String = "ann", device: String = "laptop",
                      clock: any WeftCore.Clock = SystemClock()) throws -> Store {
        let env = env(box, handle: handle, device: device)
        return try Store.open(spaceFlag: box.space, env: env, clock: clock)
    }

    /// A new space with one store, `handle`'s, on `clock`, and a board `general`
    /// it created.
    static func generalBoard(_ box: Sandbox, handle: String, clock: any WeftCore.Clock) throws -> (Store, BoardSlug) {
        _ = try space(box)
        let store = try store(box, handle: handle, clock: clock)
        let general = try BoardSlug("general")
        try store.createBoard(general, title: "General", purpose: nil)
        return (store, general)
    }

    static func line(_ payload: Payload, by who: String? = "ann", at: String = "2026-11-20T10:00:00.000Z", id: EventID? = nil) -> String {
        var rng = SystemRandomNumberGenerator()
        let t = Timestamp(iso8601: at)!
        return EventCodec.encode(Event(id: id ?? EventID.make(at: t, random: &rng), at: t,
                                       author: who.flatMap { try? Handle($0) }, payload: payload))
    }

    static func append(_ bytes: String, to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else { return }
        h.seekToEndOfFile()
        h.write(Data(bytes.utf8))
        try? h.close()
    }
}
