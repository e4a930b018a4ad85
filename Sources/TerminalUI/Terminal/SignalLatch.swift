#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Catches SIGINT, SIGTERM and SIGHUP so the application loop can restore
/// the terminal and exit cleanly instead of dying in raw mode.
///
/// The handler only records the signal; `NcursesTerminal.nextEvent` reports
/// it as `.terminate`. If a second signal arrives before the application has
/// stopped (it is stuck), the handler restores the default action and
/// re-raises, so a repeated Ctrl-C or `kill` still ends the process.
final class SignalLatch {
    /// The signals that mean "quit".
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The last signal received, 0 for none. It has to be a static: a C
    /// signal handler cannot capture any context, and this atomic is the
    /// only thing it touches.
    private static let received = Atomic<Int32>(0)

    private var previous: [Int32: sighandler_t?] = [:]

    /// Installs the handlers, remembering the previous ones for `restore()`.
    init() {
        // Initialize the static before a handler can run: lazy global
        // initialization is not async-signal-safe.
        SignalLatch.received.store(0, ordering: .relaxed)
        for number in SignalLatch.handled {
            previous[number] = signal(number) { number in
                if SignalLatch.received.exchange(number, ordering: .relaxed) != 0 {
                    signal(number, SIG_DFL)
                    raise(number)
                }
            }
        }
    }

    /// The signal received since the handlers were installed, if any. It stays
    /// set: once asked to terminate, every later check says so too.
    var pending: Int32? {
        let number = SignalLatch.received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Forgets a SIGINT (for example one the user sent to `$EDITOR` with
    /// Ctrl-C, which the whole foreground process group receives).
    func forgetInterrupt() {
        _ = SignalLatch.received.compareExchange(expected: SIGINT, desired: 0, ordering: .relaxed)
    }

    /// Puts back the handlers that were installed before.
    func restore() {
        for (number, handler) in previous {
            signal(number, handler)
        }
        previous.removeAll()
    }
}
