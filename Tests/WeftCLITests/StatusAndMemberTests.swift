import Foundation
import XCTest
import WeftTestSupport

/// `weft status post|list`, `weft member list|show`, `weft profile set`, and
/// how times are shown in the viewer's time zone.
final class StatusAndMemberTests: CLITestCase {
    /// A status update written by another program into zed's space journal at a known time.
    @discardableResult
    func writeOldStatus(at iso: String = "2020-01-01T12:34:56.000Z", text: String = "Old news") throws -> String {
        let ms = try XCTUnwrap(milliseconds(iso))
        let id = uuidv7(milliseconds: ms, tail: "5a1")
        sandbox.write("""
            {"v":1,"id":"\(id)","at":"\(iso)","type":"status.posted","kind":"done","text":"\(text)"}

            """, to: "space/journal/zed@dev1.jsonl")
        return id
    }

    func testStatusPostAndList() throws {
        makeSpaceWithBoard()
        let plain = ok("status", "post", "Reading the RFC")
        XCTAssertTrue(isUUID(plain.trimmed), plain.stdout)
        let onBoard = object(ok("status", "post", "Release is slipping", "--kind", "atRisk", "--board", "general", "--json"))
        let onBoardID = try XCTUnwrap(onBoard["id"] as? String)
        XCTAssertTrue(isUUID(onBoardID))
        XCTAssertEqual(onBoard["kind"] as? String, "atRisk")
        XCTAssertEqual(onBoard["board"] as? String, "general")
        XCTAssertEqual(onBoard["author"] as? String, "ann")
        XCTAssertEqual(onBoard["text"] as? String, "Release is slipping")
        XCTAssertNotNil(milliseconds(onBoard["at"] as? String ?? ""))
        let bob = ok("status", "post", "Shipped", "--kind", "done", as: "bob").trimmed
        // Friendly spellings of kinds.
        let friendly = object(ok("status", "post", "Fine", "--kind", "on-track", "--json", as: "bob"))
        XCTAssertEqual(friendly["kind"] as? String, "onTrack")

        // Where they are stored: space journal without --board, the board's journal with it.
        let spaceLevel = try XCTUnwrap(journalEvent(id: plain.trimmed))
        XCTAssertEqual(spaceLevel["type"] as? String, "status.posted")
        XCTAssertEqual(spaceLevel["kind"] as? String, "note", "the default kind is note")
        let boardFiles = try FileManager.default.contentsOfDirectory(atPath: space + "/boards/general/journal")
        let boardText = try boardFiles.map { try String(contentsOfFile: space + "/boards/general/journal/" + $0, encoding: .utf8) }.joined()
        XCTAssertTrue(boardText.contains(onBoardID))
        XCTAssertFalse(boardText.contains(plain.trimmed))

        let all = array(ok("status", "list", "--json"))
        XCTAssertEqual(all.compactMap { $0["id"] as? String }, [friendly["id"] as? String, bob, onBoardID, plain.trimmed].compactMap { $0 },
                       "newest first")
        XCTAssertEqual(Set(all[2].keys), ["id", "author", "at", "kind", "text", "board"])
        XCTAssertEqual(Set(all[3].keys), ["id", "author", "at", "kind", "text"], "no board: the key is left out")

        let byBob = array(ok("status", "list", "--author", "bob", "--json"))
        XCTAssertEqual(byBob.count, 2)
        XCTAssertTrue(byBob.allSatisfy { $0["author"] as? String == "bob" })
        let onGeneral = array(ok("status", "list", "--board", "general", "--json"))
        XCTAssertEqual(onGeneral.compactMap { $0["id"] as? String }, [onBoardID])
        XCTAssertEqual(array(ok("status", "list", "--limit", "1", "--json")).count, 1)
        XCTAssertEqual(array(ok("status", "list", "--author", "nobody-here", "--json")).count, 0)

        let table = ok("status", "list").lines
        XCTAssertEqual(table.count, 5, table.joined(separator: "\n"))
        XCTAssertEqual(table[0].split(separator: " ", omittingEmptySubsequences: true), ["WHEN", "WHO", "KIND", "BOARD", "TEXT"])
        let atRisk = try XCTUnwrap(table.first { $0.hasSuffix("Release is slipping") })
        XCTAssertTrue(atRisk.contains(" at risk ") && atRisk.contains(" general "), atRisk)
        let note = try XCTUnwrap(table.first { $0.hasSuffix("Reading the RFC") })
        XCTAssertTrue(note.contains(" note ") && note.contains(" - "), note)
        XCTAssertTrue(table[1].hasSuffix("Fine") && table[1].contains(" on track "), table[1])
    }

    func testStatusListSince() throws {
        makeSpace()
        let old = try writeOldStatus()
        let recent = ok("status", "post", "Fresh").trimmed

        func ids(_ since: String, as who: String = "ann", env: [String: String] = [:]) -> [String] {
            array(ok("status", "list", "--since", since, "--json", as: who, env: env)).compactMap { $0["id"] as? String }
        }
        XCTAssertEqual(array(ok("status", "list", "--json")).compactMap { $0["id"] as? String }, [recent, old])
        XCTAssertEqual(ids("7d"), [recent])
        XCTAssertEqual(ids("12h"), [recent])
        XCTAssertEqual(ids("2w"), [recent])
        XCTAssertEqual(ids("today"), [recent])
        XCTAssertEqual(ids("yesterday"), [recent])
        XCTAssertEqual(ids("2019-12-31"), [recent, old])
        XCTAssertEqual(ids("2020-01-01 12:34"), [recent, old])
        XCTAssertEqual(ids("2020-01-01 12:35"), [recent])
        // The date is read in the viewer's zone: 12:34 UTC is 21:34 in Tokyo (carol has no
        // profile yet, so TZ is her zone).
        XCTAssertEqual(ids("2020-01-01 21:34", as: "carol", env: ["TZ": "Asia/Tokyo"]), [recent, old])
        XCTAssertEqual(ids("2020-01-01 21:35", as: "carol", env: ["TZ": "Asia/Tokyo"]), [recent])
        ok("profile", "set", "--tz", "America/New_York", as: "carol")
        XCTAssertEqual(ids("2020-01-01 07:34", as: "carol", env: ["TZ": "Asia/Tokyo"]), [recent, old], "the profile's zone wins")
        XCTAssertEqual(ids("2020-01-01 07:35", as: "carol", env: ["TZ": "Asia/Tokyo"]), [recent])
        XCTAssertTrue(ok("status", "list", "--since", "2999-01-01").stdout.contains("No status updates since 2999-01-01"))

        let table = ok("status", "list", "--author", "zed").lines
        XCTAssertEqual(table.count, 2)
        XCTAssertTrue(table[1].hasPrefix("2020-01-01 12:34  zed  done"), table[1])

        assertFails(["status", "list", "--since", "last tuesday-ish"], mentioning: ["--since"])
    }

    func testMemberListAndShow() throws {
        makeSpaceWithBoard()
        _ = newThread(title: "Hi", as: "bob")
        let list = array(ok("member", "list", "--json"))
        XCTAssertEqual(list.compactMap { $0["handle"] as? String }, ["ann", "bob"], "everyone who wrote, by handle")
        let bob = try XCTUnwrap(list.last)
        XCTAssertNotNil(milliseconds(bob["firstSeen"] as? String ?? ""))
        XCTAssertNil(bob["timeZone"], "no zone until the person sets one, so their TZ keeps working")

        let table = ok("member", "list").lines
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(table[0].split(separator: " ", omittingEmptySubsequences: true),
                       ["HANDLE", "ROLE", "NAME", "TIME", "ZONE", "LOCAL", "TIME", "HOURS", "WORKING"])
        XCTAssertTrue(table[2].hasPrefix("bob "), table[2])

        let me = ok("member", "show").stdout
        XCTAssertTrue(me.hasPrefix("ann\n"), "member show defaults to you: \(me)")
        XCTAssertTrue(me.contains("Working hours: not set"), me)
        XCTAssertTrue(me.contains("Member since: "), me)
        let bobJSON = object(ok("member", "show", "bob", "--json"))
        XCTAssertEqual(bobJSON["handle"] as? String, "bob")
        XCTAssertNil(bobJSON["name"])
        assertFails(["member", "show", "carol"], mentioning: ["no member 'carol'"])
        assertFails(["member", "show", "Not A Handle"], mentioning: ["invalid handle"])
    }

    func testProfileSet() throws {
        makeSpace()
        let r = ok("profile", "set", "--name", "Ann Example", "--tz", "Asia/Tokyo", "--hours", "09:00-17:30")
        XCTAssertTrue(isUUID(r.trimmed), r.stdout)
        let line = try XCTUnwrap(journalEvent(id: r.trimmed))
        XCTAssertEqual(line["type"] as? String, "member.profile")
        XCTAssertEqual(line["tz"] as? String, "Asia/Tokyo")

        var me = object(ok("member", "show", "--json"))
        XCTAssertEqual(me["name"] as? String, "Ann Example")
        XCTAssertEqual(me["timeZone"] as? String, "Asia/Tokyo")
        XCTAssertEqual(me["workingHours"] as? String, "09:00-17:30")
        XCTAssertNotNil(me["localTime"] as? String)
        XCTAssertNotNil(me["inWorkingHours"] as? Bool)
        XCTAssertEqual(Set(me.keys), ["handle", "firstSeen", "name", "timeZone", "workingHours", "localTime", "inWorkingHours"])

        // Only the given fields change; hours without leading zero are normalised.
        let changed = object(ok("profile", "set", "--hours", "8:30-16:00", "--json"))
        XCTAssertEqual(changed["workingHours"] as? String, "08:30-16:00")
        XCTAssertEqual(changed["name"] as? String, "Ann Example")
        XCTAssertEqual(changed["timeZone"] as? String, "Asia/Tokyo")
        me = object(ok("member", "show", "ann", "--json"))
        XCTAssertEqual(me["workingHours"] as? String, "08:30-16:00")

        let text = ok("member", "show").stdout
        XCTAssertTrue(text.hasPrefix("ann (Ann Example)\n"), text)
        XCTAssertTrue(text.contains("Time zone: Asia/Tokyo, now "), text)
        XCTAssertTrue(text.contains("Working hours: 08:30-16:00 ("), text)
        let row = try XCTUnwrap(ok("member", "list").lines.last)
        XCTAssertTrue(row.contains("Ann Example") && row.contains("Asia/Tokyo") && row.contains("08:30-16:00"), row)

        assertFails(["profile", "set"], mentioning: ["nothing to change"])
    }

    // MARK: Times in the viewer's zone

    func testTablesShowTimesInTheViewersTimeZone() throws {
        makeSpaceWithBoard()
        try writeOldStatus()
        let t = newThread(title: "When?")
        let createdAt = try XCTUnwrap((threadJSON(t)["thread"] as? [String: Any])?["createdAt"] as? String)

        // carol has never written, so she has no profile: TZ decides.
        func statusRow(_ env: [String: String]) -> String {
            ok("status", "list", "--author", "zed", as: "carol", env: env).lines.last ?? ""
        }
        XCTAssertTrue(statusRow(["TZ": "UTC"]).hasPrefix("2020-01-01 12:34 "), statusRow(["TZ": "UTC"]))
        XCTAssertTrue(statusRow(["TZ": "Asia/Tokyo"]).hasPrefix("2020-01-01 21:34 "), statusRow(["TZ": "Asia/Tokyo"]))
        XCTAssertTrue(statusRow(["TZ": "America/New_York"]).hasPrefix("2020-01-01 07:34 "))

        let tokyoShow = ok("thread", "show", t, as: "carol", env: ["TZ": "Asia/Tokyo"]).stdout
        XCTAssertTrue(tokyoShow.contains("ann · \(wallClock(createdAt, in: "Asia/Tokyo")) · general"), tokyoShow)
        let utcShow = ok("thread", "show", t, as: "carol", env: ["TZ": "UTC"]).stdout
        XCTAssertTrue(utcShow.contains("ann · \(wallClock(createdAt, in: "UTC")) · general"), utcShow)
        let boardRow = ok("board", "list", as: "carol", env: ["TZ": "Asia/Tokyo"]).lines.last ?? ""
        XCTAssertTrue(boardRow.contains(wallClock(createdAt, in: "Asia/Tokyo")), boardRow)

        // JSON stays in UTC whatever the zone.
        let json = array(ok("status", "list", "--author", "zed", "--json", as: "carol", env: ["TZ": "Asia/Tokyo"]))
        XCTAssertEqual(json.first?["at"] as? String, "2020-01-01T12:34:56.000Z")

        // A profile's time zone beats TZ.
        ok("profile", "set", "--tz", "America/New_York", as: "carol", env: ["TZ": "Asia/Tokyo"])
        XCTAssertTrue(statusRow(["TZ": "Asia/Tokyo"]).hasPrefix("2020-01-01 07:34 "), statusRow(["TZ": "Asia/Tokyo"]))
        let nyShow = ok("thread", "show", t, as: "carol", env: ["TZ": "Asia/Tokyo"]).stdout
        XCTAssertTrue(nyShow.contains("ann · \(wallClock(createdAt, in: "America/New_York")) · general"), nyShow)
    }
}
