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
    /// Per node index: 1 + index into `locals` for a declaring identifier, else 0.
    let localSlot: [Int32]
    let locals: [LocalDeclaration]
    /// References of each local, grouped: those of local `i` are
    /// `referenceNodes[referenceStart[i]..<referenceStart[i + 1]]`, in source order.
    let referenceStart: [Int32]
    let referenceNodes: [Int32]
    /// Per node index: the innermost funcDecl/funcLit that contains it (0 at file level).
    public let enclosingFunction: [Int32]

    init(declarationOf: [Int32], localSlot: [Int32], locals: [LocalDeclaration], enclosingFunction: [Int32]) {
        self.declarationOf = declarationOf
        self.localSlot = localSlot
        self.locals = locals
        self.enclosingFunction = enclosingFunction
        // Counting sort of the references by declaration; identifiers are
        // created in source order, so index order is source order.
        var counts = [Int32](repeating: 0, count: locals.count + 1)
        for (index, declaration) in declarationOf.enumerated() where declaration != 0 && declaration != Int32(index) {
            let slot = localSlot[Int(declaration)]
            if slot > 0 { counts[Int(slot)] += 1 }
        }
        var starts = [Int32](repeating: 0, count: locals.count + 1)
        var running: Int32 = 0
        for slot in 0..<locals.count {
            starts[slot] = running
            running += counts[slot + 1]
        }
        starts[locals.count] = running
        var fill = starts
        var nodes = [Int32](repeating: 0, count: Int(running))
        for (index, declaration) in declarationOf.enumerated() where declaration != 0 && declaration != Int32(index) {
            let slot = Int(localSlot[Int(declaration)])
            guard slot > 0 else { continue }
            nodes[Int(fill[slot - 1])] = Int32(index)
            fill[slot - 1] += 1
        }
        referenceStart = starts
        referenceNodes = nodes
    }

    /// The declaration an identifier refers to, if it is a local.
    public func local(for identifier: NodeID) -> LocalDeclaration? {
        let declaration = declarationOf[Int(identifier.index)]
        guard declaration != 0 else { return nil }
        let slot = localSlot[Int(declaration)]
        return slot == 0 ? nil : locals[Int(slot) - 1]
    }

    /// The declaring identifier of a local reference (the identifier itself for a declaration).
    public func declaringName(of identifier: NodeID) -> NodeID? {
        let index = declarationOf[Int(identifier.index)]
        return index == 0 ? nil : NodeID(index)
    }

    /// Every reference to a local (its declaration excluded), in source order.
    public func references(to declaration: NodeID) -> [NodeID] {
        let slot = Int(localSlot[Int(declaration.index)])
        guard slot > 0 else { return [] }
        return referenceNodes[Int(referenceStart[slot - 1])..<Int(referenceStart[slot])].map { NodeID($0) }
    }

    /// The node indices of every reference to a local, in source order, without copying them.
    public func referenceIndices(to declaration: NodeID) -> ArraySlice<Int32> {
        let slot = Int(localSlot[Int(declaration.index)])
        guard slot > 0 else { return [] }
        return referenceNodes[Int(referenceStart[slot - 1])..<Int(referenceStart[slot])]
    }

    public func function(containing node: NodeID) -> NodeID { NodeID(enclosingFunction[Int(node.index)]) }
}
