import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The space to use (default: $WEFT_SPACE, else $XDG_DATA_HOME/weft/default).", valueName: "path"))
    var space: String?
}

/// `--json` for commands that list or create something.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable field names, see Docs/cli.md) instead of a table.")
    var json = false
}
