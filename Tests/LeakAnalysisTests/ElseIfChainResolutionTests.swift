import Foundation
import GoSyntax
import Testing
@testable import LeakAnalysis

/// An `else if` chain is followed in a loop: each `if` still opens a scope
/// that the rest of the chain sees, and no chain length recurses.
@Suite struct ElseIfChainResolution {
    @Test func eachBranchSeesTheInitialisersOfTheIfsBeforeIt() throws {
        let package = AnalysisFixture.package("""
            package p

            func f() {
            	if a := 1; a > 0 {
            	} else if b := a; b > 0 {
            		_ = b
            	} else {
            		_ = a + b
            	}
            	_ = a
            }
            """)
        let file = package.files[0]
        let a = try #require(AnalysisFixture.node(file, .ident, "a", occurrence: 0))
        let b = try #require(AnalysisFixture.node(file, .ident, "b", occurrence: 0))
        for occurrence in 1...3 {
            let use = try #require(AnalysisFixture.node(file, .ident, "a", occurrence: occurrence))
            #expect(file.resolution.declaringName(of: use) == a)
        }
        for occurrence in 1...3 {
            let use = try #require(AnalysisFixture.node(file, .ident, "b", occurrence: occurrence))
            #expect(file.resolution.declaringName(of: use) == b)
        }
        // After the statement, `a` is out of scope.
        let after = try #require(AnalysisFixture.node(file, .ident, "a", occurrence: 4))
        #expect(file.resolution.declaringName(of: after) == nil)
    }

    @Test func aChainAsLongAsAllowedResolvesOnASmallStack() throws {
        var source = "package p\n\nfunc f(n int) {\n\tif n == 0 {\n\t}"
        for index in 1..<GoParser.maxElseIfChain { source += " else if v := \(index); v > 0 {\n\t}" }
        source += "\n}\n"
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        // One megabyte: recursing once per branch would need many times that.
        let box = ResolutionBox()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = Resolver.resolve(tree)
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        finished.wait()
        var names: [NodeID] = []
        tree.walk { id in
            if tree.kind(id) == .ident && tree.text(id) == "v" { names.append(id) }
            return true
        }
        // Each branch declares `v` and reads it in its condition (a name no
        // branch declares would be looked up through every scope of the chain).
        #expect(names.count == 2 * (GoParser.maxElseIfChain - 1))
        let resolution = try #require(box.value)
        for branch in stride(from: 0, to: names.count, by: 2) {
            #expect(resolution.declaringName(of: names[branch + 1]) == names[branch])
        }
    }
}

/// Written by the resolving thread before it finishes, read after.
private final class ResolutionBox: @unchecked Sendable {
    var value: Resolution?
}
