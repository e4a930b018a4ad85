import Foundation
import XCTest
import WeftTestSupport

/// Privacy on one shared host, with real Unix users: the kernel, not the app,
/// keeps non-members out of private boards, and nobody can write as someone else.
final class SharedHostTests: SharedHostTestCase {
    func testSharedSpaceModes() throws {
        makeSharedSpace()
        XCTAssertEqual(mode(space) & 0o7777, 0o2750)
        XCTAssertEqual(mode(space + "/boards") & 0o7777, 0o3770)
        XCTAssertEqual(mode(space + "/journal") & 0o7777, 0o3770)
        XCTAssertEqual(mode(space + "/boards/general") & 0o7777, 0o2750)
        XCTAssertEqual(mode(space + "/boards/secret") & 0o7777, 0o2750, "2700 plus the ACL's mask r-x shown in the group bits")
        XCTAssertEqual(mode(space + "/boards/general/journal") & 0o7777, 0o3770)
        // A restrictive umask does not make journals unreadable to the group.
        let r = shell(bob, "umask 077; \(WeftProcess.executable) --space \(space) thread new --board general --title Hi --body there")
        XCTAssertEqual(r.status, 0, r.stderr)
        let journals = try FileManager.default.contentsOfDirectory(atPath: space + "/boards/general/journal")
        let bobs = try XCTUnwrap(journals.first { $0.hasPrefix(bob + "@") })
        XCTAssertEqual(mode(space + "/boards/general/journal/" + bobs) & 0o777, 0o640)
        let doctor = ok(ann, "doctor")
        XCTAssertTrue(doctor.stdout.contains("owners, modes and board ACLs are as they should be"), doctor.stdout)
        // Each person's index (which holds private boards' text) is theirs alone.
        let caches = try FileManager.default.contentsOfDirectory(atPath: home(bob) + "/cache/weft")
        XCTAssertEqual(caches.count, 1)
        XCTAssertEqual(mode(home(bob) + "/cache/weft/" + caches[0]) & 0o777, 0o700)
    }

    func testNonMemberCannotReadPrivateBoardMemberCan() throws {
        let thread = makeSharedSpace()
        ok(ann, "status", "post", "zebracorp talks at risk", "--board", "secret")
        XCTAssertTrue(ok(bob, "status", "list").stdout.contains("zebracorp"))
        XCTAssertFalse(ok(eve, "status", "list").stdout.contains("zebracorp"))
        // bob, a member, sees it.
        XCTAssertTrue(ok(bob, "board", "list").stdout.contains("secret"))
        XCTAssertTrue(ok(bob, "thread", "list", "--board", "secret").stdout.contains("zebracorp"))
        XCTAssertTrue(ok(bob, "thread", "show", thread).stdout.contains("Strictly between us."))
        // eve, in the group but not a member, sees nothing of it.
        let list = ok(eve, "board", "list")
        XCTAssertTrue(list.stdout.contains("general"))
        XCTAssertFalse(list.stdout.contains("secret"), list.stdout)
        for args in [["board", "show", "secret"], ["thread", "list", "--board", "secret"]] {
            let r = as_(eve, [WeftProcess.executable, "--space", space] + args, device: "laptop")
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("no such board 'secret'"), "\(args): \(r.stderr)")
        }
        let show = weft(eve, "thread", "show", thread)
        XCTAssertNotEqual(show.status, 0)
        XCTAssertFalse(show.stdout.contains("Strictly"))
        XCTAssertFalse(ok(eve, "audit").stdout.contains("secret"))
        XCTAssertFalse(ok(eve, "board", "list", "--json").stdout.contains("secret"))
        // Commands other branches add (search, digest, inbox) must not leak it either.
        for args in [["search", "zebracorp"], ["digest"], ["inbox"]] where weft(eve, args[0], "--help").status == 0 {
            let r = as_(eve, [WeftProcess.executable, "--space", space] + args, device: "laptop")
            XCTAssertFalse(r.stdout.contains("zebracorp") || r.stdout.contains("Strictly"), "\(args): \(r.stdout)")
        }
        // Nor through the file system.
        let ls = shell(eve, "ls \(space)/boards/secret")
        XCTAssertNotEqual(ls.status, 0)
        XCTAssertTrue(ls.stderr.contains("Permission denied"), ls.stderr)
        let cat = shell(eve, "cat \(space)/boards/secret/journal/*")
        XCTAssertNotEqual(cat.status, 0)
        XCTAssertFalse(cat.stdout.contains("zebracorp"))
        XCTAssertEqual(shell(bob, "cat \(space)/boards/secret/journal/*").status, 0)
        // Creating a board with the same name says only that the name is taken.
        let again = weft(eve, "board", "create", "secret")
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testRemovingMemberTakesAccessAwayAtOnceAndAddingRestoresIt() throws {
        let thread = makeSharedSpace()
        XCTAssertTrue(ok(bob, "thread", "show", thread).stdout.contains("Strictly"))  // bob's index now holds it
        ok(ann, "board", "members", "remove", "secret", bob)
        let list = ok(bob, "board", "list")
        XCTAssertFalse(list.stdout.contains("secret"), "bob's cached index must drop the board: \(list.stdout)")
        XCTAssertNotEqual(weft(bob, "thread", "show", thread).status, 0)
        XCTAssertNotEqual(shell(bob, "cat \(space)/boards/secret/journal/*").status, 0)
        XCTAssertNotEqual(weft(bob, "comment", thread, "--body", "still here?").status, 0)
        ok(ann, "board", "members", "add", "secret", bob)
        XCTAssertTrue(ok(bob, "board", "list").stdout.contains("secret"))
        XCTAssertTrue(ok(bob, "thread", "show", thread).stdout.contains("Strictly"))
        // Only the creator or an admin manages members.
        let r = weft(eve, "board", "members", "add", "general", eve)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("creator") && r.stderr.contains("admin"), r.stderr)
        // Every change is in the audit.
        let audit = ok(ann, "audit", "--board", "secret").stdout
        XCTAssertTrue(audit.contains("-\(bob)") && audit.contains("+\(bob)"), audit)
    }

    func testPublicBoardCanBecomePrivateAndBack() throws {
        makeSharedSpace()
        ok(ann, "thread", "new", "--board", "general", "--title", "Quarterly numbers", "--body", "x")
        XCTAssertTrue(ok(eve, "board", "list").stdout.contains("general"))
        ok(ann, "board", "visibility", "general", "private")
        XCTAssertFalse(ok(eve, "board", "list").stdout.contains("general"))
        XCTAssertNotEqual(shell(eve, "ls \(space)/boards/general").status, 0)
        ok(ann, "board", "visibility", "general", "public")
        XCTAssertTrue(ok(eve, "thread", "list", "--board", "general").stdout.contains("Quarterly numbers"))
        XCTAssertEqual(mode(space + "/boards/general") & 0o7777, 0o2750)
    }

    func testNobodyCanAppendTruncateDeleteOrReplaceAnothersJournal() throws {
        makeSharedSpace()
        ok(bob, "thread", "new", "--board", "general", "--title", "Bob's", "--body", "mine")
        let journal = space + "/boards/general/journal/\(bob)@laptop.jsonl"
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        XCTAssertNotEqual(shell(eve, "echo '{}' >> \(journal)").status, 0, "append")
        XCTAssertNotEqual(shell(eve, ": > \(journal)").status, 0, "truncate")
        XCTAssertNotEqual(shell(eve, "rm -f \(journal)").status, 0, "delete")
        XCTAssertNotEqual(shell(eve, "cp /dev/null \(space)/boards/general/journal/e.tmp && mv -f \(space)/boards/general/journal/e.tmp \(journal)").status, 0, "replace")
        XCTAssertNotEqual(shell(eve, "ln -sf /etc/hostname \(journal)").status, 0, "replace with a link")
        XCTAssertNotEqual(shell(eve, "mv \(space)/boards/general \(space)/boards/gone").status, 0, "rename a board")
        XCTAssertEqual(try String(contentsOfFile: journal, encoding: .utf8), before)
        // weft itself refuses to write as someone else.
        let r = as_(eve, ["/usr/bin/env", "WEFT_HANDLE=\(bob)", WeftProcess.executable, "--space", space,
                          "thread", "new", "--board", "general", "--title", "x", "--body", "y"], device: "laptop")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("only write as your own login"), r.stderr)
    }

    func testForgedAuthorLineAndWrongOwnerJournalAreRejectedAndReported() throws {
        makeSharedSpace()
        ok(eve, "thread", "new", "--board", "general", "--title", "Eve's", "--body", "hello")
        let dirPath = space + "/boards/general/journal"
        // A line in eve's own journal claiming bob wrote it.
        let forged = #"{"v":1,"id":"01a20000-0000-7000-8000-00000000f001","at":"2026-11-22T08:00:00.000Z","author":"\#(bob)","type":"thread.created","title":"Forged line","blocks":[{"id":"b1","text":"x"}]}"#
        XCTAssertEqual(shell(eve, "echo '\(forged)' >> \(dirPath)/\(eve)@laptop.jsonl").status, 0)
        // A journal named for bob but owned by eve.
        let fake = #"{"v":1,"id":"01a20000-0000-7000-8000-00000000f002","at":"2026-11-22T08:00:00.000Z","type":"thread.created","title":"Forged file","blocks":[{"id":"b1","text":"x"}]}"#
        XCTAssertEqual(shell(eve, "umask 027; echo '\(fake)' > \(dirPath)/\(bob)@evil.jsonl").status, 0)
        let threads = ok(ann, "thread", "list", "--board", "general").stdout
        XCTAssertTrue(threads.contains("Eve's"))
        XCTAssertFalse(threads.contains("Forged"), threads)
        let doctor = weft(ann, "doctor")
        XCTAssertNotEqual(doctor.status, 0, "a wrong owner is a failure")
        XCTAssertTrue(doctor.stdout.contains("claims author '\(bob)'"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("\(bob)@evil.jsonl") && doctor.stdout.contains("forged authorship"), doctor.stdout)
    }

    func testPlantedSymlinksAreNotFollowed() throws {
        makeSharedSpace()
        let general = space + "/boards/general/journal"
        // eve links "her" journal to ann's private journal, and plants a board that is a link to secret.
        XCTAssertEqual(shell(eve, "ln -s \(space)/boards/secret/journal/\(ann)@laptop.jsonl \(general)/\(eve)@link.jsonl").status, 0)
        XCTAssertEqual(shell(eve, "ln -s \(space)/boards/secret \(space)/boards/mirror").status, 0)
        // Even bob, who may read secret, does not see its content through the links.
        let general1 = ok(bob, "thread", "list", "--board", "general").stdout
        XCTAssertFalse(general1.contains("zebracorp"), general1)
        XCTAssertFalse(ok(bob, "board", "list").stdout.contains("mirror"))
        let doctor = weft(bob, "doctor").stdout
        XCTAssertTrue(doctor.contains("symbolic link, ignored"), doctor)
        // Writing through a planted link is refused.
        XCTAssertEqual(shell(eve, "ln -s /tmp/elsewhere-\(group) \(general)/\(eve)@trap.jsonl").status, 0)
        let w = weft(eve, "thread", "new", "--board", "general", "--title", "t", "--body", "b", device: "trap")
        XCTAssertNotEqual(w.status, 0)
        XCTAssertTrue(w.stderr.contains("symbolic link"), w.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/elsewhere-\(group)"))
    }

    func testRolesAreEnforced() throws {
        makeSharedSpace()
        ok(eve, "status", "post", "here")
        let r = weft(eve, "member", "role", eve, "admin")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("only admins"), r.stderr)
        ok(ann, "member", "role", eve, "guest")
        XCTAssertFalse(ok(eve, "board", "list").stdout.contains("general"), "a guest sees only boards they were added to")
        XCTAssertNotEqual(weft(eve, "board", "create", "mine").status, 0)
        // Another admin may add a guest to a public board they do not own (no ACL to change)…
        ok(ann, "member", "role", bob, "admin")
        ok(bob, "board", "members", "add", "general", eve)
        XCTAssertTrue(ok(eve, "board", "list").stdout.contains("general"))
        // …but only the owner of a private board's directory can change who may enter it.
        let denied = weft(bob, "board", "members", "add", "secret", eve)
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.stderr.contains("only \(ann), who owns boards/secret"), denied.stderr)
        let members = ok(ann, "member", "list").stdout
        XCTAssertTrue(members.contains("guest") && members.contains("admin"), members)
    }

    func testDoctorExplainsWrongPermissionsAndChangesNothing() throws {
        makeSharedSpace()
        ok(bob, "thread", "new", "--board", "general", "--title", "Hi", "--body", "x")
        let bobs = space + "/boards/general/journal/\(bob)@laptop.jsonl"
        XCTAssertEqual(shell(ann, "chmod -t \(space)/journal && chmod o+rx \(space)/boards/general").status, 0)
        XCTAssertEqual(shell(bob, "chmod 666 \(bobs)").status, 0)
        XCTAssertEqual(shell(ann, "setfacl -m u:\(eve):r-x,g::r-x \(space)/boards/secret").status, 0)
        let r = weft(ann, "doctor")
        XCTAssertNotEqual(r.status, 0)
        for expected in ["journal is not sticky", "chmod +t", "boards/general is open to users outside",
                         "is writable by others than its owner", "\(eve) can enter its directory but is not a member",
                         "weft board members remove secret \(eve)", "can be entered by its group, not just its members"] {
            XCTAssertTrue(r.stdout.contains(expected), "missing '\(expected)' in:\n\(r.stdout)")
        }
        XCTAssertTrue(r.stdout.contains("anyone could have written in it; rejected"), r.stdout)
        XCTAssertFalse(ok(eve, "thread", "list", "--board", "general").stdout.contains("Hi"), "a journal others can write proves nothing")
        XCTAssertEqual(mode(space + "/journal") & 0o7777, 0o2770, "doctor never changes a permission")
        XCTAssertEqual(mode(bobs) & 0o777, 0o666)
    }

    private func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode : 0
    }
}
