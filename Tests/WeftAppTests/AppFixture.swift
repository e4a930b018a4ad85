import Foundation
import TerminalUI
import WeftCore
import WeftStore
import WeftTestSupport
import XCTest

@testable import WeftApp

/// A generated space (names and bodies with accents, CJK and emoji) opened as
/// a store with the clock pinned and the viewer's zone fixed, so screens are
/// the same on every run.
final class AppFixture {
    /// Monday 2026-01-05 21:30 UTC (22:30 for the viewer in Berlin), after the
    /// posts of the smaller generated spaces.
    static let now = Timestamp(milliseconds: 1_767_648_600_000)
    static let spaceName = "Team Café 日本"

    let box: Sandbox
    let store: Store
    let summary: SyntheticSpace.Summary

    /// - Parameters:
    ///   - viewer: who opens the space (`ann` wrote nothing, so everything
    ///     is unread to her; `user1` is one of the generated writers).
    init(posts: Int = 800, boards: Int = 5, members: Int = 12, seed: UInt64 = 7, viewer: String = "ann") throws {
        box = Sandbox(handle: viewer)
        box.extraEnvironment["TZ"] = "Europe/Berlin"
        let generator = SyntheticSpace(posts: posts, seed: seed, boards: boards, members: members)
        let space = try Space.create(
            at: box.space, name: Self.spaceName, id: "0190f000-0000-7000-8000-0000000000aa", now: generator.start)
        summary = try generator.write(into: space)
        store = try Self.open(box, handle: viewer, device: "laptop")
    }

    /// Another person on another device, writing to the same space.
    func writer(_ handle: String) throws -> Store {
        try Self.open(box, handle: handle, device: "desk")
    }

    /// Another person writing through the viewer's own index and state
    /// directories (a CLI command run in the same account): their command
    /// catches the shared index up itself, so the app sees no new events to
    /// apply, only a newer index.
    func writerSharingIndex(_ handle: String) throws -> Store {
        var environment = box.environment(handle: store.me.rawValue, device: "laptop")
        environment["WEFT_HANDLE"] = handle
        environment["WEFT_DEVICE"] = "laptop"
        return try Store.open(spaceFlag: box.space, env: StoreEnvironment(environment), clock: FixedClock(Self.now))
    }

    private static func open(_ box: Sandbox, handle: String, device: String) throws -> Store {
        var environment = box.environment(handle: handle, device: device)
        environment["WEFT_DEVICE"] = device
        return try Store.open(spaceFlag: box.space, env: StoreEnvironment(environment), clock: FixedClock(now))
    }

    /// An app loop on a headless terminal, started (first frame drawn).
    func startedLoop(width: Int = 80, height: Int = 24) -> (loop: AppLoop, terminal: HeadlessTerminal) {
        let terminal = HeadlessTerminal(width: width, height: height)
        let loop = AppLoop(store: store, terminal: terminal)
        loop.start()
        return (loop, terminal)
    }

    /// Presses `keys` one after the other.
    func press(_ keys: Key..., on loop: AppLoop) {
        for key in keys {
            loop.handle(.key(key))
        }
    }

    /// The board with the most threads.
    var busiestBoard: BoardActivity? {
        (try? store.index.boardActivity())?.max { $0.threads < $1.threads }
    }
}

extension State {
    /// The state after `action` (for reducer tests that do not need the effects).
    func after(_ action: Action) -> State {
        var copy = self
        _ = reduce(&copy, action)
        return copy
    }

    /// The state after pressing `key`, and the effects asked for.
    func pressing(_ key: Key) -> (state: State, effects: [Effect]) {
        var copy = self
        let effects = reduce(&copy, .input(.key(key)))
        return (copy, effects)
    }
}

extension HeadlessTerminal {
    /// The last frame as one string, for `contains` checks.
    var text: String {
        screen.joined(separator: "\n")
    }
}
