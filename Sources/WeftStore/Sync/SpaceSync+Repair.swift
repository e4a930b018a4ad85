import Foundation
import WeftCore

/// What `repair` did.
public struct RepairReport: Sendable, Equatable {
    public var oldDevice: String
    public var newDevice: String
    /// Lines of this machine that the remote did not have, now in the new device's journals.
    public var movedLines: Int
    public var sync: SyncReport
}

extension SpaceSync {
    /// Fixes a journal written on two machines under one device id (the
    /// `divergedOwnJournal` error) without losing a line:
    ///
    /// 1. fetch, and give this machine a new device id;
    /// 2. copy every line of this machine's old-device journals that the
    ///    remote does not have into the same board's journal of the new
    ///    device (events keep their ids, so nothing changes for readers);
    /// 3. make this clone's branch the remote's (the lines it had not pushed
    ///    are safe in the new journals, and the other machine keeps the old
    ///    device's files), then sync.
    public func repair(remote requested: String?, now: Timestamp, env: StoreEnvironment) throws(SyncError) -> RepairReport {
        guard git.isRepository else { throw .notARepository(space.root) }
        if env["WEFT_DEVICE"] != nil {
            throw .store(.config("WEFT_DEVICE is set to '\(me.device)': set it to a device name no other machine uses (and unset it to let weft choose), then run 'weft sync repair' again"))
        }
        let branch = try branch()
        let remote = try remoteName(requested, branch: branch)
        try fetch(remote)
        let tracking = "refs/remotes/\(remote)/\(branch)"
        guard try git.commit(tracking) != nil else { throw .noRemote(space.root) }
        let newDevice: DeviceID
        do { newDevice = try privateState.replaceDeviceID() } catch { throw .store(error) }
        let newMe = JournalName(handle: me.handle, device: newDevice)
        var moved = 0
        let old = space.journals().found.filter { $0.name == me }
        let theirs = try git.blobs(old.map { tracking + ":" + $0.relativePath })
        for (journal, remoteCopy) in zip(old, theirs) {
            let local = Journal.completeLines(try read(journal.relativePath))
            let keep = Journal.commonLinePrefix(local, remoteCopy ?? [])
            let lines = local[keep...].split(separator: 10).map { String(decoding: $0, as: UTF8.self) }
            if !lines.isEmpty {
                do { try JournalFile.append(lines, to: space.journalPath(newMe, board: journal.board)) } catch { throw .store(error) }
                moved += lines.count
            }
        }
        // Every line is now either on the remote or in a new-device journal:
        // the branch can become the remote's, and the old-device files its copies.
        try holdingIndex { () throws(SyncError) in try git.output(["reset", "-q", "--mixed", tracking]) }
        let tree = try git.output(["ls-tree", "-r", "-z", "--name-only", tracking, "--", "journal", "boards"])
            .split(separator: "\0").map(String.init)
        let oldPaths = Set(old.map(\.relativePath))
        let treeBlobs = try git.blobs(tree.map { tracking + ":" + $0 })
        for (path, blob) in zip(tree, treeBlobs) {
            let here = (try? JournalFile.read(space.root + "/" + path, from: 0)) ?? []
            // Others' files only ever grow: update those this clone had not merged yet.
            if oldPaths.contains(path) || Journal.isPrefix(here, of: blob ?? []) {
                try holdingIndex { () throws(SyncError) in try git.output(["checkout", "-q", tracking, "--", path]) }
            }
        }
        for path in oldPaths where !tree.contains(path) {
            unlink(space.root + "/" + path)
        }
        let after = try SpaceSync(space: space, me: newMe, env: env, index: index)
        let report = try after.sync(remote: remote, now: now)
        return RepairReport(oldDevice: me.device.rawValue, newDevice: newDevice.rawValue, movedLines: moved, sync: report)
    }
}

extension Journal {
    /// The length of the longest run of whole lines `a` and `b` start with.
    static func commonLinePrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var common = 0
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] {
            if a[i] == 10 { common = i + 1 }
            i += 1
        }
        return common
    }
}
