import WeftCore

extension Handle {
    /// Parses "a,b, c" into handles; empty items are skipped, a bad one is an error naming it.
    static func list(_ text: String) throws(ValidationError) -> [Handle] {
        var out: [Handle] = []
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            let h = try Handle(item)
            if !out.contains(h) { out.append(h) }
        }
        return out
    }
}
