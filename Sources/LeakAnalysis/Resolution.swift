import GoSyntax

/// What one identifier declared inside a function stands for.
///
/// Rules ask two things of a local: where its value came from (the call
/// that created it, or its declared type), and which function owns it (so
/// that a closure assigning to it is recognised as storing into an outer
/// variable).
public struct LocalDeclaration: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case parameter, result, receiver, typeParameter
        case variable  // `var x T = v` or `x := v`
        case rangeKey, rangeValue
        case typeSwitchBinding
        case constant, localType
    }

    public var kind: Kind
    /// The declaring identifier.
    public var name: NodeID
    /// The written type, if any.
    public var typeExpression: NodeID
    /// The right-hand side the value came from (for `a, b := f()` both
    /// point at the call, with `valueIndex` 0 and 1); none if there is none.
    public var value: NodeID
    public var valueIndex: Int
    /// How many names the declaring statement introduced from `value`.
    public var valueCount: Int
    /// The declaring statement (assign, valueSpec, rangeStmt...) or field.
    public var statement: NodeID
    /// The funcDecl or funcLit whose body declares it.
    public var function: NodeID
}

/// Every local identifier of one file resolved to its declaration.
///
/// Built by `Resolver`; identifiers that resolve to nothing local are either
/// package-level names, imported package names, predeclared names or
/// field/method names, which `PackageScope` answers.
public struct Resolution: Sendable {
    /// Per node index: the declaring identifier's index for an identifier
    /// that refers to (or declares) a local; 0 otherwise.
    public let declarationOf: [Int32]
    public let locals: [Int32: LocalDeclaration]
    /// References per declaring identifier, in source order (declaration excluded).
    public let references: [Int32: [NodeID]]
    /// Per node index: the innermost funcDecl/funcLit that contains it (0 at file level).
    public let enclosingFunction: [Int32]

    /// The declaration an identifier refers to, if it is a local.
    public func local(for identifier: NodeID) -> LocalDeclaration? {
        let index = declarationOf[Int(identifier.index)]
        return index == 0 ? nil : locals[index]
    }

    /// The declaring identifier of a local reference (the identifier itself for a declaration).
    public func declaringName(of identifier: NodeID) -> NodeID? {
        let index = declarationOf[Int(identifier.index)]
        return index == 0 ? nil : NodeID(index)
    }

    public func references(to declaration: NodeID) -> [NodeID] { references[declaration.index] ?? [] }

    public func function(containing node: NodeID) -> NodeID { NodeID(enclosingFunction[Int(node.index)]) }
}
