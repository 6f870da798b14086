import GoSyntax

// A question about declarations that the package model, the resolver and the
// type oracle each ask, answered once so that it reads the same everywhere.
extension SyntaxTree {
    /// The fields of a receiver, parameter, result or type parameter list;
    /// empty for `.none` or a node of another kind.
    func fields(ofList list: NodeID) -> NodeIDs {
        fieldList(list)?.fields ?? .empty
    }
}
