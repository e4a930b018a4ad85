#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells a read that timed out from input that has ended.
///
/// ncurses returns ERR both when a timed read sees no key and when standard
/// input is at end of file (stdin redirected from /dev/null, the terminal
/// hung up). Treating every ERR as a timeout makes the loop spin forever on
/// a closed input; treating every ERR as end of file quits on the first
/// timeout. So after an ERR the backend asks here, without blocking.
enum StdinProbe {
    enum State: Equatable {
        /// Nothing to read right now: an ordinary timeout.
        case idle
        /// Input is at end of file or unusable: quit.
        case closed
        /// A byte arrived just after the read timed out; it was consumed
        /// here and must be handed back to ncurses.
        case byte(UInt8)
    }

    static func check(fileDescriptor: Int32 = 0) -> State {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 {
            return errno == EINTR ? .idle : .closed
        }
        if ready == 0 {
            return .idle
        }
        if descriptor.revents & Int16(POLLNVAL) != 0 {
            return .closed
        }
        var byte: UInt8 = 0
        let count = read(fileDescriptor, &byte, 1)
        if count == 1 {
            return .byte(byte)
        }
        if count < 0, errno == EINTR || errno == EAGAIN {
            return .idle
        }
        return .closed
    }
}
