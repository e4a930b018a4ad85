import Foundation
import XCTest
import WeftTestSupport

/// `weft thread new|list|show`, `weft comment`, `weft react`, `weft edit`.
final class ThreadAndCommentTests: CLITestCase {
    func testThreadBodyFromFlagFileAndStdin() throws {
        makeSpaceWithBoard()
        let fromFlag = ok("thread", "new", "--board", "general", "--title", "Flag", "--body", "First paragraph.\n\nSecond one.")
        XCTAssertTrue(isUUID(fromFlag.trimmed), fromFlag.stdout)
        XCTAssertEqual(fromFlag.lines.count, 1, "only the id is printed")

        sandbox.write("From a file.\nSame block.\n\nNext block.\n", to: "body.txt")
        let fromFile = ok("thread", "new", "--board", "general", "--title", "File", "--body-file", sandbox.root + "/body.txt")
        XCTAssertTrue(isUUID(fromFile.trimmed), fromFile.stdout)

        let fromStdin = ok("thread", "new", "--board", "general", "--title", "Stdin", stdin: "Piped in.\n")
        XCTAssertTrue(isUUID(fromStdin.trimmed), fromStdin.stdout)
        let fromDash = ok("thread", "new", "--board", "general", "--title", "Dash", "--body-file", "-", stdin: "Dash stdin")

        let flag = try XCTUnwrap(threadJSON(fromFlag.trimmed)["thread"] as? [String: Any])
        XCTAssertEqual(flag["body"] as? String, "First paragraph.\n\nSecond one.")
        XCTAssertEqual((flag["blocks"] as? [[String: Any]])?.compactMap { $0["text"] as? String },
                       ["First paragraph.", "Second one."])
        let file = try XCTUnwrap(threadJSON(fromFile.trimmed)["thread"] as? [String: Any])
        XCTAssertEqual(file["body"] as? String, "From a file.\nSame block.\n\nNext block.", "trailing newline trimmed")
        XCTAssertEqual((file["blocks"] as? [[String: Any]])?.count, 2)
        let piped = try XCTUnwrap(threadJSON(fromStdin.trimmed)["thread"] as? [String: Any])
        XCTAssertEqual(piped["body"] as? String, "Piped in.")
        XCTAssertEqual(piped["title"] as? String, "Stdin")
        let dash = try XCTUnwrap(threadJSON(fromDash.trimmed)["thread"] as? [String: Any])
        XCTAssertEqual(dash["body"] as? String, "Dash stdin")

        // The longest title and the largest body are accepted.
        let title200 = String(repeating: "t", count: 200)
        let big = String(repeating: "b", count: 65_536)
        let max = ok("thread", "new", "--board", "general", "--title", title200, stdin: big)
        let maxThread = try XCTUnwrap(threadJSON(max.trimmed)["thread"] as? [String: Any])
        XCTAssertEqual(maxThread["title"] as? String, title200)
        XCTAssertEqual((maxThread["body"] as? String)?.utf8.count, 65_536)
    }

    func testThreadNewJSONIsTheCreatedThread() throws {
        makeSpaceWithBoard()
        let o = object(ok("thread", "new", "--board", "general", "--title", "JSON please", "--body", "a\n\nb", "--json"))
        let id = try XCTUnwrap(o["id"] as? String)
        XCTAssertTrue(isUUID(id))
        XCTAssertEqual(o["kind"] as? String, "thread")
        XCTAssertEqual(o["thread"] as? String, id)
        XCTAssertEqual(o["board"] as? String, "general")
        XCTAssertEqual(o["author"] as? String, "ann")
        XCTAssertEqual(o["title"] as? String, "JSON please")
        XCTAssertEqual(o["body"] as? String, "a\n\nb")
        XCTAssertEqual((o["blocks"] as? [[String: Any]])?.map { $0["id"] as? String }, ["b1", "b2"])
        XCTAssertEqual(o["redacted"] as? Bool, false)
        XCTAssertEqual(o["unread"] as? Bool, false)
        XCTAssertEqual((o["reactions"] as? [Any])?.count, 0)
        XCTAssertEqual((o["mentions"] as? [Any])?.count, 0)
        XCTAssertNil(o["parent"])
        XCTAssertNil(o["editedAt"])
        // The id is the id of the thread.created line in ann's journal of the board.
        let line = try XCTUnwrap(journalEvent(id: id))
        XCTAssertEqual(line["type"] as? String, "thread.created")
        XCTAssertEqual(line["at"] as? String, o["createdAt"] as? String)
    }

    func testThreadListOrderTableAndJSON() throws {
        makeSpaceWithBoard()
        let first = newThread(title: "First")
        let second = newThread(title: "Second")
        let third = newThread(title: "Third", as: "bob")

        func order() -> [String] {
            array(ok("thread", "list", "--board", "general", "--json")).compactMap { $0["id"] as? String }
        }
        XCTAssertEqual(order(), [third, second, first], "most recent activity first")

        // A comment is activity: the first thread comes back to the top.
        _ = newComment(first, body: "Bump", as: "bob")
        XCTAssertEqual(order(), [first, third, second])

        let list = array(ok("thread", "list", "--board", "general", "--json"))
        let top = try XCTUnwrap(list.first)
        XCTAssertEqual(Set(top.keys), ["id", "board", "title", "author", "createdAt", "lastActivity", "replies",
                                       "unread", "decided", "redacted", "pinned"])
        XCTAssertEqual(top["title"] as? String, "First")
        XCTAssertEqual(top["author"] as? String, "ann")
        XCTAssertEqual(top["board"] as? String, "general")
        XCTAssertEqual(top["replies"] as? Int, 1)
        XCTAssertEqual(top["unread"] as? Int, 1, "bob's comment is new to ann")
        XCTAssertEqual(top["decided"] as? Bool, false)
        XCTAssertEqual(top["redacted"] as? Bool, false)
        let created = try XCTUnwrap(milliseconds(top["createdAt"] as? String ?? ""))
        let last = try XCTUnwrap(milliseconds(top["lastActivity"] as? String ?? ""))
        XCTAssertGreaterThan(last, created)
        XCTAssertEqual(list[1]["unread"] as? Int, 1, "bob's thread is new to ann")
        XCTAssertEqual(list[2]["unread"] as? Int, 0)

        // The table: a header, the 13-character short ids, in the same order.
        let table = ok("thread", "list", "--board", "general").lines
        XCTAssertEqual(table.count, 4, table.joined(separator: "\n"))
        XCTAssertEqual(table[0].split(separator: " ", omittingEmptySubsequences: true),
                       ["ID", "LAST", "REPLIES", "NEW", "AUTHOR", "TITLE"])
        for (row, id) in zip(table.dropFirst(), [first, third, second]) {
            XCTAssertTrue(row.hasPrefix(String(id.prefix(13)) + " "), row)
            XCTAssertFalse(row.contains(id), "tables show the short form: \(row)")
        }
        XCTAssertTrue(table[1].hasSuffix("First"), table[1])
        XCTAssertTrue(table[2].contains(" bob ") && table[2].hasSuffix("Third"), table[2])

        // Reading the thread marks it read.
        ok("thread", "show", first)
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).first?["unread"] as? Int, 0)

        // Paging.
        let page = array(ok("thread", "list", "--board", "general", "--limit", "1", "--offset", "1", "--json"))
        XCTAssertEqual(page.compactMap { $0["id"] as? String }, [third])
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--offset", "3", "--json")).count, 0)
    }

    func testEmptyBoardListsNoThreads() throws {
        makeSpaceWithBoard()
        let r = ok("thread", "list", "--board", "general")
        XCTAssertTrue(r.stdout.contains("No threads in general yet"), r.stdout)
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).count, 0)
    }

    func testThreadShowAcceptsUniquePrefixes() throws {
        makeSpaceWithBoard()
        let id = newThread(title: "Prefixes", body: "Para one.\n\nPara two.")
        let undashed = id.replacingOccurrences(of: "-", with: "")
        let oddDashes: String = String(undashed.prefix(12)) + "-" + String(undashed.dropFirst(12).prefix(8))
        let prefixes: [String] = [id, String(id.prefix(13)), String(id.prefix(23)), String(undashed.prefix(20)),
                                  oddDashes, String(id.prefix(23)).uppercased()]
        for prefix in prefixes {
            let r = weft("thread", "show", prefix, "--json")
            XCTAssertEqual(r.status, 0, "\(prefix): \(r.stderr)")
            XCTAssertEqual((object(r)["thread"] as? [String: Any])?["id"] as? String, id, prefix)
        }
        let text = ok("thread", "show", String(undashed.prefix(16))).stdout
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "Prefixes")
        XCTAssertTrue(lines[1].hasPrefix("ann · ") && lines[1].hasSuffix(" · general · \(id)"), lines[1])
        XCTAssertTrue(lines.contains("[1] Para one."), text)
        XCTAssertTrue(lines.contains("[2] Para two."), text)

        // A comment's id shows its thread.
        let c = newComment(id, body: "A comment")
        XCTAssertEqual((threadJSON(String(c.prefix(23)))["thread"] as? [String: Any])?["id"] as? String, id)
    }

    func testThreadShowJSONShape() throws {
        makeSpaceWithBoard()
        let id = newThread(title: "Shape", body: "Only block.")
        let c = newComment(id, body: "Reply", as: "bob")
        let detail = threadJSON(id)
        XCTAssertEqual(Set(detail.keys), ["thread", "comments"], "no decision yet: the key is left out")
        let thread = try XCTUnwrap(detail["thread"] as? [String: Any])
        XCTAssertEqual(Set(thread.keys), ["id", "kind", "board", "thread", "author", "createdAt", "body", "title", "blocks",
                                          "mentions", "redacted", "unread", "reactions"])
        let comments = try XCTUnwrap(detail["comments"] as? [[String: Any]])
        XCTAssertEqual(comments.count, 1)
        XCTAssertEqual(comments[0]["id"] as? String, c)
        XCTAssertEqual(comments[0]["kind"] as? String, "comment")
        XCTAssertEqual(comments[0]["thread"] as? String, id)
        XCTAssertEqual(comments[0]["author"] as? String, "bob")
        XCTAssertEqual(comments[0]["body"] as? String, "Reply")
        XCTAssertNil(comments[0]["title"])
        XCTAssertNil(comments[0]["blocks"])
        XCTAssertEqual(comments[0]["unread"] as? Bool, true, "bob's comment is new to ann until she reads the thread")
        // --json marks read too, unless --keep-unread.
        let again = threadJSON(id)
        XCTAssertEqual((again["comments"] as? [[String: Any]])?.first?["unread"] as? Bool, false)

        // A decision (written by another program into zed's journal) appears with its fields.
        let threadAt = try XCTUnwrap(milliseconds(thread["createdAt"] as? String ?? ""))
        let decisionID = uuidv7(milliseconds: threadAt + 5_000, tail: "dec1")
        sandbox.write("""
            {"v":1,"id":"\(decisionID)","at":"\(isoString(threadAt + 5_000))","type":"thread.decided","thread":"\(id)","comment":"\(c)","summary":"Ship it"}

            """, to: "space/boards/general/journal/zed@dev1.jsonl")
        let decided = threadJSON(id)
        let decision = try XCTUnwrap(decided["decision"] as? [String: Any], "\(decided)")
        XCTAssertEqual(decision["id"] as? String, decisionID)
        XCTAssertEqual(decision["author"] as? String, "zed")
        XCTAssertEqual(decision["summary"] as? String, "Ship it")
        XCTAssertEqual(decision["comment"] as? String, c)
        XCTAssertEqual(decision["at"] as? String, isoString(threadAt + 5_000))
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).first?["decided"] as? Bool, true)
        XCTAssertTrue(ok("thread", "show", id).stdout.contains("✓ Decided by zed on "), "decision shown in text")
        XCTAssertTrue(ok("thread", "list", "--board", "general").stdout.contains("✓ Shape"))
    }

    func testKeepUnread() throws {
        makeSpaceWithBoard()
        let id = newThread(title: "Unread", as: "bob")
        let r = ok("thread", "show", id, "--keep-unread", "--json")
        XCTAssertEqual((object(r)["thread"] as? [String: Any])?["unread"] as? Bool, true)
        XCTAssertEqual((threadJSON(id)["thread"] as? [String: Any])?["unread"] as? Bool, true, "still unread")
        XCTAssertEqual((threadJSON(id)["thread"] as? [String: Any])?["unread"] as? Bool, false)
    }

    func testCommentsRepliesAndBlockAnchors() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "Plan", body: "Step one.\n\nStep two.\n\nStep three.")
        let c1 = newComment(t, body: "Looks good", as: "bob")
        let reply = object(ok("comment", t, "--body", "Thanks", "--reply-to", String(c1.prefix(23)), "--json"))
        let replyID = try XCTUnwrap(reply["id"] as? String)
        XCTAssertTrue(isUUID(replyID))
        XCTAssertEqual(reply["kind"] as? String, "comment")
        XCTAssertEqual(reply["parent"] as? String, c1)
        XCTAssertEqual(reply["thread"] as? String, t)
        XCTAssertNil(reply["anchor"])
        let onBlock = newComment(t, body: "What about step two?", extra: ["--block", "2"], as: "bob")
        // Commenting on a comment's id replies to it.
        let nested = newComment(String(replyID.prefix(23)), body: "Nested", as: "bob")

        let detail = threadJSON(t)
        let blocks = try XCTUnwrap((detail["thread"] as? [String: Any])?["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.count, 3)
        let comments = try XCTUnwrap(detail["comments"] as? [[String: Any]])
        func comment(_ id: String) -> [String: Any]? { comments.first { $0["id"] as? String == id } }
        XCTAssertEqual(comments.count, 4)
        XCTAssertNil(comment(c1)?["parent"])
        XCTAssertEqual(comment(replyID)?["parent"] as? String, c1)
        XCTAssertEqual(comment(onBlock)?["anchor"] as? String, blocks[1]["id"] as? String)
        XCTAssertNil(comment(onBlock)?["parent"])
        XCTAssertEqual(comment(nested)?["parent"] as? String, replyID)
        XCTAssertEqual(comment(nested)?["thread"] as? String, t)

        // The journal line carries the same parent and anchor.
        let line = try XCTUnwrap(journalEvent(id: onBlock))
        XCTAssertEqual(line["type"] as? String, "comment.created")
        XCTAssertEqual(line["anchor"] as? String, blocks[1]["id"] as? String)
        XCTAssertEqual(journalEvent(id: replyID)?["parent"] as? String, c1)

        // The text shows the tree: replies indented under their parent, block comments marked.
        let text = ok("thread", "show", t).stdout
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(text.contains("— 4 comments —"), text)
        let i1 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("▸ bob") && $0.contains(String(c1.prefix(13))) }, text)
        XCTAssertEqual(lines[i1 + 1], "  Looks good")
        XCTAssertTrue(lines[i1 + 2].hasPrefix("  ▸ ann") && lines[i1 + 2].contains(String(replyID.prefix(13))), text)
        XCTAssertEqual(lines[i1 + 3], "    Thanks")
        XCTAssertTrue(lines[i1 + 4].hasPrefix("    ▸ bob") && lines[i1 + 4].contains(String(nested.prefix(13))), text)
        XCTAssertTrue(lines.contains { $0.contains(String(onBlock.prefix(13))) && $0.hasSuffix("· on [2]") }, text)

        // Replies count in the thread list.
        XCTAssertEqual(array(ok("thread", "list", "--board", "general", "--json")).first?["replies"] as? Int, 4)
    }

    func testBlockOutOfRangeAndForeignReplyAreRefused() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "One", body: "Single block.")
        let other = newThread(title: "Other")
        let foreign = newComment(other, body: "Elsewhere")
        assertFails(["comment", t, "--body", "x", "--block", "2"], mentioning: ["no block 2", "1 block"])
        assertFails(["comment", t, "--body", "x", "--block", "0"], mentioning: ["no block 0"])
        assertFails(["comment", t, "--body", "x", "--reply-to", foreign], mentioning: ["--reply-to", "not a comment in this thread"])
        assertFails(["comment", t, "--body", "x", "--reply-to", other], mentioning: ["not a comment in this thread"])
    }

    func testReactAndRemove() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "React to me")
        let c = newComment(t, body: "And me")
        let r = ok("react", String(t.prefix(13)), "👍")
        XCTAssertTrue(isUUID(r.trimmed), r.stdout)
        let bob = object(ok("react", t, "👍", "--json", as: "bob"))
        XCTAssertTrue(isUUID(bob["id"] as? String ?? ""), "\(bob)")
        XCTAssertEqual(bob["type"] as? String, "reaction.added")
        XCTAssertEqual(bob["author"] as? String, "bob")
        XCTAssertEqual(bob["board"] as? String, "general")
        ok("react", c, "+1", as: "bob")

        func reactions(_ post: [String: Any]?) -> [String: [String]] {
            var out: [String: [String]] = [:]
            for r in post?["reactions"] as? [[String: Any]] ?? [] {
                out[r["emoji"] as? String ?? "?"] = r["authors"] as? [String]
            }
            return out
        }
        var detail = threadJSON(t)
        XCTAssertEqual(reactions(detail["thread"] as? [String: Any]), ["👍": ["ann", "bob"]])
        XCTAssertEqual(reactions((detail["comments"] as? [[String: Any]])?.first), ["+1": ["bob"]])
        let text = ok("thread", "show", t).stdout
        XCTAssertTrue(text.contains("👍 2"), text)
        XCTAssertTrue(text.contains("  +1 1"), text)

        let removed = ok("react", t, "👍", "--remove")
        XCTAssertTrue(isUUID(removed.trimmed))
        XCTAssertEqual(journalEvent(id: removed.trimmed)?["type"] as? String, "reaction.removed")
        detail = threadJSON(t)
        XCTAssertEqual(reactions(detail["thread"] as? [String: Any]), ["👍": ["bob"]])
        ok("react", t, "👍", "--remove", as: "bob")
        XCTAssertEqual(reactions(threadJSON(t)["thread"] as? [String: Any]), [:])
        XCTAssertFalse(ok("thread", "show", t).stdout.contains("👍"))

        assertFails(["react", t, "two words"], mentioning: ["invalid reaction"])
    }

    func testEditOwnPostsKeepsHistory() throws {
        makeSpaceWithBoard()
        let t = newThread(title: "Draft", body: "Old first.\n\nKept second.")
        let c = newComment(t, body: "Old comment")
        let original = try XCTUnwrap(journalEvent(id: t))

        let e1 = ok("edit", String(t.prefix(13)), "--body", "New first.\n\nKept second.")
        XCTAssertTrue(isUUID(e1.trimmed), e1.stdout)
        let e2 = object(ok("edit", c, "--body", "New comment", "--json"))
        XCTAssertEqual(e2["id"] as? String, c, "--json prints the edited post: \(e2)")
        XCTAssertEqual(e2["body"] as? String, "New comment")
        XCTAssertNotNil(e2["editedAt"] as? String)
        let e3 = ok("edit", t, "--title", "Final title")
        XCTAssertTrue(isUUID(e3.trimmed), "--title alone edits only the title: \(e3.stderr)")

        let detail = threadJSON(t)
        let thread = try XCTUnwrap(detail["thread"] as? [String: Any])
        XCTAssertEqual(thread["title"] as? String, "Final title")
        XCTAssertEqual(thread["body"] as? String, "New first.\n\nKept second.")
        let blocks = try XCTUnwrap(thread["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.map { $0["text"] as? String }, ["New first.", "Kept second."])
        let created = try XCTUnwrap(milliseconds(thread["createdAt"] as? String ?? ""))
        let edited = try XCTUnwrap(milliseconds(thread["editedAt"] as? String ?? ""), "editedAt is set: \(thread)")
        XCTAssertGreaterThan(edited, created)
        let comment = try XCTUnwrap((detail["comments"] as? [[String: Any]])?.first)
        XCTAssertEqual(comment["body"] as? String, "New comment")
        XCTAssertNotNil(comment["editedAt"] as? String)
        XCTAssertEqual(thread["createdAt"] as? String, original["at"] as? String, "editing keeps the creation time")

        let text = ok("thread", "show", t).stdout
        XCTAssertTrue(text.hasPrefix("Final title\n"), text)
        XCTAssertTrue(text.split(separator: "\n")[1].hasSuffix(" · edited"), text)
        XCTAssertTrue(text.contains("[1] New first."), text)

        // The original line is untouched; the edits are new lines.
        XCTAssertEqual(journalEvent(id: t)?["title"] as? String, "Draft")
        let edit = try XCTUnwrap(journalEvent(id: e1.trimmed))
        XCTAssertEqual(edit["type"] as? String, "post.edited")
        XCTAssertEqual(edit["target"] as? String, t)

        // Only the author may edit.
        assertFails(["edit", t, "--body", "Hijacked"], mentioning: ["only change your own posts"], as: "bob")
        assertFails(["edit", c, "--body", "Hijacked"], mentioning: ["only change your own posts"], as: "bob")
        assertFails(["edit", c, "--title", "Comments have no title"], mentioning: ["--title", "threads only"])
        XCTAssertEqual((threadJSON(t)["thread"] as? [String: Any])?["body"] as? String, "New first.\n\nKept second.")
    }
}

/// `2020-01-01T12:34:56.000Z` for milliseconds since 1970.
func isoString(_ ms: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
}
