/// Questions about a file's declarations that tools ask when they say where
/// a place in the file is: which package the file declares, and which type
/// a method belongs to.
extension SyntaxTree {
    /// The name identifier of the file's package clause; nil when the tree
    /// has no file node or the clause has no name.
    @inlinable public var packageClauseName: NodeID? {
        guard let file = fileSyntax(root), file.packageName.exists else { return nil }
        return file.packageName
    }

    /// The type of a method's receiver, `*T` in `func (t *T) M()` (of the
    /// first receiver, should there be several); nil for a function without
    /// receiver, `.none` for a receiver written without a type.
    @inlinable public func receiverType(of declaration: FunctionDeclaration) -> NodeID? {
        guard declaration.receiver.exists, let first = fieldList(declaration.receiver)?.fields.first else { return nil }
        return field(first)?.type ?? NodeID.none
    }
}
