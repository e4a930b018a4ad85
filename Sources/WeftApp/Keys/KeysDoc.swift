/// `Docs/keys.md`, generated from the key table.
///
/// `weft dev keys-doc` prints it; a test fails when the checked-in file
/// differs, so the document, the help overlay and the keys that work cannot
/// drift apart.
public enum KeysDoc {
    /// The whole document as Markdown.
    public static func markdown() -> String {
        var out: [String] = [
            "# Keys",
            "",
            "<!-- Generated from the key table (Sources/WeftApp/Keys/Command.swift) by `weft dev keys-doc`. Do not edit. -->",
            "",
            "Every key and mouse action of Weft's full-screen interface. Press `?` on any screen",
            "to see the ones that work there; the status line at the bottom shows the most useful.",
            "",
            "Where: " + KeyContext.allCases.map { "**\($0.title)**" }.joined(separator: ", ")
                + " are the screens, the sidebar (when it has the focus) and the help overlay.",
            "Below 90 columns the sidebar is folded away; `Tab` opens it over the left of the screen.",
        ]
        for category in KeyCategory.allCases {
            let commands = Command.allCases.filter { $0.category == category }
            guard !commands.isEmpty else { continue }
            out += ["", "## \(category.title)", "", "| Keys | What it does | Where |", "|---|---|---|"]
            for command in commands {
                let keys = command.bindings.map { "`\(escape($0.label))`" }.joined(separator: " ")
                let places = KeyContext.allCases.filter(command.contexts.contains)
                let where_ = places.count == KeyContext.allCases.count
                    ? "everywhere" : places.map(\.title).joined(separator: ", ")
                out.append("| \(keys) | \(escape(command.help)) | \(where_) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes the characters that would break a Markdown table cell.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
