import Foundation
import GoSyntax
import Testing
@testable import LeakAnalysis

/// One Go function parsed and lowered to its graph, with lookups by source
/// text so that expectations read like the Go code they are about.
///
/// Sources are written after `package p` on line 1, so the first line of a
/// snippet is line 2.
struct FlowFixture {
    let tree: SyntaxTree
    let body: NodeID
    let graph: ControlFlowGraph
    let lines: LineTable

    /// Calls that never return in these tests, by the text of the called function.
    static let exiting: Set<String> = ["panic", "os.Exit", "log.Fatal", "log.Fatalf", "t.Fatal"]

    init(_ source: String, honourNeverReturns: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let tree = GoParser.parse("package p\n" + source)
        #expect(tree.errors.isEmpty, "unexpected errors: \(tree.errors)", sourceLocation: sourceLocation)
        let body = AnalysisFixture.firstFunctionBody(tree)
        self.tree = tree
        self.body = body
        self.lines = tree.makeLineTable()
        self.graph = ControlFlowGraph.build(tree: tree, body: body) { call in
            honourNeverReturns && FlowFixture.exiting.contains(tree.call(call).map { tree.text($0.function) } ?? "")
        }
    }

    /// Every item of the graph, in block order.
    var allItems: [NodeID] { graph.blocks.flatMap(\.items) }

    /// The one item whose source text is `text`; records an issue unless there is exactly one.
    func item(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> NodeID {
        let matches = allItems.filter { tree.text($0) == text }
        #expect(matches.count == 1, "items spelled \(text): \(matches.count)", sourceLocation: sourceLocation)
        return matches.first ?? .none
    }

    /// All items spelled `text`, in source order.
    func items(_ text: String) -> [NodeID] {
        allItems.filter { tree.text($0) == text }.sorted { tree[$0].start < tree[$1].start }
    }

    /// The first node of `kind` in source order.
    func node(_ kind: NodeKind, _ occurrence: Int = 0) -> NodeID {
        var found: [NodeID] = []
        tree.walk { id in
            if tree.kind(id) == kind { found.append(id) }
            return true
        }
        return occurrence < found.count ? found[occurrence] : .none
    }

    func line(_ id: NodeID) -> Int { lines.line(ofOffset: Int(tree[id].start)) }

    /// The witness after the item spelled `text`, described as `"<text>@<line>"`,
    /// `"end"` when falling off the end of the body, or `"none"`.
    func witness(
        after text: String, stoppedBy stops: Set<String> = [],
        prune: @escaping (ControlFlowGraph.Edge) -> Bool = { _ in false }, sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let start = item(text, sourceLocation: sourceLocation)
        let found = search(after: start, stops: { stops.contains(tree.text($0)) }, prune: prune, sourceLocation: sourceLocation)
        guard let found else { return "none" }
        if found == body { return "end" }
        #expect(tree.kind(found) == .returnStmt, sourceLocation: sourceLocation)
        return "\(tree.text(found))@\(line(found))"
    }

    /// `ExitSearch`'s answer after `start`, checked against the plain
    /// search: walking directly and with the index from the first block,
    /// with `prune` as edges never taken, and as a query's prune watching
    /// every item (when it cuts only edges of blocks with items, the only
    /// ones a query can watch).
    func search(
        after start: NodeID, stops: (NodeID) -> Bool, prune: @escaping (ControlFlowGraph.Edge) -> Bool = { _ in false },
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> NodeID? {
        let expected = graph.referenceFirstUnstoppedExit(after: start, stops: stops, prune: prune)
        let stopItems = Set(allItems.filter(stops))
        let watchable = graph.blocks.allSatisfy { !$0.items.isEmpty || !$0.successors.contains(where: prune) }
        for limit in [256, 0] {
            let removed = ExitSearch(graph: graph, directLimit: limit, removing: prune).firstUnstoppedExit(after: start, stops: stopItems)
            #expect(removed == expected, "edges removed, limit \(limit): \(String(describing: removed))", sourceLocation: sourceLocation)
            if watchable {
                let watched = ExitSearch(graph: graph, directLimit: limit).firstUnstoppedExit(
                    after: start, stops: stopItems, watching: { allItems }, prune: prune)
                #expect(watched == expected, "watched, limit \(limit): \(String(describing: watched))", sourceLocation: sourceLocation)
            }
        }
        return expected
    }

    /// Successor targets of the block holding the item spelled `text`.
    func successors(of text: String) -> [ControlFlowGraph.Edge] {
        guard let location = graph.location(of: item(text)) else { return [] }
        return graph.blocks[location.block].successors
    }
}

/// The graph's shape: which nodes are items, in what order, and how blocks connect.
@Suite struct ControlFlowGraphShapeTests {
    @Test func straightLineItemsShareTheEntryBlockInOrder() throws {
        let f = FlowFixture("""
            func f() {
            	a := 1
            	a++
            	var b int
            	ch <- a
            	go g()
            	defer h()
            	;
            	use(a, b)
            }
            """)
        let texts = f.graph.blocks[f.graph.entry].items.map { f.tree.text($0) }
        #expect(texts == ["a := 1", "a++", "var b int", "ch <- a", "go g()", "defer h()", "use(a, b)"])
        let location = try #require(f.graph.location(of: f.item("a++")))
        #expect(location.block == f.graph.entry && location.index == 1)
        #expect(f.graph.blocks[f.graph.entry].successors == [.init(target: f.graph.exit)])
        #expect(f.graph.blocks[f.graph.exit].items.isEmpty && f.graph.blocks[f.graph.exit].successors.isEmpty)
        #expect(f.graph.body == f.body)
    }

    @Test func compoundStatementsAreNeverItems() {
        let f = FlowFixture("""
            func f(x int, ch chan int, v any, xs []int) {
            	{
            		x++
            	}
            L:
            	for i := 0; i < x; i++ {
            		if y := x; y > 0 {
            			break L
            		} else if y < 0 {
            			continue
            		}
            	}
            	for range xs {
            	}
            	switch x {
            	case 1:
            	}
            	switch t := v.(type) {
            	case int:
            		_ = t
            	}
            	select {
            	case <-ch:
            	default:
            	}
            	go func() { x++ }()
            }
            """)
        let compound: Set<NodeKind> = [
            .blockStmt, .labeledStmt, .forStmt, .rangeStmt, .ifStmt, .switchStmt, .typeSwitchStmt, .caseClause,
            .selectStmt, .commClause, .emptyStmt,
        ]
        var checked = 0
        f.tree.walk { id in
            if compound.contains(f.tree.kind(id)) {
                #expect(f.graph.location(of: id) == nil, "\(f.tree.kind(id)) is an item")
                checked += 1
            }
            return true
        }
        #expect(checked >= 14)
        // The function literal is part of the `go` item, not expanded: its `x++` is no item.
        #expect(f.allItems.filter { f.tree.text($0) == "x++" }.count == 1)
        // Each item appears exactly once.
        #expect(Set(f.allItems).count == f.allItems.count)
        // The evaluated parts of compound statements are items.
        for text in ["i := 0", "i < x", "i++", "y := x", "y > 0", "y < 0", "break L", "continue", "xs", "x", "1",
            "t := v.(type)", "_ = t", "<-ch", "go func() { x++ }()"]
        {
            #expect(f.allItems.contains { f.tree.text($0) == text }, "missing item \(text)")
        }
    }

    @Test func ifConditionEndsItsBlockWithTwoConditionalEdges() throws {
        let f = FlowFixture("""
            func f() {
            	if v, err := open(); err != nil {
            		fail(err)
            	} else {
            		use(v)
            	}
            	done()
            }
            """)
        let initializer = f.item("v, err := open()")
        let condition = f.item("err != nil")
        let initLocation = try #require(f.graph.location(of: initializer))
        let conditionLocation = try #require(f.graph.location(of: condition))
        #expect(initLocation.block == conditionLocation.block)
        #expect(initLocation.index + 1 == conditionLocation.index)
        let thenBlock = try #require(f.graph.location(of: f.item("fail(err)"))).block
        let elseBlock = try #require(f.graph.location(of: f.item("use(v)"))).block
        #expect(f.successors(of: "err != nil") == [
            .init(target: thenBlock, condition: condition, whenTrue: true),
            .init(target: elseBlock, condition: condition, whenTrue: false),
        ])
        let after = try #require(f.graph.location(of: f.item("done()"))).block
        #expect(f.successors(of: "fail(err)") == [.init(target: after)])
        #expect(f.successors(of: "use(v)") == [.init(target: after)])
    }

    @Test func forLoopHeadTestsTheConditionAndPostLeadsBack() throws {
        let f = FlowFixture("""
            func f(n int) {
            	for i := 0; i < n; i++ {
            		work(i)
            	}
            	done()
            }
            """)
        let condition = f.item("i < n")
        let head = try #require(f.graph.location(of: condition))
        #expect(head.index == 0)
        #expect(f.successors(of: "i := 0") == [.init(target: head.block)])
        let body = try #require(f.graph.location(of: f.item("work(i)"))).block
        let after = try #require(f.graph.location(of: f.item("done()"))).block
        #expect(f.graph.blocks[head.block].successors == [
            .init(target: body, condition: condition, whenTrue: true),
            .init(target: after, condition: condition, whenTrue: false),
        ])
        let post = try #require(f.graph.location(of: f.item("i++"))).block
        #expect(f.graph.blocks[body].successors == [.init(target: post)])
        #expect(f.graph.blocks[post].successors == [.init(target: head.block)])
    }

    @Test func rangeExpressionIsAnItemAndTheLoopMayRunZeroTimes() throws {
        let f = FlowFixture("""
            func f(xs []int) {
            	for _, x := range xs {
            		use(x)
            	}
            	done()
            }
            """)
        let ranged = f.item("xs")
        #expect(f.graph.location(of: f.node(.rangeStmt)) == nil)
        #expect(f.tree.range(f.node(.rangeStmt))?.expression == ranged)
        let headEdges = f.successors(of: "xs")
        #expect(headEdges.count == 1)
        let head = try #require(headEdges.first).target
        let body = try #require(f.graph.location(of: f.item("use(x)"))).block
        let after = try #require(f.graph.location(of: f.item("done()"))).block
        let loop = f.node(.rangeStmt)
        #expect(f.graph.blocks[head].successors == [
            .init(target: body, condition: loop, whenTrue: true), .init(target: after, condition: loop, whenTrue: false),
        ])
        #expect(f.graph.blocks[body].successors == [.init(target: head)])
    }

    @Test func taglessSwitchCasesAreConditionsTaggedOnesAreNot() throws {
        let tagless = FlowFixture("""
            func f(err error) {
            	switch {
            	case err == nil:
            		ok()
            	}
            }
            """)
        let condition = tagless.item("err == nil")
        let okBlock = try #require(tagless.graph.location(of: tagless.item("ok()"))).block
        let edges = tagless.successors(of: "err == nil")
        #expect(edges.count == 2)
        #expect(edges.first == .init(target: okBlock, condition: condition, whenTrue: true))
        #expect(edges.last?.condition == condition && edges.last?.whenTrue == false)

        let tagged = FlowFixture("""
            func f(x int) {
            	switch x {
            	case 1, 2:
            		ok()
            	}
            }
            """)
        let one = try #require(tagged.graph.location(of: tagged.item("1")))
        let two = try #require(tagged.graph.location(of: tagged.item("2")))
        #expect(one.block != two.block)
        #expect(tagged.successors(of: "1").allSatisfy { $0.condition == .none })
        let okBlock2 = try #require(tagged.graph.location(of: tagged.item("ok()"))).block
        #expect(tagged.successors(of: "1").first?.target == okBlock2)
        #expect(tagged.successors(of: "2").first?.target == okBlock2)
    }

    @Test func selectCommunicationStartsItsClauseBlock() throws {
        let f = FlowFixture("""
            func f(ch chan int, out chan int) {
            	select {
            	case v := <-ch:
            		use(v)
            	case out <- 1:
            	}
            }
            """)
        let receive = try #require(f.graph.location(of: f.item("v := <-ch")))
        #expect(receive.index == 0)
        #expect(f.graph.blocks[receive.block].items.map { f.tree.text($0) } == ["v := <-ch", "use(v)"])
        let send = try #require(f.graph.location(of: f.item("out <- 1")))
        #expect(send.index == 0)
        #expect(f.graph.blocks[f.graph.entry].successors == [.init(target: receive.block), .init(target: send.block)])
    }

    @Test func neverReturningCallsEndTheirBlockWithoutSuccessors() {
        var asked: [String] = []
        let tree = GoParser.parse("package p\nfunc f() {\n\tprepare()\n\t(panic(\"x\"))\n\tafter()\n}\n")
        let body = AnalysisFixture.firstFunctionBody(tree)
        let graph = ControlFlowGraph.build(tree: tree, body: body) { call in
            asked.append(tree.text(call))
            return tree.call(call).map { tree.text($0.function) } == "panic"
        }
        #expect(asked == ["prepare()", "panic(\"x\")", "after()"])
        #expect(graph.blocks[graph.entry].items.map { tree.text($0) } == ["prepare()", "(panic(\"x\"))"])
        #expect(graph.blocks[graph.entry].successors.isEmpty)
    }

    @Test func itemContainingANodeStopsAtFunctionLiteralBodies() throws {
        let f = FlowFixture("""
            func f(ctx context.Context) {
            	if ctx.Err() != nil {
            		go func() { cancel() }()
            	}
            }
            """)
        let parents = ParentMap(tree: f.tree)
        var errCall = NodeID.none
        var innerCancel = NodeID.none
        var literal = NodeID.none
        f.tree.walk { id in
            if f.tree.kind(id) == .call && f.tree.text(id) == "ctx.Err()" { errCall = id }
            if f.tree.kind(id) == .call && f.tree.text(id) == "cancel()" { innerCancel = id }
            if f.tree.kind(id) == .funcLit { literal = id }
            return true
        }
        #expect(f.graph.item(containing: errCall, tree: f.tree, parents: parents) == f.item("ctx.Err() != nil"))
        #expect(f.graph.item(containing: literal, tree: f.tree, parents: parents) == f.item("go func() { cancel() }()"))
        #expect(f.graph.item(containing: innerCancel, tree: f.tree, parents: parents) == nil)
        #expect(f.graph.item(containing: f.node(.ifStmt), tree: f.tree, parents: parents) == nil)
    }

    @Test func missingOrForeignBodyGivesAnEmptyGraph() {
        let tree = GoParser.parse("package p\nfunc f()\n")
        let graph = ControlFlowGraph.build(tree: tree, body: AnalysisFixture.firstFunctionBody(tree)) { _ in false }
        #expect(graph.blocks[graph.entry].successors == [.init(target: graph.exit)])
        #expect(ExitSearch(graph: graph).firstUnstoppedExit(after: tree.root, stops: []) == nil)
    }
}

/// Size and depth limits: construction must neither recurse per statement nor
/// per nesting level, and stay linear.
@Suite struct ControlFlowGraphScaleTests {
    /// Runs `body` on a thread with a large stack, as the command's workers do,
    /// so that parsing deep nesting in a debug build has room.
    static func onLargeStack(_ body: @escaping @Sendable () -> Void) {
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            finished.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        finished.wait()
    }

    @Test func fiveHundredNestedLoopsBuild() {
        Self.onLargeStack { Self.checkNestedLoops(depth: 500) }
    }

    @Test func fiveHundredNestedBlocksAndElseIfsBuild() {
        Self.onLargeStack { Self.checkNestedBlocksAndElseIfs(depth: 500) }
    }

    /// Loops nested `depth` deep around an early return: the return is the witness.
    static func checkNestedLoops(depth: Int) {
        var source = "package p\nfunc f(n int) error {\n\tctx, cancel := context.WithCancel(bg)\n"
        source += String(repeating: "for i := 0; i < n; i++ {\n", count: depth)
        source += "if n > 0 { return nil }\n"
        source += String(repeating: "}\n", count: depth)
        source += "cancel()\nreturn ctx.Err()\n}\n"
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        let body = AnalysisFixture.firstFunctionBody(tree)
        let graph = ControlFlowGraph.build(tree: tree, body: body) { _ in false }
        let start = graph.blocks[graph.entry].items.first ?? .none
        let stops = Set(graph.blocks.flatMap(\.items).filter { tree.text($0) == "cancel()" })
        let witness = ExitSearch(graph: graph, directLimit: 0).firstUnstoppedExit(after: start, stops: stops)
        #expect(witness.map { tree.text($0) } == "return nil")
    }

    /// Blocks nested `depth` deep, then an `else if` chain `depth` long.
    static func checkNestedBlocksAndElseIfs(depth: Int) {
        var source = "package p\nfunc f(n int) {\n\topen()\n"
        source += String(repeating: "{\n", count: depth) + "close()\n" + String(repeating: "}\n", count: depth)
        source += "if n == 0 {\n}"
        for index in 1...depth { source += " else if n == \(index) {\n}" }
        source += "\n}\n"
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        let body = AnalysisFixture.firstFunctionBody(tree)
        let graph = ControlFlowGraph.build(tree: tree, body: body) { _ in false }
        let start = graph.blocks[graph.entry].items.first ?? .none
        let search = ExitSearch(graph: graph, directLimit: 0)
        #expect(search.firstUnstoppedExit(after: start, stops: Set(graph.blocks.flatMap(\.items).filter { tree.text($0) == "close()" })) == nil)
        #expect(search.firstUnstoppedExit(after: start, stops: []) == body)
        let conditions = graph.blocks.flatMap(\.items).filter { tree.kind($0) == .binary }
        #expect(conditions.count == depth + 1)
    }

    @Test func longStatementListsBuild() throws {
        let count = 20_000
        var source = "package p\nfunc f(x bool) {\n"
        for index in 0..<count { source += index % 2 == 0 ? "a\(index)()\n" : "if x { b\(index)() }\n" }
        source += "}\n"
        let tree = GoParser.parse(source)
        #expect(tree.errors.isEmpty)
        let body = AnalysisFixture.firstFunctionBody(tree)
        let graph = ControlFlowGraph.build(tree: tree, body: body) { _ in false }
        #expect(graph.blocks.flatMap(\.items).count == count + count / 2)
        let first = try #require(graph.blocks[graph.entry].items.first)
        #expect(ExitSearch(graph: graph).firstUnstoppedExit(after: first, stops: []) == body)
    }
}
