import GoSyntax
import Testing
@testable import LeakAnalysis

/// Name lookup costs the same however many locals are in scope.
@Suite struct ResolverScaleTests {
    /// One function declaring `count` locals, then reading each (and one
    /// shadowed in an inner block): the slots the scope table probed, and
    /// whether every read found its own declaration.
    static func resolve(count: Int) -> (probes: Int, allResolved: Bool) {
        var source = "package p\nfunc f() int {\n"
        for index in 0..<count { source += "v\(index) := \(index)\n" }
        source += "s := 0\n{\nv0 := 1\ns += v0\n}\n"
        for index in 0..<count { source += "s += v\(index)\n" }
        source += "return s\n}\n"
        let tree = GoParser.parse(source)
        var resolver = Resolver(tree: tree)
        resolver.resolveFile()
        var declarations: [String: [Int32]] = [:]
        var reads: [String: [Int32]] = [:]
        for index in tree.nodes.indices where tree.nodes[index].kind == .ident {
            let name = tree.text(NodeID(Int32(index)))
            guard name.hasPrefix("v") else { continue }
            let declaration = resolver.declarationOf[index]
            if declaration == Int32(index) {
                declarations[name, default: []].append(declaration)
            } else {
                reads[name, default: []].append(declaration)
            }
        }
        // v0 is read once in the inner block (its own v0), then after it (the outer one).
        var readsResolved = declarations.count == count && reads.count == count
        for (name, found) in reads {
            let declared = declarations[name] ?? []
            let expected = name == "v0" ? [declared.last ?? -1, declared.first ?? -1] : declared
            if found != expected { readsResolved = false }
        }
        return (resolver.scopes.probes, readsResolved)
    }

    @Test func lookupsGrowLinearlyWithTheLocalsInScope() {
        let small = Self.resolve(count: 2_000)
        let large = Self.resolve(count: 8_000)
        #expect(small.allResolved)
        #expect(large.allResolved)
        // Linear is 4, quadratic 16.
        #expect(Double(large.probes) / Double(small.probes) < 6, "probes \(small.probes) -> \(large.probes)")
    }
}
