import Foundation
import Testing
@testable import LeakLintCommand

/// A repository can ship a file whose name holds a newline or a terminal
/// escape sequence. Wherever such a name is printed as text (findings,
/// related locations, errors on standard error, diff headers) its control
/// characters are escaped; JSON keeps the name exact.
@Suite struct ControlCharacterPaths {
    static let leaky = "package p\n\nimport \"net/http\"\n\nfunc f() {\n\tresp, _ := http.Get(\"x\")\n\t_ = resp\n}\n"
    static let escape = "a\u{1B}]0;pwned\u{07}\u{1B}[2J\nx.go"
    static let printed = "a\\x1B]0;pwned\\x07\\x1B[2J\\nx.go"
    /// A leak with a suggested fix.
    static let fixable = """
        package p

        import "net/http"

        func f() (int, error) {
        \tresp, err := http.Get("x")
        \tif err != nil {
        \t\treturn 0, err
        \t}
        \treturn resp.StatusCode, nil
        }

        """

    @Test func findingsAndRelatedLocationsEscapeThePath() throws {
        let tree = try FixtureTree()
        try tree.write(ControlCharacterPaths.escape, ControlCharacterPaths.leaky)
        let run = try BinaryRun(["--quiet", "."], in: tree.root)
        #expect(run.status == 1)
        #expect(run.out == """
            \(ControlCharacterPaths.printed):6:13: resp.Body is never closed: the connection cannot be reused; \
            defer resp.Body.Close() after checking the error (unclosed-body)
            \t\(ControlCharacterPaths.printed):8:1: the end of the function is reached with resp.Body open

            """)
        #expect(!run.out.contains("\u{1B}") && !run.err.contains("\u{1B}"))
    }

    @Test func errorsOnStandardErrorEscapeThePath() throws {
        let tree = try FixtureTree()
        try tree.write("bad\t\u{9B}31m.go", "package p\nfunc (\n")
        try tree.write("ok.go", "package p\n")
        for arguments in [["."], ["--parse-only", "."]] {
            let run = try BinaryRun(["--quiet"] + arguments, in: tree.root)
            #expect(run.status == 2)
            #expect(run.errorLines == ["bad\\t\\u009B31m.go:2:8: syntax error: expected ')', found 'EOF'"])
        }
        let missing = try BinaryRun(["--quiet", "gone\u{1B}[31m.go", "--config", "x\ny.json"], in: tree.root)
        #expect(missing.status == 2)
        #expect(missing.errorLines == ["leaklint: --config: no such file: x\\ny.json"])
        let flag = try BinaryRun(["--\u{1B}[2J"], in: tree.root)
        #expect(flag.errorLines == ["leaklint: unknown flag --\\x1B[2J", "run 'leaklint --help' for usage"])
    }

    @Test func jsonKeepsTheExactName() throws {
        let tree = try FixtureTree()
        try tree.write(ControlCharacterPaths.escape, ControlCharacterPaths.leaky)
        let run = try BinaryRun(["--quiet", "--format", "json", "."], in: tree.root)
        #expect(run.out.contains("\"path\": \"a\\u001b]0;pwned\\u0007\\u001b[2J\\nx.go\""))
    }

    @Test func diffHeadersQuoteTheNameAsGitDoesAndGitAppliesThem() throws {
        let tree = try FixtureTree()
        let name = "tab\there\u{1B}.go"
        try tree.write(name, ControlCharacterPaths.fixable)
        let run = try BinaryRun(["--quiet", "--diff", "."], in: tree.root)
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(2) == ["--- \"a/tab\\there\\033.go\"", "+++ \"b/tab\\there\\033.go\""])
        #expect(!run.out.contains("\u{1B}"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return }
        try tree.write("fix.diff", run.out)
        let apply = try BinaryRun(["-c", "git apply fix.diff 2>&1"], in: tree.root, via: "/bin/sh")
        #expect(apply.status == 0, "\(apply.out)")
        let fixed = try String(contentsOfFile: tree.path(name), encoding: .utf8)
        #expect(fixed.contains("defer resp.Body.Close()"))
    }

    @Test func ordinaryNamesPrintByteForByte() throws {
        let tree = try FixtureTree()
        let name = "café b\\x.go"
        try tree.write(name, ControlCharacterPaths.fixable)
        let run = try BinaryRun(["--quiet", "."], in: tree.root)
        #expect(run.out.hasPrefix("\(name):6:15: "))
        let diff = try BinaryRun(["--quiet", "--diff", "."], in: tree.root)
        // Like git, a backslash is quoted in a diff header (git apply reads it back).
        #expect(diff.out.hasPrefix("--- \"a/café b\\\\x.go\"\n"))
    }
}
