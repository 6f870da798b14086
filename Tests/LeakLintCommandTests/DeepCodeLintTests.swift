import Foundation
import Testing
@testable import LeakLintCommand

/// Valid Go that nests deeply lints like any other code, in debug builds
/// too: no phase recurses per `else if` branch, and nesting stays within
/// the stack set aside for it.
@Suite struct DeepCodeLint {
    @Test func aThousandBranchElseIfChainWithALeakInEachBranch() throws {
        var source = "package p\n\nimport \"net/http\"\n\nfunc f(n int) {\n\tif n == 0 {\n\t\treturn\n\t}"
        for index in 1...1_000 { source += " else if n == \(index) {\n\t\tresp, _ := http.Get(\"u\")\n\t\t_ = resp\n\t}" }
        source += "\n}\n"
        let (run, path, _) = try HostileTree.lint("chain.go", Array(source.utf8))
        #expect(run.status == 1)
        let findings = run.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(findings.count == 1_000)
        #expect(findings.first?.hasPrefix("\(path):9:14: resp.Body is never closed") == true)
        #expect(run.err.isEmpty)
    }

    @Test func fiveHundredNestedClosuresAroundALeak() throws {
        let depth = 500
        let source = "package p\n\nimport \"os\"\n\nfunc f() {\n" + String(repeating: "\tfunc() {\n", count: depth)
            + "\t\tfile, _ := os.Open(\"x\")\n\t\t_ = file\n" + String(repeating: "\t}()\n", count: depth) + "}\n"
        let (run, path, _) = try HostileTree.lint("closures.go", Array(source.utf8))
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("\(path):\(6 + depth):14: file is never closed"))
        #expect(run.out.contains("(unclosed-resource)"))
        #expect(run.err.isEmpty)
    }
}
