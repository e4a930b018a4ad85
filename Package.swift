// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Weft",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "weft", targets: ["weft"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // No pkgConfig: SwiftPM would drop its -D_XOPEN_SOURCE flags with a warning
        // anyway (see shim.h); `make` installs libncurses-dev.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "WeftCore"),
        // One call SQLite only offers through a variadic C function (sqlite3_config).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "WeftStore",
            dependencies: [
                "WeftCore", "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        .target(name: "WeftApp", dependencies: ["WeftCore", "WeftStore", "TerminalUI"]),
        .executableTarget(
            name: "weft",
            dependencies: [
                "WeftCore", "WeftStore", "WeftApp", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared helpers for the test targets: temporary spaces, running `weft` as a process.
        .target(name: "WeftTestSupport", dependencies: ["WeftCore"], path: "Tests/WeftTestSupport"),
        .testTarget(name: "WeftCoreTests", dependencies: ["WeftCore", "WeftTestSupport"]),
        .testTarget(name: "WeftStoreTests", dependencies: ["WeftStore", "WeftCore", "CSQLiteTuning", "WeftTestSupport", "weft"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "WeftAppTests",
            dependencies: ["WeftApp", "WeftStore", "WeftCore", "TerminalUI", "WeftTestSupport", "weft"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "WeftCLITests", dependencies: ["WeftCore", "WeftTestSupport", "weft"]),
        // The real `weft` under tmux: open, navigate, live refresh, resize, quit.
        .testTarget(name: "WeftEndToEndTests", dependencies: ["WeftTestSupport", "weft"]),
    ],
    swiftLanguageModes: [.v6]
)
