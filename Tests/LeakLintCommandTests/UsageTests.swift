import Foundation
import Testing
@testable import LeakLintCommand

/// Small things people type: short flags, go-vet-style single-dash flags,
/// the help command, version syntax, and inputs that must exist before any
/// linting starts.
@Suite struct Usage {
    @Test func helpIsACommandAndAFlag() {
        for arguments in [["help"], ["-h"], ["--help"]] {
            let run = CommandRun(arguments)
            #expect(run.status == 0)
            #expect(run.out == Options.usage + "\n")
        }
        #expect(Options.usage.contains("git diff --name-only --diff-filter=d --relative -- '*.go' | leaklint --files-from -"))
    }

    @Test func shortFormsOfCommonFlags() throws {
        let options = try Options.parse(["-j", "3", "-o", "report.txt", "-q", "x.go"]).get()
        #expect(options.jobs == 3 && options.output == "report.txt" && options.quiet && options.paths == ["x.go"])
    }

    @Test(arguments: [
        ("-json", "unknown flag -json (did you mean --format json?)"),
        ("-sarif", "unknown flag -sarif (did you mean --format sarif?)"),
        ("-stats", "unknown flag -stats (did you mean --stats? long flags take two dashes)"),
        ("-quiet", "unknown flag -quiet (did you mean --quiet? long flags take two dashes)"),
        ("-exclude=x", "unknown flag -exclude=x (did you mean --exclude? long flags take two dashes)"),
    ])
    func singleDashLongFlagsGetAHint(_ row: (String, String)) {
        let run = CommandRun([row.0])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: \(row.1)", "run 'leaklint --help' for usage"])
    }

    @Test(arguments: [("1.21", true), ("go1.21", true), ("1.9", true), ("2.0", false), ("1.x", false), ("1", false),
                      ("1.21.3", false), ("go2", false), ("1.", false), ("", false)])
    func goVersionIsOneDotN(_ row: (String, Bool)) {
        let parsed = Options.parse(["--go-version", row.0])
        switch parsed {
        case .success(let options): #expect(row.1 && options.goVersion == row.0)
        case .failure(let error):
            #expect(!row.1)
            #expect(error.message == "--go-version needs a language version such as 1.21 or go1.21, not '\(row.0)'")
        }
    }

    @Test func inputsThatMustExistAreCheckedBeforeLinting() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", LintCommand.leaky)
        let output = CommandRun(["--output", "nowhere/out.txt", tree.all])
        #expect(output.status == 2)
        #expect(output.errorLines == ["leaklint: --output: no such directory: nowhere/"])
        let config = CommandRun(["--config", tree.path("missing.json"), tree.all])
        #expect(config.errorLines == ["leaklint: --config: no such file: \(tree.path("missing.json"))"])
        let baseline = CommandRun(["--baseline", tree.root, tree.all])
        #expect(baseline.errorLines == ["leaklint: --baseline: is a directory, not a file: \(tree.root)"])
        #expect(config.status == 2 && baseline.status == 2)
    }

    @Test func standardInputCannotBeBothSourceAndPathList() {
        let run = CommandRun(["--stdin-filename", "a.go", "--files-from", "-"])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: --stdin-filename and --files-from - both need standard input; pass the paths in a file instead"])
    }

    @Test func parseOnlyPrintsASummaryAndStatsWorkForAFullLint() throws {
        let tree = try FixtureTree()
        try tree.write("a.go", "package p\n")
        try tree.write("b.go", "package p\n\nfunc (\n")
        let parsed = CommandRun(["--parse-only", tree.all])
        #expect(parsed.errorLines.count == 2)
        #expect(parsed.errorLines.last?.hasPrefix("2 files parsed in ") == true)
        #expect(parsed.errorLines.last?.hasSuffix("s; 1 with syntax errors") == true)
        try FileManager.default.removeItem(atPath: tree.path("b.go"))
        let linted = CommandRun(["--stats", tree.all])
        #expect(linted.status == 0)
        #expect(linted.errorLines.count == 2)
        #expect(linted.errorLines.last?.hasPrefix("1 files, 10 bytes, 1 lines in ") == true)
    }

    @Test func anEmptyPathListIsNothingToDo() throws {
        let tree = try FixtureTree()
        let run = try BinaryRun(["--files-from", "-"], in: tree.root, standardInput: "")
        #expect(run.status == 0)
        #expect(run.errorLines == ["leaklint: no paths listed; nothing to lint"])
    }
}
