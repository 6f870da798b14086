/// Tree traversal: the children of each node kind in source order, and a
/// pre-order walk that can skip subtrees.
///
/// `forEachChild` is the single place that knows which payload fields of a
/// node are children; everything that walks the tree builds on it.
extension SyntaxTree {
    /// Calls `body` for each direct child of `id`, in source order, skipping absent children.
    @inlinable
    public func forEachChild(_ id: NodeID, _ body: (NodeID) -> Void) {
        let n = self[id]
        @inline(__always) func one(_ raw: Int32) { if raw != 0 { body(NodeID(raw)) } }
        @inline(__always) func many(_ start: Int32, _ count: Int32) {
            var index = Int(start)
            let end = index + Int(count)
            while index < end {
                body(NodeID(lists[index]))
                index += 1
            }
        }
        switch n.kind {
        case .invalid, .badExpr, .ident, .basicLit, .badStmt, .emptyStmt, .badDecl:
            return
        case .compositeLit, .call, .indexList:
            one(n.a)
            many(n.b, n.c)
        case .funcLit, .selector, .index, .keyValue, .mapType, .sendStmt, .labeledStmt, .importSpec, .binary:
            one(n.a)
            one(n.b)
        case .paren, .star, .unary, .ellipsis, .chanType, .exprStmt, .incDecStmt, .goStmt, .deferStmt, .declStmt,
            .selectStmt, .branchStmt:
            one(n.a)
        case .slice, .ifStmt, .forStmt, .rangeStmt, .funcDecl:
            one(n.a)
            one(n.b)
            one(n.c)
            one(n.d)
        case .typeAssert, .arrayType:
            one(n.a)
            one(n.b)
        case .structType, .fieldList, .interfaceType, .returnStmt, .blockStmt, .genDecl:
            many(n.a, n.b)
        case .field:
            many(n.a, n.b)
            one(n.c)
            one(n.d)
        case .funcType, .switchStmt, .typeSwitchStmt, .typeSpec:
            one(n.a)
            one(n.b)
            one(n.c)
        case .assignStmt, .caseClause:
            many(n.a, n.b)
            many(n.c, n.d)
        case .commClause:
            one(n.a)
            many(n.b, n.c)
        case .valueSpec:
            many(n.a, n.b)
            one(n.c)
            many(n.d, n.e)
        case .file:
            one(n.a)
            many(n.b, n.c)
        }
    }

    /// Pre-order walk from `start`. `visit` returns whether to descend into
    /// the node's children. Iterative, so arbitrarily deep trees cannot
    /// overflow the stack.
    public func walk(from start: NodeID? = nil, _ visit: (NodeID) -> Bool) {
        var stack: [NodeID] = [start ?? root]
        var children: [NodeID] = []
        while let id = stack.popLast() {
            guard id.exists, visit(id) else { continue }
            children.removeAll(keepingCapacity: true)
            forEachChild(id) { children.append($0) }
            stack.append(contentsOf: children.reversed())
        }
    }
}
