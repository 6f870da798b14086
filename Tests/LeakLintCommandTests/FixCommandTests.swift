import Foundation
import Testing
@testable import LeakLintCommand

/// `--fix` rewrites files with the suggested fixes and reports what is
/// left; `--diff` prints the same changes as a unified diff.
@Suite struct FixCommand {
    static let leaky = LintCommand.leaky

    /// `leaky` after `--fix`: the body is closed after the error check; the discarded cancel has no fix.
    static let leakyFixed = """
        package svc

        import (
        	"context"
        	"net/http"
        	"time"
        )

        func price(url string) (int, error) {
        	resp, err := http.Get(url)
        	if err != nil {
        		return 0, err
        	}
        	defer resp.Body.Close()
        	return resp.StatusCode, nil
        }

        func poll(parent context.Context) {
        	ctx, _ := context.WithTimeout(parent, time.Second)
        	_ = ctx
        }

        """

    /// Two loop variables captured: two fixes inserting different lines at one point.
    static let capturesTwo = """
        package svc

        func pairs(m map[string]int) {
        	for k, v := range m {
        		go func() { println(k, v) }()
        	}
        }

        """

    static func fileNumber(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    @Test func fixRewritesTheFileKeepsItsPermissionsAndReportsWhatIsLeft() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", FixCommand.leaky)
        #expect(chmod(path, 0o640) == 0)
        let run = CommandRun(["--fix", tree.all])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == FixCommand.leakyFixed)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        // The report is of the rewritten file: the cancel finding moved down a line.
        #expect(run.out == "\(path):19:12: the cancel function returned by context.WithTimeout is discarded: the context and its timer leak until the parent is cancelled; assign it and defer cancel() (lost-cancel)\n")
        #expect(run.errorLines.first == "fixed 1 finding in 1 file")
        #expect(run.errorLines.last?.hasPrefix("1 finding in 1 file;") == true)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: tree.path("svc")) == ["leaky.go"])
    }

    @Test func fixingEverythingExitsZero() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/body.go", """
            package svc

            import "net/http"

            func status(url string) int {
            	resp, err := http.Get(url)
            	if err != nil {
            		return 0
            	}
            	return resp.StatusCode
            }

            """)
        let run = CommandRun(["--fix", "--quiet", tree.all])
        #expect(run.status == 0)
        #expect(run.out.isEmpty && run.err.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\t}\n\tdefer resp.Body.Close()\n\treturn resp.StatusCode\n"))
    }

    @Test func aFixOverlappingAnotherIsSkippedNamedAndAppliedByTheNextRun() throws {
        let tree = try FixtureTree()
        try tree.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n")
        let path = try tree.write("svc/pairs.go", FixCommand.capturesTwo)
        let first = CommandRun(["--fix", "--quiet", tree.all])
        #expect(first.status == 1)
        #expect(first.errorLines == [
            "leaklint: \(path):5:26: the fix \"v := v\" of this loop-var-capture finding not applied: it overlaps another fix; run leaklint --fix again to apply it",
        ])
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            == FixCommand.capturesTwo.replacingOccurrences(of: "range m {\n", with: "range m {\n\t\tk := k\n"))
        #expect(first.out.hasPrefix("\(path):6:26: loop variable v captured by a goroutine"))

        let second = CommandRun(["--fix", "--quiet", tree.all])
        #expect(second.status == 0)
        #expect(second.err.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            == FixCommand.capturesTwo.replacingOccurrences(of: "range m {\n", with: "range m {\n\t\tv := v\n\t\tk := k\n"))
    }

    @Test func filesWithoutAFixAreNotRewritten() throws {
        let tree = try FixtureTree()
        let clean = try tree.write("svc/clean.go", LintCommand.clean)
        let unfixable = try tree.write("svc/poll.go", """
            package svc

            import (
            	"context"
            	"time"
            )

            func poll(parent context.Context) {
            	ctx, _ := context.WithTimeout(parent, time.Second)
            	_ = ctx
            }

            """)
        let fixable = try tree.write("svc/body.go", FixCommand.leaky.replacingOccurrences(of: "func poll", with: "func poll2"))
        let before = try [clean, unfixable, fixable].map(FixCommand.fileNumber)
        let run = CommandRun(["--fix", tree.all])
        #expect(run.status == 1)
        let after = try [clean, unfixable, fixable].map(FixCommand.fileNumber)
        #expect(after[0] == before[0] && after[1] == before[1])
        #expect(after[2] != before[2])
        #expect(run.errorLines.first == "fixed 1 finding in 1 file")
    }

    @Test func aFileThatCannotBeWrittenIsReportedAndLeftAlone() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", FixCommand.leaky)
        // A directory where the temporary file would go.
        try FileManager.default.createDirectory(atPath: tree.path("svc/.leaky.go.leaklint-\(getpid()).tmp"), withIntermediateDirectories: false)
        let run = CommandRun(["--fix", "--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines.first?.hasPrefix("leaklint: cannot write \(path): ") == true)
        #expect(run.errorLines.first?.hasSuffix("; the file is unchanged") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == FixCommand.leaky)
    }

    @Test func diffPrintsTheFixesAndWritesNothing() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", FixCommand.leaky)
        let run = CommandRun(["--diff", tree.all])
        let name = String(path.dropFirst())
        #expect(run.out == """
            --- a/\(name)
            +++ b/\(name)
            @@ -11,6 +11,7 @@
             	if err != nil {
             		return 0, err
             	}
            +	defer resp.Body.Close()
             	return resp.StatusCode, nil
             }
             

            """)
        // Nothing was written, so every finding still counts.
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == FixCommand.leaky)
        #expect(run.errorLines.first == "the diff fixes 1 finding in 1 file")
        #expect(run.errorLines.last?.hasPrefix("2 findings in 1 file;") == true)
    }

    @Test func diffWorksOnStandardInput() throws {
        let tree = try FixtureTree()
        let path = try tree.write("svc/leaky.go", "package svc\n")
        let captured = Captured()
        let sink = OutputSink(out: { captured.append(out: $0) }, error: { captured.append(error: $0) })
        let status = Command.run(
            arguments: ["--diff", "--quiet", "--stdin-filename", path], output: sink, standardInput: { .success(Array(FixCommand.leaky.utf8)) })
        #expect(status == 1)
        #expect(captured.out.hasPrefix("--- a/\(path.dropFirst())\n+++ b/\(path.dropFirst())\n@@ -11,6 +11,7 @@\n"))
        #expect(captured.out.contains("\n+\tdefer resp.Body.Close()\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "package svc\n")
    }

    @Test func fixAndDiffAreUsageErrorsTogetherOrWithStandardInput() {
        let both = CommandRun(["--fix", "--diff", "."])
        #expect(both.status == 2)
        #expect(both.errorLines.first == "leaklint: --fix and --diff cannot be combined: --diff prints what --fix would change, without writing")
        let stdin = CommandRun(["--fix", "--stdin-filename", "a.go"])
        #expect(stdin.status == 2)
        #expect(stdin.errorLines.first == "leaklint: --fix cannot rewrite standard input; use --diff with --stdin-filename")
    }
}
