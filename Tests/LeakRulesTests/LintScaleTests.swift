import GoSyntax
import LeakAnalysis
import Testing
@testable import LeakRules

/// One long function with one tracked value (or defer, or suppression
/// comment) per few lines: the findings are all there, and the work the
/// linter does grows linearly with the count. Work is counted, not timed:
/// exit-search steps, references classified, statements scanned and
/// suppression directives checked, at 2,000 and 8,000 values (linear is a
/// ratio of 4, quadratic 16).
@Suite struct LintScaleTests {
    /// The findings and the work of linting `source` as one file, with every rule.
    static func lint(_ source: String) -> (findings: [Diagnostic], work: Int) {
        let file = PackageLoader.ParsedFile(path: "/virtual/p/a.go", tree: GoParser.parse(source), isReported: true)
        let package = PackageLoader.package(of: PackageLoader.Group(files: [file], moduleVersion: GoVersion(parsing: "1.21")))
        let (findings, context) = Linter(rules: RuleRegistry.all).run(fileAt: 0, of: package)
        return (findings, context.work + context.searchWork)
    }

    static func expectLinear(
        _ make: (Int) -> String, findings expected: (Int) -> Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let small = lint(make(2_000))
        let large = lint(make(8_000))
        #expect(small.findings.count == expected(2_000), sourceLocation: sourceLocation)
        #expect(large.findings.count == expected(8_000), sourceLocation: sourceLocation)
        #expect(Double(large.work) / Double(small.work) < 6, "work \(small.work) -> \(large.work)", sourceLocation: sourceLocation)
    }

    /// Tickers each followed by an early return: every one leaks there.
    static func tickers(_ count: Int) -> String {
        var source = "package p\n\nimport \"time\"\n\nfunc f(c bool) {\n"
        for index in 0..<count { source += "\tt\(index) := time.NewTicker(time.Second)\n\tif c {\n\t\treturn\n\t}\n\t_ = t\(index)\n" }
        return source + "}\n"
    }

    /// Files opened with one shared err: every other one is closed.
    static func opens(_ count: Int) -> String {
        var source = "package p\n\nimport \"os\"\n\nfunc f(p string) error {\n\tvar err error\n"
        for index in 0..<count {
            source += "\tf\(index), err := os.Open(p)\n\tif err != nil {\n\t\treturn err\n\t}\n"
            source += index % 2 == 0 ? "\tdefer f\(index).Close()\n" : "\t_ = f\(index).Name()\n"
        }
        return source + "\treturn err\n}\n"
    }

    /// Defers in one loop body, each with a suppression comment for another rule.
    static func defersInALoop(_ count: Int) -> String {
        var source = "package p\n\nimport \"os\"\n\nfunc f(files []*os.File) {\n\tfor _, f := range files {\n"
        for _ in 0..<count { source += "\t\tdefer f.Close() //nolint:unclosed-body // another rule\n" }
        return source + "\t}\n}\n"
    }

    /// Tickers in one straight run of statements (a single block), all left running at the end.
    static func tickersInOneBlock(_ count: Int) -> String {
        var source = "package p\n\nimport \"time\"\n\nfunc f() {\n"
        for index in 0..<count { source += "\tt\(index) := time.NewTicker(time.Second)\n\t_ = t\(index)\n" }
        return source + "}\n"
    }

    /// One variable holding a new file again and again: every other one is closed.
    static func oneVariableManyFiles(_ count: Int) -> String {
        var source = "package p\n\nimport \"os\"\n\nfunc f(p string) error {\n\tvar f *os.File\n\tvar err error\n"
        for index in 0..<count {
            source += "\tf, err = os.Open(p)\n\tif err != nil {\n\t\treturn err\n\t}\n"
            source += index % 2 == 0 ? "\tf.Close()\n" : "\t_ = f.Name()\n"
        }
        return source + "\treturn nil\n}\n"
    }

    /// Goroutines each sending once on one unbuffered channel, received once after an early return.
    static func sendersOnOneChannel(_ count: Int) -> String {
        var source = "package p\n\nfunc f(c bool) int {\n\tch := make(chan int)\n"
        for index in 0..<count { source += "\tgo func() { ch <- \(index) }()\n" }
        return source + "\tif c {\n\t\treturn 0\n\t}\n\treturn <-ch\n}\n"
    }

    /// Goroutines in one loop body, each capturing the loop variable.
    static func capturesOfOneLoopVariable(_ count: Int) -> String {
        var source = "package p\n\nfunc f(xs []int) {\n\tfor _, x := range xs {\n"
        for _ in 0..<count { source += "\t\tgo func() { _ = x }()\n" }
        return source + "\t}\n}\n"
    }

    /// One cancel variable holding a new context again and again, each cancelled after an early return.
    static func oneCancelVariable(_ count: Int) -> String {
        var source = "package p\n\nimport \"context\"\n\nfunc f(ctx context.Context, c bool) {\n"
        source += "\tvar cancel context.CancelFunc\n\tvar derived context.Context\n"
        for _ in 0..<count { source += "\tderived, cancel = context.WithCancel(ctx)\n\tif c {\n\t\treturn\n\t}\n\tcancel()\n\t_ = derived\n" }
        return source + "}\n"
    }

    /// Many mutexes of one struct, each locked and unlocked on two paths.
    static func manyMutexes(_ count: Int) -> String {
        var source = "package p\n\nimport \"sync\"\n\ntype S struct {\n"
        for index in 0..<count { source += "\tm\(index) sync.Mutex\n" }
        source += "}\n\nfunc f(s *S, c bool) {\n"
        for index in 0..<count {
            source += "\ts.m\(index).Lock()\n\tif c {\n"
            source += index % 2 == 0 ? "\t\ts.m\(index).Unlock()\n" : ""
            source += "\t\treturn\n\t}\n\ts.m\(index).Unlock()\n"
        }
        return source + "}\n"
    }

    @Test func manyTickersInOneFunction() {
        Self.expectLinear(Self.tickers, findings: { $0 })
    }

    @Test func manyFilesSharingOneErrorVariable() {
        Self.expectLinear(Self.opens, findings: { $0 / 2 })
    }

    @Test func manyDefersInOneLoopWithSuppressionComments() {
        // Each defer is a finding, and each comment suppresses nothing (reported too).
        Self.expectLinear(Self.defersInALoop, findings: { 2 * $0 })
    }

    @Test func manyTickersInOneBlock() {
        Self.expectLinear(Self.tickersInOneBlock, findings: { $0 })
    }

    @Test func oneVariableHoldingManyFiles() {
        // The odd ones leak at the next value's error return, the last at the final return.
        Self.expectLinear(Self.oneVariableManyFiles, findings: { $0 / 2 })
    }

    @Test func manyGoroutinesSendingOnOneChannel() {
        // One finding for the channel, its other sends related.
        Self.expectLinear(Self.sendersOnOneChannel, findings: { _ in 1 })
    }

    @Test func manyClosuresCapturingOneLoopVariable() {
        Self.expectLinear(Self.capturesOfOneLoopVariable, findings: { _ in 1 })
    }

    @Test func oneCancelVariableHoldingManyContexts() {
        Self.expectLinear(Self.oneCancelVariable, findings: { $0 })
    }

    @Test func manyMutexesInOneFunction() {
        // The odd ones return locked.
        Self.expectLinear(Self.manyMutexes, findings: { $0 / 2 })
    }
}
