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
        case statements(NodeIDs, next: Int)
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
        if body.exists && Int(body.index) < tree.nodes.count, let block = tree.block(body) {
            tasks.append(.statements(block.statements, next: 0))
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
            guard next < list.count else { return }
            tasks.append(.statements(list, next: next + 1))
            tasks.append(.statement(list[next], label: .none))
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
        switch tree.kind(id) {
        case .assignStmt, .incDecStmt, .sendStmt, .goStmt, .deferStmt, .declStmt:
            emit(id)
        case .exprStmt:
            emit(id)
            if let statement = tree.expressionStatement(id), let call = calledExpression(statement.expression),
                neverReturns(call) {
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
            if let branch = tree.branch(id) { lowerBranch(branch) }
        case .blockStmt:
            if let block = tree.block(id) { tasks.append(.statements(block.statements, next: 0)) }
        case .labeledStmt:
            guard let labeled = tree.labeled(id) else { return }
            if let target = labelBlock(labeled.label) {
                connect(current, target)
                current = target
            }
            tasks.append(.statement(labeled.statement, label: labeled.label))
        case .ifStmt:
            if let statement = tree.ifStatement(id) { lowerIf(statement) }
        case .forStmt:
            if let loop = tree.forStatement(id) { lowerFor(loop, label: label) }
        case .rangeStmt:
            if let loop = tree.range(id) { lowerRange(loop, label: label) }
        case .switchStmt:
            if let statement = tree.switchStatement(id) { lowerSwitch(statement, label: label) }
        case .typeSwitchStmt:
            if let statement = tree.typeSwitch(id) { lowerTypeSwitch(statement, label: label) }
        case .selectStmt:
            if let statement = tree.selectStatement(id) { lowerSelect(statement, label: label) }
        default:
            // Empty and unparsable statements run nothing.
            break
        }
    }

    // MARK: Compound statements

    mutating func lowerIf(_ statement: IfStatement) {
        emit(statement.initializer)
        emit(statement.condition)
        let condition = statement.condition
        let thenBlock = newBlock()
        let after = newBlock()
        let elseBlock = statement.elseBranch.exists ? newBlock() : after
        addEdge(current, Edge(target: thenBlock, condition: condition, whenTrue: true))
        addEdge(current, Edge(target: elseBlock, condition: condition, whenTrue: false))
        current = thenBlock
        tasks.append(.join(after))
        if statement.elseBranch.exists {
            tasks.append(.statement(statement.elseBranch, label: .none))
            tasks.append(.enter(elseBlock))
            tasks.append(.link(after))
        }
        tasks.append(.statement(statement.body, label: .none))
    }

    /// head (condition) → body → post → head; the condition failing leaves.
    /// Without a condition only `break`, `return` or `goto` leave.
    mutating func lowerFor(_ loop: ForStatement, label: NodeID) {
        emit(loop.initializer)
        let head = newBlock()
        let bodyBlock = newBlock()
        let post = newBlock()
        let after = newBlock()
        connect(current, head)
        let condition = loop.condition
        if condition.exists {
            blocks[head].items.append(condition)
            addEdge(head, Edge(target: bodyBlock, condition: condition, whenTrue: true))
            addEdge(head, Edge(target: after, condition: condition, whenTrue: false))
        } else {
            connect(head, bodyBlock)
        }
        if loop.post.exists { blocks[post].items.append(loop.post) }
        connect(post, head)
        enterLoop(label: label, body: loop.body, bodyBlock: bodyBlock, continueTarget: post, after: after)
    }

    /// The ranged expression is evaluated once, before the loop; the head then
    /// either runs the body again or leaves (possibly before the first pass).
    mutating func lowerRange(_ loop: RangeStatement, label: NodeID) {
        emit(loop.expression)
        let head = newBlock()
        let bodyBlock = newBlock()
        let after = newBlock()
        connect(current, head)
        // Marked with the range statement, so rules can tell a loop over a
        // channel that is never closed from one that ends.
        addEdge(head, Edge(target: bodyBlock, condition: loop.id, whenTrue: true))
        addEdge(head, Edge(target: after, condition: loop.id, whenTrue: false))
        enterLoop(label: label, body: loop.body, bodyBlock: bodyBlock, continueTarget: head, after: after)
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
    mutating func lowerSwitch(_ statement: SwitchStatement, label: NodeID) {
        emit(statement.initializer)
        emit(statement.tag)
        // Without a tag each case expression is a condition, as in an `if`.
        let hasTag = statement.tag.exists
        let clauses = caseClauses(of: statement.body)
        let bodies = clauses.map { _ in newBlock() }
        let after = newBlock()
        var defaultBody: Int?
        var test = current
        for (index, clause) in clauses.enumerated() {
            if clause.isDefault {
                if defaultBody == nil { defaultBody = bodies[index] }
                continue
            }
            for expression in clause.expressions {
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
            guard let last = clauses[index].body.last, tree.branch(last)?.keyword == .kwFallthrough else { continue }
            fallthroughTargets[last] = bodies[index + 1]
        }
        enterClauses(clauses.indices.map { (bodies[$0], clauses[$0].body) }, label: label, after: after)
    }

    /// The guard picks one clause by the dynamic type; the graph does not
    /// model which, so every clause (and the end, without default) follows it.
    mutating func lowerTypeSwitch(_ statement: TypeSwitchStatement, label: NodeID) {
        emit(statement.initializer)
        emit(statement.guard)
        let clauses = caseClauses(of: statement.body)
        let after = newBlock()
        var hasDefault = false
        var bodies: [(Int, NodeIDs)] = []
        for clause in clauses {
            let block = newBlock()
            connect(current, block)
            if clause.isDefault { hasDefault = true }
            bodies.append((block, clause.body))
        }
        if !hasDefault { connect(current, after) }
        enterClauses(bodies, label: label, after: after)
    }

    /// Each clause starts with its communication; with no clauses the select
    /// blocks forever, so the current block gets no successor.
    mutating func lowerSelect(_ statement: SelectStatement, label: NodeID) {
        var bodies: [(Int, NodeIDs)] = []
        for clause in tree.block(statement.body)?.statements ?? .empty {
            guard let clause = tree.commClause(clause) else { continue }
            let block = newBlock()
            if clause.communication.exists { blocks[block].items.append(clause.communication) }
            connect(current, block)
            bodies.append((block, clause.body))
        }
        let after = newBlock()
        enterClauses(bodies, label: label, after: after)
    }

    /// Schedules clause bodies in source order, each ending at `after`, inside
    /// a scope that `break` leaves for `after`.
    mutating func enterClauses(_ bodies: [(block: Int, statements: NodeIDs)], label: NodeID, after: Int) {
        enterScope(JumpScope(label: label, breakTarget: after, continueTarget: nil))
        tasks.append(.enter(after))
        tasks.append(.leaveScope)
        for clause in bodies.reversed() {
            tasks.append(.link(after))
            tasks.append(.statements(clause.statements, next: 0))
            tasks.append(.enter(clause.block))
        }
    }

    /// The case clauses of a switch body, in source order.
    func caseClauses(of body: NodeID) -> [CaseClause] {
        guard let block = tree.block(body) else { return [] }
        return block.statements.compactMap { tree.caseClause($0) }
    }

    // MARK: Jumps

    /// Wires `break`, `continue`, `goto` and `fallthrough`. A jump whose
    /// target does not exist (code that does not compile) leads nowhere.
    mutating func lowerBranch(_ branch: BranchStatement) {
        let label = branch.label
        switch branch.keyword {
        case .kwBreak:
            if let scope = scope(named: label, loop: false) { connect(current, scope.breakTarget) }
        case .kwContinue:
            if let target = scope(named: label, loop: true)?.continueTarget { connect(current, target) }
        case .kwGoto:
            if let target = labelBlock(label) { connect(current, target) }
        case .kwFallthrough:
            if let target = fallthroughTargets[branch.id] { connect(current, target) }
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
        let inner = tree.unparenthesized(expression)
        return tree.kind(inner) == .call ? inner : nil
    }
}
