import GoSyntax

/// The parent of every node of one tree, built in one walk.
///
/// The syntax tree only points downwards; rules constantly ask "what
/// encloses this reference?" (is it the receiver of a call, the value of a
/// return, the target of an assignment?), so the answer is computed once.
public struct ParentMap: Sendable {
    private let parents: [Int32]

    public init(tree: SyntaxTree) {
        var parents = [Int32](repeating: 0, count: tree.nodes.count)
        tree.walk { id in
            tree.forEachChild(id) { child in parents[Int(child.index)] = id.index }
            return true
        }
        self.parents = parents
    }

    /// The enclosing node, or `.none` for the root.
    @inlinable public subscript(id: NodeID) -> NodeID { NodeID(parentIndex(id)) }

    @usableFromInline func parentIndex(_ id: NodeID) -> Int32 { parents[Int(id.index)] }
}
