import Foundation

/// The digest as a complete RFC 5322 message: multipart/alternative with a
/// quoted-printable text part and a base64 HTML part, RFC 2047 encoded headers
/// where they hold non-ASCII text, CRLF line ends. Ready for `sendmail -t`.
public enum DigestEmail {
    /// What the message needs besides the digest. `messageID` must be unique
    /// (the caller draws it); `boundary` must not occur in the parts, which it
    /// cannot: the parts are quoted-printable and base64 text, and it holds `=_`.
    public struct Envelope: Sendable {
        public var toAddress: String
        public var toName: String?
        public var fromAddress: String
        public var spaceName: String
        public var messageID: String
        public var boundary: String
        public init(toAddress: String, toName: String?, fromAddress: String, spaceName: String, messageID: String, boundary: String) {
            self.toAddress = toAddress
            self.toName = toName
            self.fromAddress = fromAddress
            self.spaceName = spaceName
            self.messageID = messageID
            self.boundary = boundary
        }
    }

    public static func render(_ digest: Digest, _ env: Envelope) -> String {
        let boundary = "=_weft_" + env.boundary
        var h: [String] = []
        h.append("From: " + mailbox(name: "Weft", address: env.fromAddress))
        h.append("To: " + mailbox(name: env.toName, address: env.toAddress))
        h.append("Date: " + rfc5322Date(digest.generatedAt, TimeZone(identifier: digest.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current))
        h.append(fold("Subject: " + encodeWords("Weft digest \(digest.week) – \(env.spaceName)")))
        h.append("Message-ID: <\(env.messageID)>")
        h.append("MIME-Version: 1.0")
        h.append("Auto-Submitted: auto-generated")
        h.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = h
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        lines.append("--" + boundary)
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("")
        lines.append(quotedPrintable(DigestText.render(digest)))
        lines.append("--" + boundary)
        lines.append("Content-Type: text/html; charset=utf-8")
        lines.append("Content-Transfer-Encoding: base64")
        lines.append("")
        lines.append(base64Lines(DigestHTML.render(digest)))
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `"Name" <addr>` with the name RFC 2047-encoded when it is not plain ASCII.
    static func mailbox(name: String?, address: String) -> String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f }
        if plain { return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\" <\(address)>" }
        return encodeWords(name) + " <\(address)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words (each at most 75 characters, split on
    /// character boundaries), or the text itself when it is plain ASCII.
    public static func encodeWords(_ text: String) -> String {
        let clean = Inert.line(text)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) { return clean }
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in clean {
            let bytes = Array(String(ch).utf8)
            // 45 bytes encode to 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header longer than 78 characters at spaces (CRLF + space).
    static func fold(_ header: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > 76 {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    /// `Sun, 22 Nov 2026 08:40:21 +0100`
    public static func rfc5322Date(_ t: Timestamp, _ zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: t.date)
        let local = t.adding(seconds: Int64(offset))
        let ms = local.milliseconds
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let secs = (ms - days * 86_400_000) / 1000
        let day = CivilDay(daysSinceEpoch: days)
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = offset < 0 ? "-" : "+"
        let o = Int64(abs(offset) / 60)
        return "\(names[day.isoWeekday - 1]), \(day.day) \(LocalTime.months[day.month - 1]) \(day.year) "
            + "\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)) \(sign)\(two(o / 60))\(two(o % 60))"
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks
    /// with `=`, every byte outside printable ASCII and `=` itself as `=XX`,
    /// spaces and tabs before a line end encoded. Line ends become CRLF.
    public static func quotedPrintable(_ text: String) -> String {
        var out: [String] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current: [UInt8] = []
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let plain = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last)
                let piece: [UInt8] = plain ? [b] : [61, hex[Int(b >> 4)], hex[Int(b & 15)]]
                if current.count + piece.count > 75 {
                    out.append(String(decoding: current + [61], as: UTF8.self))
                    current = []
                }
                current += piece
            }
            out.append(String(decoding: current, as: UTF8.self))
        }
        return out.joined(separator: "\r\n")
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(76)))
            rest = rest.dropFirst(76)
        }
        return lines.joined(separator: "\r\n")
    }
}
