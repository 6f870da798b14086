import Testing
@testable import GoSyntax

/// Valid Go that nests deeply (long `else if` chains, closures in closures)
/// parses like any other code, and printing a deep tree stays linear.
@Suite struct DeepStructure {
    /// `if` followed by `branches` `else if`s and a final `else`.
    static func elseIfChain(_ branches: Int) -> String {
        var source = "package p\n\nfunc f(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}"
        for index in 1...branches { source += " else if n == \(index) {\n\t\treturn \(index)\n\t}" }
        return source + " else {\n\t\treturn -1\n\t}\n}\n"
    }

    @Test func anElseIfChainIsOneLevelOfNesting() {
        // Longer than nesting may be deep, and inside nesting as deep as allowed.
        let branches = GoParser.maxElseIfChain - 1
        #expect(branches + 1 > GoParser.maxNestingDepth / 2)
        let depth = GoParser.maxNestingDepth / 2 - 10
        let chain = Self.elseIfChain(branches).replacingOccurrences(of: "int {\n", with: "int {\n" + String(repeating: "{\n", count: depth))
        let source = chain.dropLast(2) + String(repeating: "}\n", count: depth) + "}\n"
        let tree = onLargeStack { GoParser.parse(String(source)) }
        #expect(positionedErrors(tree) == [])
        var ifs: [NodeID] = []
        tree.walk { id in
            if tree.kind(id) == .ifStmt { ifs.append(id) }
            return true
        }
        #expect(ifs.count == branches + 1)
        // Each `else if` is the else branch of the one before, added to the arena before it.
        for (outer, inner) in zip(ifs, ifs.dropFirst()) {
            #expect(tree[outer].childD == inner)
            #expect(inner.index < outer.index)
        }
        #expect(ifs.last.map { tree.kind(tree[$0].childD) } == .blockStmt)
    }

    @Test func aChainLongerThanItsLimitEndsWithAMessage() {
        let limit = GoParser.maxElseIfChain
        let tree = onLargeStack { GoParser.parse(Self.elseIfChain(limit + 5)) }
        // The chain's first `if` is on line 4, else-if number `i` on line 4 + 2i.
        #expect(positionedErrors(tree) == ["\(4 + 2 * limit):9: else if chain too long (more than \(limit) branches)"])
    }

    @Test func aShortChainKeepsItsShapeAndRanges() {
        let source = "package p\nfunc f() {\n\tif a := 1; a > 0 {\n\t} else if b {\n\t} else if c {\n\t}\n\tx()\n}\n"
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        let body = tree[tree.id(tree[tree.root].listBC, 0)].childD
        let statement = tree.id(tree[body].listAB, 0)
        #expect(tree.sexpr(statement) == "(If (Assign := [a] [1]) (Binary > a 0) (Block []) (If - b (Block []) (If - c (Block []) -)))")
        #expect(tree.text(statement) == "if a := 1; a > 0 {\n\t} else if b {\n\t} else if c {\n\t}")
        #expect(tree.text(tree[statement].childD) == "if b {\n\t} else if c {\n\t}")
    }

    @Test func elseWithoutIfOrBlockIsStillAnError() {
        let tree = GoParser.parse("package p\nfunc f() {\n\tif a {\n\t} else if b {\n\t} else x()\n}\n")
        #expect(positionedErrors(tree) == ["5:9: expected if statement or block, found x"])
    }

    /// Closures nested `depth` deep, each called at once.
    static func nestedClosures(_ depth: Int) -> String {
        "package p\n\nfunc f() {\n" + String(repeating: "func() {\n", count: depth) + "g()\n"
            + String(repeating: "}()\n", count: depth) + "}\n"
    }

    @Test(arguments: [500, 3_000])
    func nestedClosuresParse(depth: Int) {
        let tree = onLargeStack { GoParser.parse(Self.nestedClosures(depth)) }
        #expect(tree.errors.isEmpty)
        var closures = 0
        tree.walk { id in
            if tree.kind(id) == .funcLit { closures += 1 }
            return true
        }
        #expect(closures == depth)
    }

    @Test func dumpGrowsLinearlyWithDepth() {
        // Indentation alone used to make the dump quadratic in the depth.
        func dumpSize(_ depth: Int) -> Int {
            let source = "package p\nvar x = " + String(repeating: "(", count: depth) + "y" + String(repeating: ")", count: depth) + "\n"
            let tree = onLargeStack { GoParser.parse(source) }
            #expect(tree.errors.isEmpty)
            return tree.dump().utf8.count
        }
        let ratio = Double(dumpSize(8_000)) / Double(dumpSize(2_000))
        #expect(ratio < 6)
    }

    @Test func deepLinesShowTheirDepthPastTheIndentLimit() {
        let limit = SyntaxTree.dumpIndentLimit
        let depth = limit + 10
        let source = "package p\nvar x = " + String(repeating: "(", count: depth) + "y" + String(repeating: ")", count: depth) + "\n"
        let lines = GoParser.parse(source).dump().split(separator: "\n").map(String.init)
        // The parenthesis `k` levels in spans 18 + k ..< 19 + 2 * depth - k and
        // is printed at depth 3 + k, on line 5 + k.
        func paren(_ k: Int) -> String { "x: Paren \(18 + k)..\(19 + 2 * depth - k)" }
        let indent = String(repeating: "  ", count: limit)
        #expect(lines[limit + 2] == indent + paren(limit - 3))
        #expect(lines[limit + 3] == indent + "[\(limit + 1)] " + paren(limit - 2))
        #expect(lines.last == indent + "[\(depth + 3)] x: Ident \"y\" \(18 + depth)..\(19 + depth)")
        #expect(lines.count == depth + 6)
    }
}
