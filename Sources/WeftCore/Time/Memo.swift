import Foundation

/// Values worked out once per key and kept, safe to share between threads; at
/// most `limit` are kept (all are forgotten when it is reached). Two threads
/// asking for a new key at once may both work it out; both get the same value.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var values: [Key: Value] = [:]

    init(limit: Int = 4096) { self.limit = limit }

    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[key] = made
        }
        return made
    }
}
