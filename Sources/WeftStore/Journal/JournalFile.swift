import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends to and reads one journal file.
///
/// Appending locks the file (`flock`), repairs a torn tail left by a writer that
/// died mid-line (truncating to the last newline), writes the line, `fsync`s and
/// unlocks. Only after `fsync` returns is an append reported done. Files are
/// opened with `O_NOFOLLOW`, so a planted symbolic link is never followed.
public enum JournalFile {
    /// Appends `lines` (each without a newline) as one write, then syncs.
    /// A new file gets `mode` less the umask, or exactly `mode` when `exactMode` (shared spaces).
    public static func append(_ lines: [String], to path: String, mode: mode_t = 0o644,
                              exactMode: Bool = false) throws(StoreError) {
        var payload = [UInt8]()
        for line in lines {
            payload.append(contentsOf: line.utf8)
            payload.append(10)
        }
        var fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 && exactMode && fchmod(fd, mode) != 0 {
                close(fd)
                throw .io(path, "cannot set its mode: \(errnoText())")
            }
            // Another writer of the same journal (same person and device) created it first.
            if fd < 0 && errno == EEXIST { fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC) }
        }
        if fd < 0 { throw openError(path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw .io(path, "not a regular file") }
        guard flockRetrying(fd, LOCK_EX) else { throw .io(path, "cannot lock: \(errnoText())") }
        defer { _ = flock(fd, LOCK_UN) }
        try repairTornTail(fd, path: path)
        var written = 0
        while written < payload.count {
            let n = payload.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let why = errnoText()
                // Leave no half line behind for the next writer to trip on.
                try? repairTornTail(fd, path: path)
                throw .io(path, "write failed: \(why)")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw .io(path, "fsync failed: \(errnoText())") }
    }

    /// Truncates the file to just after its last newline, if it does not end in one.
    static func repairTornTail(_ fd: Int32, path: String) throws(StoreError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path, "stat failed: \(errnoText())") }
        var end = Int64(st.st_size)
        if end == 0 { return }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, off_t(end - 1)) == 1 else { throw .io(path, "read failed: \(errnoText())") }
        if byte == 10 { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var keep: Int64 = 0
        search: while end > 0 {
            let start = max(0, end - Int64(buffer.count))
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base, Int(end - start), off_t(start))
            }
            guard n > 0 else { break }
            for i in stride(from: n - 1, through: 0, by: -1) where buffer[i] == 10 {
                keep = start + Int64(i) + 1
                break search
            }
            end = start
        }
        guard ftruncate(fd, off_t(keep)) == 0 else { throw .io(path, "cannot repair torn tail: \(errnoText())") }
    }

    /// Reads bytes from `offset` to the end of the file, or at most `length` bytes.
    public static func read(_ path: String, from offset: Int64, length: Int? = nil) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 { throw openError(path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path, "stat failed: \(errnoText())") }
        let size = Int64(st.st_size)
        guard size > offset else { return [] }
        let want = min(Int(size - offset), length ?? Int.max)
        guard want > 0 else { return [] }
        // Read straight into the array's memory: no zeroing it first.
        return [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
            var done = 0
            while done < want, let base = buffer.baseAddress {
                let n = pread(fd, base + done, want - done, off_t(offset + Int64(done)))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            count = done
        }
    }

    static func openError(_ path: String) -> StoreError {
        switch errno {
        case ELOOP: return .symlink(path)
        case EACCES, EROFS, EPERM: return .notWritable(path)
        default: return .io(path, errnoText())
        }
    }

    private static func flockRetrying(_ fd: Int32, _ op: Int32) -> Bool {
        while flock(fd, op) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
