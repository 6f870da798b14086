import GoSyntax

// Questions about declarations that the package model, the resolver and the
// type oracle each ask, answered once so that they read the same everywhere.
extension SyntaxTree {
    /// The identifier of the package clause, `p` in `package p`; nil when the
    /// tree has no file node or the clause lacks its name.
    func packageClauseName() -> NodeID? {
        guard root.exists, let file = fileSyntax(root), file.packageName.exists else { return nil }
        return file.packageName
    }

    /// The fields of a receiver, parameter, result or type parameter list;
    /// empty for `.none` or a node of another kind.
    func fields(ofList list: NodeID) -> NodeIDs {
        fieldList(list)?.fields ?? .empty
    }
}
