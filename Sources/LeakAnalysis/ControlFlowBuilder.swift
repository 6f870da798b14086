import GoSyntax

/// Lowers one function body to a `ControlFlowGraph`.
///
/// Exists so that the graph type stays a plain value: all the bookkeeping of
/// construction (the block being filled, the statements still to lower, the
/// scopes `break` and `continue` may leave, the blocks of labels) lives here
/// and is thrown away afterwards. Work is kept on an explicit task stack, not
/// the call stack, so neither deep nesting nor long statement lists can
/// overflow it; each statement is lowered once, so construction is linear.
struct ControlFlowBuilder {
    typealias Edge = ControlFlowGraph.Edge
    typealias Block = ControlFlowGraph.Block

    /// A piece of work left to do. Tasks run last-in first-out, so a
    /// statement's follow-up work is pushed before the work it follows.
    enum Task {
        /// The statements of a list, from index `next` on.
        case statements(NodeList, next: Int)
        /// One statement; `label` is the label written on it (or `.none`),
        /// which `break` and `continue` may name.
        case statement(NodeID, label: NodeID)
        /// An edge from the current block to `block`; the current block stays.
        case link(Int)
        /// Go on filling `block`, whose predecessors are already wired.
        case enter(Int)
        /// An edge from the current block to `block`, then go on filling it.
        case join(Int)
        /// The innermost `break`/`continue` scope has ended.
        case leaveScope
    }

    /// A statement that `break` leaves, and when it is a loop, where
    /// `continue` goes.
    struct JumpScope {
        var label: NodeID
        var breakTarget: Int
        /// nil for a switch or select, which `continue` passes through.
        var continueTarget: Int?
    }

    let tree: SyntaxTree
    let body: NodeID
    let neverReturns: (NodeID) -> Bool

    let entry = 0
    let exit = 1
    var blocks: [Block] = [Block(), Block()]
    var exitWitnesses: [NodeID] = [.none, .none]
    /// The block that statements being lowered append their items to.
    var current = 0
    var tasks: [Task] = []
    var scopes: [JumpScope] = []
    /// Indices in `scopes` of the loops, innermost last: where an unlabelled `continue` goes.
    var loopScopes: [Int] = []
    /// Index in `scopes` of each labelled statement being lowered (labels are
    /// unique within a function), so a labelled jump finds its scope at once.
    var labeledScopes: [ArraySlice<UInt8>: Int] = [:]
    /// The block each label starts, created at its statement or at the first
    /// `goto` that names it, whichever comes first.
    var labelBlocks: [ArraySlice<UInt8>: Int] = [:]
    /// Where each `fallthrough` statement goes: the next clause's body.
    var fallthroughTargets: [NodeID: Int] = [:]

    /// Lowers the whole body and returns the finished graph.
    mutating func build() -> ControlFlowGraph {
        current = entry
        if body.exists && Int(body.index) < tree.nodes.count && tree.kind(body) == .blockStmt {
            tasks.append(.statements(tree[body].listAB, next: 0))
        }
        while let task = tasks.popLast() {
            perform(task)
        }
        // Falling off the end of the body leaves the function.
        connect(current, exit)
        exitWitnesses[current] = body
        return ControlFlowGraph(blocks: blocks, entry: entry, exit: exit, body: body, exitWitnesses: exitWitnesses)
    }

    mutating func perform(_ task: Task) {
        switch task {
        case .statements(let list, let next):
            guard next < Int(list.count) else { return }
            tasks.append(.statements(list, next: next + 1))
            tasks.append(.statement(tree.id(list, next), label: .none))
        case .statement(let id, let label):
            lower(id, label: label)
        case .link(let block):
            connect(current, block)
        case .enter(let block):
            current = block
        case .join(let block):
            connect(current, block)
            current = block
        case .leaveScope:
            leaveScope()
        }
    }

    /// Appends the items of a simple statement to the current block, or
    /// wires a compound statement and schedules its parts.
    mutating func lower(_ id: NodeID, label: NodeID) {
        let node = tree[id]
        switch node.kind {
        case .assignStmt, .incDecStmt, .sendStmt, .goStmt, .deferStmt, .declStmt:
            emit(id)
        case .exprStmt:
            emit(id)
            if let call = calledExpression(node.childA), neverReturns(call) {
                // Nothing follows a call that never returns, not even the exit.
                startUnreachable()
            }
        case .returnStmt:
            emit(id)
            connect(current, exit)
            exitWitnesses[current] = id
            startUnreachable()
        case .branchStmt:
            emit(id)
            lowerBranch(id, node)
        case .blockStmt:
            tasks.append(.statements(node.listAB, next: 0))
        case .labeledStmt:
            if let target = labelBlock(node.childA) {
                connect(current, target)
                current = target
            }
            tasks.append(.statement(node.childB, label: node.childA))
        case .ifStmt:
            lowerIf(node)
        case .forStmt:
            lowerFor(node, label: label)
        case .rangeStmt:
            lowerRange(node, statement: id, label: label)
        case .switchStmt:
            lowerSwitch(node, label: label)
        case .typeSwitchStmt:
            lowerTypeSwitch(node, label: label)
        case .selectStmt:
            lowerSelect(node, label: label)
        default:
            // Empty and unparsable statements run nothing.
            break
        }
    }

    // MARK: Compound statements

    mutating func lowerIf(_ node: Node) {
        emit(node.childA)
        emit(node.childB)
        let condition = node.childB
        let thenBlock = newBlock()
        let after = newBlock()
        let elseBlock = node.childD.exists ? newBlock() : after
        addEdge(current, Edge(target: thenBlock, condition: condition, whenTrue: true))
        addEdge(current, Edge(target: elseBlock, condition: condition, whenTrue: false))
        current = thenBlock
        tasks.append(.join(after))
        if node.childD.exists {
            tasks.append(.statement(node.childD, label: .none))
            tasks.append(.enter(elseBlock))
            tasks.append(.link(after))
        }
        tasks.append(.statement(node.childC, label: .none))
    }

    /// head (condition) → body → post → head; the condition failing leaves.
    /// Without a condition only `break`, `return` or `goto` leave.
    mutating func lowerFor(_ node: Node, label: NodeID) {
        emit(node.childA)
        let head = newBlock()
        let bodyBlock = newBlock()
        let post = newBlock()
        let after = newBlock()
        connect(current, head)
        let condition = node.childB
        if condition.exists {
            blocks[head].items.append(condition)
            addEdge(head, Edge(target: bodyBlock, condition: condition, whenTrue: true))
            addEdge(head, Edge(target: after, condition: condition, whenTrue: false))
        } else {
            connect(head, bodyBlock)
        }
        if node.childC.exists { blocks[post].items.append(node.childC) }
        connect(post, head)
        enterLoop(label: label, body: node.childD, bodyBlock: bodyBlock, continueTarget: post, after: after)
    }

    /// The ranged expression is evaluated once, before the loop; the head then
    /// either runs the body again or leaves (possibly before the first pass).
    mutating func lowerRange(_ node: Node, statement rangeStatement: NodeID, label: NodeID) {
        emit(node.childC)
        let head = newBlock()
        let bodyBlock = newBlock()
        let after = newBlock()
        connect(current, head)
        // Marked with the range statement, so rules can tell a loop over a
        // channel that is never closed from one that ends.
        addEdge(head, Edge(target: bodyBlock, condition: rangeStatement, whenTrue: true))
        addEdge(head, Edge(target: after, condition: rangeStatement, whenTrue: false))
        enterLoop(label: label, body: node.childD, bodyBlock: bodyBlock, continueTarget: head, after: after)
    }

    mutating func enterLoop(label: NodeID, body: NodeID, bodyBlock: Int, continueTarget: Int, after: Int) {
        enterScope(JumpScope(label: label, breakTarget: after, continueTarget: continueTarget))
        current = bodyBlock
        tasks.append(.enter(after))
        tasks.append(.leaveScope)
        tasks.append(.link(continueTarget))
        tasks.append(.statement(body, label: .none))
    }

    /// Case expressions are tested in source order, each in its own block;
    /// a match enters the clause's body, and when nothing matches the
    /// default clause (wherever it is written) or the end of the switch runs.
    mutating func lowerSwitch(_ node: Node, label: NodeID) {
        emit(node.childA)
        emit(node.childB)
        // Without a tag each case expression is a condition, as in an `if`.
        let hasTag = node.childB.exists
        let clauses = caseClauses(of: node.childC)
        let bodies = clauses.map { _ in newBlock() }
        let after = newBlock()
        var defaultBody: Int?
        var test = current
        for (index, clause) in clauses.enumerated() {
            let clauseNode = tree[clause]
            if clauseNode.flags & NodeFlags.isDefault != 0 {
                if defaultBody == nil { defaultBody = bodies[index] }
                continue
            }
            for expression in tree.ids(clauseNode.listAB) {
                blocks[test].items.append(expression)
                let next = newBlock()
                if hasTag {
                    connect(test, bodies[index])
                    connect(test, next)
                } else {
                    addEdge(test, Edge(target: bodies[index], condition: expression, whenTrue: true))
                    addEdge(test, Edge(target: next, condition: expression, whenTrue: false))
                }
                test = next
            }
        }
        connect(test, defaultBody ?? after)
        for index in clauses.indices.dropLast() {
            let statements = tree[clauses[index]].listCD
            guard statements.count > 0 else { continue }
            let last = tree.id(statements, Int(statements.count) - 1)
            if tree[last].kind == .branchStmt && tree[last].op == .kwFallthrough {
                fallthroughTargets[last] = bodies[index + 1]
            }
        }
        enterClauses(clauses.indices.map { (bodies[$0], tree[clauses[$0]].listCD) }, label: label, after: after)
    }

    /// The guard picks one clause by the dynamic type; the graph does not
    /// model which, so every clause (and the end, without default) follows it.
    mutating func lowerTypeSwitch(_ node: Node, label: NodeID) {
        emit(node.childA)
        emit(node.childB)
        let clauses = caseClauses(of: node.childC)
        let after = newBlock()
        var hasDefault = false
        var bodies: [(Int, NodeList)] = []
        for clause in clauses {
            let clauseNode = tree[clause]
            let block = newBlock()
            connect(current, block)
            if clauseNode.flags & NodeFlags.isDefault != 0 { hasDefault = true }
            bodies.append((block, clauseNode.listCD))
        }
        if !hasDefault { connect(current, after) }
        enterClauses(bodies, label: label, after: after)
    }

    /// Each clause starts with its communication; with no clauses the select
    /// blocks forever, so the current block gets no successor.
    mutating func lowerSelect(_ node: Node, label: NodeID) {
        var bodies: [(Int, NodeList)] = []
        let clauses = tree[node.childA].kind == .blockStmt ? Array(tree.ids(tree[node.childA].listAB)) : []
        for clause in clauses where tree[clause].kind == .commClause {
            let clauseNode = tree[clause]
            let block = newBlock()
            if clauseNode.childA.exists { blocks[block].items.append(clauseNode.childA) }
            connect(current, block)
            bodies.append((block, clauseNode.listBC))
        }
        let after = newBlock()
        enterClauses(bodies, label: label, after: after)
    }

    /// Schedules clause bodies in source order, each ending at `after`, inside
    /// a scope that `break` leaves for `after`.
    mutating func enterClauses(_ bodies: [(block: Int, statements: NodeList)], label: NodeID, after: Int) {
        enterScope(JumpScope(label: label, breakTarget: after, continueTarget: nil))
        tasks.append(.enter(after))
        tasks.append(.leaveScope)
        for clause in bodies.reversed() {
            tasks.append(.link(after))
            tasks.append(.statements(clause.statements, next: 0))
            tasks.append(.enter(clause.block))
        }
    }

    func caseClauses(of block: NodeID) -> [NodeID] {
        guard tree[block].kind == .blockStmt else { return [] }
        return tree.ids(tree[block].listAB).filter { tree[$0].kind == .caseClause }
    }

    // MARK: Jumps

    /// Wires `break`, `continue`, `goto` and `fallthrough`. A jump whose
    /// target does not exist (code that does not compile) leads nowhere.
    mutating func lowerBranch(_ id: NodeID, _ node: Node) {
        let label = node.childA
        switch node.op {
        case .kwBreak:
            if let scope = scope(named: label, loop: false) { connect(current, scope.breakTarget) }
        case .kwContinue:
            if let target = scope(named: label, loop: true)?.continueTarget { connect(current, target) }
        case .kwGoto:
            if let target = labelBlock(label) { connect(current, target) }
        case .kwFallthrough:
            if let target = fallthroughTargets[id] { connect(current, target) }
        default:
            break
        }
        startUnreachable()
    }

    /// The scope a `break` or `continue` leaves: the one labelled `label`,
    /// or without a label the innermost one (the innermost loop for `continue`).
    /// Constant time, so that jumps deep inside nested loops keep the build linear.
    func scope(named label: NodeID, loop: Bool) -> JumpScope? {
        let index: Int?
        if label.exists {
            index = labeledScopes[tree.bytes(label)]
        } else {
            index = loop ? loopScopes.last : scopes.indices.last
        }
        return index.map { scopes[$0] }
    }

    mutating func enterScope(_ scope: JumpScope) {
        scopes.append(scope)
        if scope.continueTarget != nil { loopScopes.append(scopes.count - 1) }
        if scope.label.exists { labeledScopes[tree.bytes(scope.label)] = scopes.count - 1 }
    }

    mutating func leaveScope() {
        guard let scope = scopes.popLast() else { return }
        if scope.continueTarget != nil { _ = loopScopes.popLast() }
        if scope.label.exists {
            let name = tree.bytes(scope.label)
            if labeledScopes[name] == scopes.count { labeledScopes[name] = nil }
        }
    }

    mutating func labelBlock(_ label: NodeID) -> Int? {
        guard label.exists else { return nil }
        let name = tree.bytes(label)
        if let block = labelBlocks[name] { return block }
        let block = newBlock()
        labelBlocks[name] = block
        return block
    }

    // MARK: Blocks and edges

    mutating func newBlock() -> Int {
        blocks.append(Block())
        exitWitnesses.append(.none)
        return blocks.count - 1
    }

    /// Code after a jump runs only if something jumps to it: it goes in a
    /// fresh block with no predecessors.
    mutating func startUnreachable() {
        current = newBlock()
    }

    mutating func emit(_ item: NodeID) {
        if item.exists { blocks[current].items.append(item) }
    }

    mutating func connect(_ from: Int, _ to: Int) {
        addEdge(from, Edge(target: to))
    }

    mutating func addEdge(_ from: Int, _ edge: Edge) {
        blocks[from].successors.append(edge)
    }

    /// The call an expression statement makes, looking through parentheses.
    func calledExpression(_ expression: NodeID) -> NodeID? {
        var current = expression
        while tree[current].kind == .paren { current = tree[current].childA }
        return tree[current].kind == .call ? current : nil
    }
}
