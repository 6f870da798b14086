import GoSyntax
import Testing
@testable import LeakAnalysis

/// The parent map must agree with the tree's own child relation.
@Suite struct ParentMapTests {
    @Test func everyChildPointsBackToItsParent() {
        let tree = GoParser.parse("package p\nfunc f(a int) int { if a > 0 { return a }; return -a }\n")
        let parents = ParentMap(tree: tree)
        var checked = 0
        tree.walk { id in
            tree.forEachChild(id) { child in
                #expect(parents[child] == id)
                checked += 1
            }
            return true
        }
        #expect(checked > 10)
        #expect(parents[tree.root] == .none)
    }
}
