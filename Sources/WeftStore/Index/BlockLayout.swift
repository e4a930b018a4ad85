import Foundation
import WeftCore

/// How `post_text.blocks` holds a thread's blocks: each block's id and the
/// length in UTF-8 bytes of its text, as a JSON array of `[id, length]` pairs
/// (`[["b1",12],["b2",0]]`). The texts themselves are the post's body, which is
/// ``Blocks/join(_:)`` of them (joined by a blank line), so they are not stored
/// twice: a build from scratch writes a quarter less text for threads.
enum BlockLayout {
    /// The column's text for `blocks`: written by hand as UTF-8 (JSONEncoder costs
    /// ten times more) and deterministic, since `index check` compares text.
    static func encode(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(blocks.reduce(2) { $0 + $1.id.utf8.count + 12 })
        out.append(UInt8(ascii: "["))
        for (i, b) in blocks.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            EventApplier.appendJSONString(b.id, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: String(b.text.utf8.count).utf8)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The blocks `layout` describes, their texts cut from `body`; nil when the
    /// two do not fit together.
    static func decode(_ layout: String, body: String) -> [Block]? {
        guard let spans = try? JSONDecoder().decode([Span].self, from: Data(layout.utf8)) else { return nil }
        let bytes = Array(body.utf8)
        var blocks: [Block] = []
        blocks.reserveCapacity(spans.count)
        var at = 0
        for (i, span) in spans.enumerated() {
            if i > 0 {
                // The blank line between two blocks.
                guard at + 2 <= bytes.count, bytes[at] == 10, bytes[at + 1] == 10 else { return nil }
                at += 2
            }
            guard span.length >= 0, at + span.length <= bytes.count else { return nil }
            blocks.append(Block(id: span.id, text: String(decoding: bytes[at..<(at + span.length)], as: UTF8.self)))
            at += span.length
        }
        return at == bytes.count ? blocks : nil
    }

    private struct Span: Decodable {
        var id: String
        var length: Int

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            id = try pair.decode(String.self)
            length = try pair.decode(Int.self)
        }
    }
}
