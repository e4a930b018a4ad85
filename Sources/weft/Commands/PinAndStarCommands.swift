import ArgumentParser
import WeftCore
import WeftStore

extension ThreadCommand {
    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pin", 
            abstract: "Pin a thread to the top of its board for everyone (board admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id (a unique prefix is enough).") var id: String

        func run() throws { try PinChange.run(global, id, pin: true) }
    }

    struct Unpin: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unpin", abstract: "Unpin a pinned thread (board admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id (a unique prefix is enough).") var id: String

        func run() throws { try PinChange.run(global, id, pin: false) }
    }
}

enum PinChange {
    static func run(_ global: GlobalOptions, _ id: String, pin: Bool) throws {
        try withStore(global) { store in
            let resolved = try store.index.resolve(id)
            guard resolved.kind == .thread, let board = resolved.board, let b = try store.index.board(board) else {
                throw StoreError.wrongKind(id, expected: "thread")
            }
            guard Forum.may(store.me, pinIn: b) else {
                throw CommandError("only the admin of board \(b.slug) (\(b.createdBy)) can pin and unpin its threads")
            }
            let pinned = try store.index.isPinned(resolved.id)
            guard pinned != pin else {
                throw CommandError("thread \(resolved.id.short) is \(pin ? "already" : "not") pinned")
            }
            let payload = ThreadPin(thread: resolved.id)
            _ = try store.append(pin ? .threadPinned(payload) : .threadUnpinned(payload), board: b.slug)
            print("\(pin ? "Pinned" : "Unpinned") thread \(resolved.id.short) in \(b.slug).")
        }
    }
}

extension BoardCommand {
    struct Star: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "star", 
            abstract: "Star a board: starred boards lead the sidebar and the board list (private to you).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String

        func run() throws { try StarChange.run(global, slug, star: true) }
    }

    struct Unstar: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unstar", abstract: "Remove a board's star.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug.") var slug: String

        func run() throws { try StarChange.run(global, slug, star: false) }
    }
}

enum StarChange {
    static func run(_ global: GlobalOptions, _ slug: String, star: Bool) throws {
        try withStore(global) { store in
            let b = try store.existingBoard(slug)
            try store.index.setStar(b.slug, star)
            print("\(star ? "Starred" : "Unstarred") \(b.slug).")
        }
    }
}
