import GoSyntax
import Testing
@testable import LeakAnalysis

/// `ExitSearch` gives the plain search's answers on any graph, and its work
/// for one value per statement of a long function grows linearly.
@Suite struct ExitSearchTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// A random function body: calls, returns, ifs, loops with break and
    /// continue (labelled too), switches with fallthrough, selects, gotos
    /// and calls that never return.
    static func randomFunction(_ generator: inout Generator) -> String {
        var counter = 0
        var labels: [String] = []
        func statements(_ depth: Int, inLoop: Bool, inSwitch: Bool) -> String {
            var text = ""
            for _ in 0..<(1 + generator.below(4)) {
                counter += 1
                let n = counter
                switch generator.below(depth > 3 ? 3 : 11) {
                case 0, 1: text += "c\(n)()\n"
                case 2: text += generator.below(3) == 0 ? "return\n" : "x\(n) = 1\n"
                case 3: text += "if v\(n) != nil {\n\(statements(depth + 1, inLoop: inLoop, inSwitch: inSwitch))}\n"
                case 4:
                    text += "if v\(n) {\n\(statements(depth + 1, inLoop: inLoop, inSwitch: inSwitch))} else {\n"
                    text += "\(statements(depth + 1, inLoop: inLoop, inSwitch: inSwitch))}\n"
                case 5:
                    let label = "L\(n)"
                    labels.append(label)
                    text += "\(label):\nfor i\(n) := 0; i\(n) < n; i\(n)++ {\n\(statements(depth + 1, inLoop: true, inSwitch: false))}\n"
                    labels.removeLast()
                case 6: text += "for range xs\(n) {\n\(statements(depth + 1, inLoop: true, inSwitch: false))}\n"
                case 7:
                    text += "switch {\ncase a\(n):\n\(statements(depth + 1, inLoop: inLoop, inSwitch: true))fallthrough\n"
                    text += "case b\(n):\n\(statements(depth + 1, inLoop: inLoop, inSwitch: true))default:\n"
                    text += "\(statements(depth + 1, inLoop: inLoop, inSwitch: true))}\n"
                case 8:
                    text += "select {\ncase <-ch\(n):\n\(statements(depth + 1, inLoop: inLoop, inSwitch: true))"
                    text += "case ch\(n) <- 1:\n\(statements(depth + 1, inLoop: inLoop, inSwitch: true))}\n"
                case 9:
                    if inLoop, let label = labels.last, generator.below(2) == 0 {
                        text += generator.below(2) == 0 ? "continue \(label)\n" : "break \(label)\n"
                    } else if inLoop {
                        text += generator.below(2) == 0 ? "continue\n" : "break\n"
                    } else if generator.below(4) == 0 {
                        text += "panic(\(n))\n"
                    } else {
                        text += "goto End\n"
                    }
                default: text += "for {\n\(statements(depth + 1, inLoop: true, inSwitch: false))}\n"
                }
            }
            return text
        }
        let body = statements(0, inLoop: false, inSwitch: false)
        return "func f(n int) {\n\(body)End:\nreturn\n}\n"
    }

    @Test func agreesWithThePlainSearchOnRandomFunctions() {
        var generator = Generator(state: 11)
        var queries = 0
        for _ in 0..<300 {
            let source = Self.randomFunction(&generator)
            let f = FlowFixture(source)
            let items = f.allItems
            guard !items.isEmpty else { continue }
            let conditions = Set(f.graph.blocks.flatMap { $0.successors.map(\.condition) }.filter(\.exists))
            for _ in 0..<6 {
                let start = items[generator.below(items.count)]
                let stops = Set(items.filter { _ in generator.below(6) == 0 })
                let cut = Set(conditions.filter { _ in generator.below(3) == 0 })
                let whenTrue = generator.below(2) == 0
                let prune: (ControlFlowGraph.Edge) -> Bool = { cut.contains($0.condition) && $0.whenTrue == whenTrue }
                let expected = f.graph.referenceFirstUnstoppedExit(after: start, stops: { stops.contains($0) }, prune: prune)
                // Range conditions are not items: a query can only cut edges of blocks with items.
                let watchable = f.graph.blocks.allSatisfy { !$0.items.isEmpty || !$0.successors.contains(where: prune) }
                for limit in [0, 3, 256] {
                    let removed = ExitSearch(graph: f.graph, directLimit: limit, removing: prune).firstUnstoppedExit(after: start, stops: stops)
                    #expect(removed == expected, "limit \(limit)\n\(source)")
                    if watchable {
                        let watched = ExitSearch(graph: f.graph, directLimit: limit).firstUnstoppedExit(
                            after: start, stops: stops, watching: { Array(cut) }, prune: prune)
                        #expect(watched == expected, "limit \(limit)\n\(source)")
                    }
                }
                queries += 1
            }
        }
        #expect(queries > 1_000)
    }

    @Test func oneSearchServesManyQueriesAsTheirOwnSearchWould() {
        var generator = Generator(state: 5)
        for _ in 0..<50 {
            let f = FlowFixture(Self.randomFunction(&generator))
            let search = ExitSearch(graph: f.graph, directLimit: 2)
            for start in f.allItems {
                let stops = Set(f.allItems.filter { _ in generator.below(5) == 0 })
                #expect(search.firstUnstoppedExit(after: start, stops: stops)
                    == f.graph.referenceFirstUnstoppedExit(after: start, stops: { stops.contains($0) }))
            }
        }
    }

    /// `count` tickers, each followed by an early return and a read, as the
    /// ticker rule asks about them: no stop, the reads watched.
    static func tickerWork(count: Int) -> (work: Int, witnesses: Int) {
        var source = "package p\nfunc f(c bool) {\n"
        for index in 0..<count { source += "t\(index) := time.NewTicker(d)\nif c {\nreturn\n}\n_ = t\(index)\n" }
        source += "}\n"
        let tree = GoParser.parse(source)
        let body = AnalysisFixture.firstFunctionBody(tree)
        let graph = ControlFlowGraph.build(tree: tree, body: body) { _ in false }
        let search = ExitSearch(graph: graph)
        let items = graph.blocks.flatMap(\.items)
        let starts = items.filter { tree.assign($0)?.isDefine == true }
        let reads = items.filter { tree.assign($0)?.isDefine == false }
        var witnesses = 0
        for (start, read) in zip(starts, reads) where search.firstUnstoppedExit(after: start, stops: [], watching: { [read] }) != nil {
            witnesses += 1
        }
        return (search.work, witnesses)
    }

    @Test func workForOneValuePerStatementGrowsLinearly() {
        let small = Self.tickerWork(count: 2_000)
        let large = Self.tickerWork(count: 8_000)
        #expect(small.witnesses == 2_000)
        #expect(large.witnesses == 8_000)
        // Linear is 4, quadratic 16.
        #expect(Double(large.work) / Double(small.work) < 6, "work \(small.work) -> \(large.work)")
    }
}
