// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "leaklint",
    products: [
        .executable(name: "leaklint", targets: ["leaklint"]),
        .library(name: "GoSyntax", targets: ["GoSyntax"]),
    ],
    targets: [
        // Bytes -> tokens -> AST. Knows nothing about rules or output formats.
        .target(name: "GoSyntax"),
        // Argument parsing, file discovery and the parallel driver behind the command.
        .target(name: "LeakLintCommand", dependencies: ["GoSyntax"]),
        // The executable: only hands the process arguments to LeakLintCommand.
        .executableTarget(name: "leaklint", dependencies: ["LeakLintCommand"]),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax"]),
        .testTarget(name: "LeakLintCommandTests", dependencies: ["LeakLintCommand", "GoSyntax"]),
    ]
)
