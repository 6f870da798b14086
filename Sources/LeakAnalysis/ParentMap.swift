import GoSyntax

/// The parent of every node of one tree, built in one walk.
///
/// The syntax tree only points downwards; rules constantly ask "what
/// encloses this reference?" (is it the receiver of a call, the value of a
/// return, the target of an assignment?), so the answer is computed once.
public struct ParentMap: Sendable {
    private let parents: [Int32]

    public init(tree: SyntaxTree) {
        // One linear pass over the arena: every node names its children.
        // A node replaced during parsing (and so unreachable) comes before
        // its replacement, whose later assignment wins.
        var parents = [Int32](repeating: 0, count: tree.nodes.count)
        var index: Int32 = 1
        let count = Int32(tree.nodes.count)
        while index < count {
            let parent = index
            tree.forEachChild(NodeID(index)) { child in parents[Int(child.index)] = parent }
            index += 1
        }
        self.parents = parents
    }

    /// The enclosing node, or `.none` for the root.
    @inlinable public subscript(id: NodeID) -> NodeID { NodeID(parentIndex(id)) }

    @usableFromInline func parentIndex(_ id: NodeID) -> Int32 { parents[Int(id.index)] }
}

extension ParentMap {
    /// The innermost function declaration or literal that contains `id`
    /// (not `id` itself), or nil at file level.
    public func enclosingFunction(of id: NodeID, in tree: SyntaxTree) -> FunctionSyntax? {
        var current = self[id]
        while current.exists {
            if let function = tree.function(current) { return function }
            current = self[current]
        }
        return nil
    }
}
