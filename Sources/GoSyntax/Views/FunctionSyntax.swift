/// What a function declaration and a function literal have in common: a
/// signature and a body. Analyses that work per function (control flow,
/// captures, releases) take either, through this view.
public struct FunctionSyntax: Sendable {
    public let id: NodeID
    /// The `FunctionType`.
    public let type: NodeID
    /// The body `BlockStatement`; `.none` for a declaration without body.
    public let body: NodeID
    /// Whether this is a function literal (a closure), not a declaration.
    public let isLiteral: Bool

    @inlinable init(id: NodeID, type: NodeID, body: NodeID, isLiteral: Bool) {
        self.id = id
        self.type = type
        self.body = body
        self.isLiteral = isLiteral
    }
}

extension SyntaxTree {
    /// A function declaration or literal as a `FunctionSyntax`, or nil for another kind.
    @inlinable @inline(__always) public func function(_ id: NodeID) -> FunctionSyntax? {
        let node = self[id]
        switch node.kind {
        case .funcDecl: return FunctionSyntax(id: id, type: node.childC, body: node.childD, isLiteral: false)
        case .funcLit: return FunctionSyntax(id: id, type: node.childA, body: node.childB, isLiteral: true)
        default: return nil
        }
    }
}
