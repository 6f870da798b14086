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
        // Lexical path arithmetic and the current directory, without Foundation's trapping path methods;
        // small files read within a size limit, and names made safe to print.
        .target(name: "FilePaths"),
        // What rules need to know about a Go package: imports, Go version, declarations
        // and their types, control flow, and which values are handed off.
        .target(name: "LeakAnalysis", dependencies: ["GoSyntax", "FilePaths"]),
        // The rule engine and the rules; produces diagnostics, never formats them.
        .target(name: "LeakRules", dependencies: ["GoSyntax", "LeakAnalysis", "FilePaths"], plugins: ["RuleDocsPlugin"]),
        // Embeds Rules/<id>/README.md into LeakRules at build time (the READMEs are the one source).
        .executableTarget(name: "RuleDocsGenerator"),
        .plugin(
            name: "RuleDocsPlugin", capability: .buildTool(), dependencies: ["RuleDocsGenerator"],
            path: "Sources/RuleDocsPlugin"),
        // Text, JSON and SARIF output of findings; knows formats, not analysis.
        .target(name: "LeakReporters", dependencies: ["LeakRules", "FilePaths"]),
        // Argument parsing, file discovery and the parallel driver behind the command.
        .target(name: "LeakLintCommand", dependencies: ["GoSyntax", "FilePaths", "LeakAnalysis", "LeakRules", "LeakReporters"]),
        // The executable: only hands the process arguments to LeakLintCommand.
        .executableTarget(name: "leaklint", dependencies: ["LeakLintCommand"]),
        // libFuzzer target over the whole pipeline (scripts/fuzz); without the
        // fuzzer it is a plain executable that replays saved inputs.
        .executableTarget(
            name: "LeakLintFuzz", dependencies: ["GoSyntax", "LeakAnalysis", "LeakRules", "LeakReporters"],
            swiftSettings: [.enableExperimentalFeature("Extern")]),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax"]),
        .testTarget(name: "FilePathsTests", dependencies: ["FilePaths"]),
        .testTarget(name: "LeakAnalysisTests", dependencies: ["LeakAnalysis", "GoSyntax"]),
        .testTarget(name: "LeakRulesTests", dependencies: ["LeakRules", "LeakAnalysis", "GoSyntax"]),
        .testTarget(name: "LeakReportersTests", dependencies: ["LeakReporters", "LeakRules"]),
        .testTarget(
            name: "LeakLintCommandTests",
            dependencies: ["LeakLintCommand", "GoSyntax", "FilePaths", "LeakAnalysis", "LeakRules", "LeakReporters"]),
    ]
)
