// Named views of statement nodes.
// Each view is reached from the tree by the construct's name (`tree.call(id)`,
// `tree.assign(id)`) and is nil when the node is of another kind, so that
// `if let call = tree.call(id)` checks the kind and reads the parts at once.
// A view is the node's id and a copy of its 32 bytes: reading a part costs
// what reading the generic field it names did.

/// A `const`, `type` or `var` declaration inside a function.
public struct DeclarationStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The `GenericDeclaration`.
    @inlinable public var declaration: NodeID { node.childA }
}

/// `;`, or nothing where a statement may stand.
public struct EmptyStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// Whether there is no `;` in the source.
    @inlinable public var isImplicit: Bool { node.flags & NodeFlags.implicit != 0 }
}

/// `label: statement`.
public struct LabeledStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var label: NodeID { node.childA }

    @inlinable public var statement: NodeID { node.childB }
}

/// An expression evaluated for its effect: a call or a receive.
public struct ExpressionStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var expression: NodeID { node.childA }
}

/// `channel <- value`.
public struct SendStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var channel: NodeID { node.childA }

    @inlinable public var value: NodeID { node.childB }
}

/// `operand++` or `operand--`.
public struct IncDecStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.inc` or `.dec`.
    @inlinable public var `operator`: TokenKind { node.op }

    @inlinable public var operand: NodeID { node.childA }
}

/// `lhs = rhs`, `lhs := rhs` or `lhs op= rhs`.
public struct AssignStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// `.assign`, `.define`, or an operator-assignment such as `.addAssign`.
    @inlinable public var `operator`: TokenKind { node.op }

    @inlinable public var lhs: NodeIDs { NodeIDs(lists, node.listAB) }

    @inlinable public var rhs: NodeIDs { NodeIDs(lists, node.listCD) }

    /// Whether this is a short variable declaration, `:=`.
    @inlinable public var isDefine: Bool { node.op == .define }
}

/// `go call`.
public struct GoStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The call (a `CallExpression` in valid code).
    @inlinable public var call: NodeID { node.childA }
}

/// `defer call`.
public struct DeferStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The call (a `CallExpression` in valid code).
    @inlinable public var call: NodeID { node.childA }
}

/// `return results`.
public struct ReturnStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var results: NodeIDs { NodeIDs(lists, node.listAB) }
}

/// `break`, `continue`, `goto` or `fallthrough`, with an optional label.
public struct BranchStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.kwBreak`, `.kwContinue`, `.kwGoto` or `.kwFallthrough`.
    @inlinable public var keyword: TokenKind { node.op }

    /// The label identifier, or `.none`.
    @inlinable public var label: NodeID { node.childA }
}

/// `{ statements }`: a function body, a branch, or a bare block.
public struct BlockStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var statements: NodeIDs { NodeIDs(lists, node.listAB) }
}

/// `if initializer; condition { body } else elseBranch`.
public struct IfStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` when absent.
    @inlinable public var initializer: NodeID { node.childA }

    @inlinable public var condition: NodeID { node.childB }

    /// The `BlockStatement`.
    @inlinable public var body: NodeID { node.childC }

    /// An `IfStatement`, a `BlockStatement`, or `.none`.
    @inlinable public var elseBranch: NodeID { node.childD }
}

/// `case expressions: body` or `default: body` of a switch.
public struct CaseClause: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// Empty for `default`.
    @inlinable public var expressions: NodeIDs { NodeIDs(lists, node.listAB) }

    @inlinable public var body: NodeIDs { NodeIDs(lists, node.listCD) }

    @inlinable public var isDefault: Bool { node.flags & NodeFlags.isDefault != 0 }
}

/// `switch initializer; tag { clauses }`.
public struct SwitchStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` when absent.
    @inlinable public var initializer: NodeID { node.childA }

    /// `.none` for `switch {`.
    @inlinable public var tag: NodeID { node.childB }

    /// A `BlockStatement` of `CaseClause`s.
    @inlinable public var body: NodeID { node.childC }
}

/// `switch initializer; x := y.(type) { clauses }`.
public struct TypeSwitchStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` when absent.
    @inlinable public var initializer: NodeID { node.childA }

    /// The `x := y.(type)` `AssignStatement` or the `y.(type)` `ExpressionStatement`.
    @inlinable public var `guard`: NodeID { node.childB }

    /// A `BlockStatement` of `CaseClause`s.
    @inlinable public var body: NodeID { node.childC }
}

/// `case communication: body` or `default: body` of a select.
public struct CommClause: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// The send or receive statement; `.none` for `default`.
    @inlinable public var communication: NodeID { node.childA }

    @inlinable public var body: NodeIDs { NodeIDs(lists, node.listBC) }
}

/// `select { clauses }`.
public struct SelectStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// A `BlockStatement` of `CommClause`s.
    @inlinable public var body: NodeID { node.childA }
}

/// `for initializer; condition; post { body }`, any part omitted.
public struct ForStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` when absent.
    @inlinable public var initializer: NodeID { node.childA }

    /// `.none` when absent.
    @inlinable public var condition: NodeID { node.childB }

    /// `.none` when absent.
    @inlinable public var post: NodeID { node.childC }

    /// The `BlockStatement`.
    @inlinable public var body: NodeID { node.childD }
}

/// `for key, value := range expression { body }` (or `=`, or no variables).
public struct RangeStatement: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` when absent.
    @inlinable public var key: NodeID { node.childA }

    /// `.none` when absent.
    @inlinable public var value: NodeID { node.childB }

    /// Whether the variables are declared here, `:=`.
    @inlinable public var isDefine: Bool { node.op == .define }

    /// Whether existing variables are assigned, `=`.
    @inlinable public var isAssign: Bool { node.op == .assign }

    /// The ranged expression.
    @inlinable public var expression: NodeID { node.childC }

    /// The `BlockStatement`.
    @inlinable public var body: NodeID { node.childD }
}

extension SyntaxTree {
    /// The node as a `DeclarationStatement`, or nil for another kind.
    @inlinable @inline(__always) public func declarationStatement(_ id: NodeID) -> DeclarationStatement? {
        let node = self[id]
        guard node.kind == .declStmt else { return nil }
        return DeclarationStatement(id, node)
    }

    /// The node as a `EmptyStatement`, or nil for another kind.
    @inlinable @inline(__always) public func emptyStatement(_ id: NodeID) -> EmptyStatement? {
        let node = self[id]
        guard node.kind == .emptyStmt else { return nil }
        return EmptyStatement(id, node)
    }

    /// The node as a `LabeledStatement`, or nil for another kind.
    @inlinable @inline(__always) public func labeled(_ id: NodeID) -> LabeledStatement? {
        let node = self[id]
        guard node.kind == .labeledStmt else { return nil }
        return LabeledStatement(id, node)
    }

    /// The node as a `ExpressionStatement`, or nil for another kind.
    @inlinable @inline(__always) public func expressionStatement(_ id: NodeID) -> ExpressionStatement? {
        let node = self[id]
        guard node.kind == .exprStmt else { return nil }
        return ExpressionStatement(id, node)
    }

    /// The node as a `SendStatement`, or nil for another kind.
    @inlinable @inline(__always) public func send(_ id: NodeID) -> SendStatement? {
        let node = self[id]
        guard node.kind == .sendStmt else { return nil }
        return SendStatement(id, node)
    }

    /// The node as a `IncDecStatement`, or nil for another kind.
    @inlinable @inline(__always) public func incDec(_ id: NodeID) -> IncDecStatement? {
        let node = self[id]
        guard node.kind == .incDecStmt else { return nil }
        return IncDecStatement(id, node)
    }

    /// The node as a `AssignStatement`, or nil for another kind.
    @inlinable @inline(__always) public func assign(_ id: NodeID) -> AssignStatement? {
        let node = self[id]
        guard node.kind == .assignStmt else { return nil }
        return AssignStatement(id, node, lists)
    }

    /// The node as a `GoStatement`, or nil for another kind.
    @inlinable @inline(__always) public func goStatement(_ id: NodeID) -> GoStatement? {
        let node = self[id]
        guard node.kind == .goStmt else { return nil }
        return GoStatement(id, node)
    }

    /// The node as a `DeferStatement`, or nil for another kind.
    @inlinable @inline(__always) public func deferStatement(_ id: NodeID) -> DeferStatement? {
        let node = self[id]
        guard node.kind == .deferStmt else { return nil }
        return DeferStatement(id, node)
    }

    /// The node as a `ReturnStatement`, or nil for another kind.
    @inlinable @inline(__always) public func returnStatement(_ id: NodeID) -> ReturnStatement? {
        let node = self[id]
        guard node.kind == .returnStmt else { return nil }
        return ReturnStatement(id, node, lists)
    }

    /// The node as a `BranchStatement`, or nil for another kind.
    @inlinable @inline(__always) public func branch(_ id: NodeID) -> BranchStatement? {
        let node = self[id]
        guard node.kind == .branchStmt else { return nil }
        return BranchStatement(id, node)
    }

    /// The node as a `BlockStatement`, or nil for another kind.
    @inlinable @inline(__always) public func block(_ id: NodeID) -> BlockStatement? {
        let node = self[id]
        guard node.kind == .blockStmt else { return nil }
        return BlockStatement(id, node, lists)
    }

    /// The node as a `IfStatement`, or nil for another kind.
    @inlinable @inline(__always) public func ifStatement(_ id: NodeID) -> IfStatement? {
        let node = self[id]
        guard node.kind == .ifStmt else { return nil }
        return IfStatement(id, node)
    }

    /// The node as a `CaseClause`, or nil for another kind.
    @inlinable @inline(__always) public func caseClause(_ id: NodeID) -> CaseClause? {
        let node = self[id]
        guard node.kind == .caseClause else { return nil }
        return CaseClause(id, node, lists)
    }

    /// The node as a `SwitchStatement`, or nil for another kind.
    @inlinable @inline(__always) public func switchStatement(_ id: NodeID) -> SwitchStatement? {
        let node = self[id]
        guard node.kind == .switchStmt else { return nil }
        return SwitchStatement(id, node)
    }

    /// The node as a `TypeSwitchStatement`, or nil for another kind.
    @inlinable @inline(__always) public func typeSwitch(_ id: NodeID) -> TypeSwitchStatement? {
        let node = self[id]
        guard node.kind == .typeSwitchStmt else { return nil }
        return TypeSwitchStatement(id, node)
    }

    /// The node as a `CommClause`, or nil for another kind.
    @inlinable @inline(__always) public func commClause(_ id: NodeID) -> CommClause? {
        let node = self[id]
        guard node.kind == .commClause else { return nil }
        return CommClause(id, node, lists)
    }

    /// The node as a `SelectStatement`, or nil for another kind.
    @inlinable @inline(__always) public func selectStatement(_ id: NodeID) -> SelectStatement? {
        let node = self[id]
        guard node.kind == .selectStmt else { return nil }
        return SelectStatement(id, node)
    }

    /// The node as a `ForStatement`, or nil for another kind.
    @inlinable @inline(__always) public func forStatement(_ id: NodeID) -> ForStatement? {
        let node = self[id]
        guard node.kind == .forStmt else { return nil }
        return ForStatement(id, node)
    }

    /// The node as a `RangeStatement`, or nil for another kind.
    @inlinable @inline(__always) public func range(_ id: NodeID) -> RangeStatement? {
        let node = self[id]
        guard node.kind == .rangeStmt else { return nil }
        return RangeStatement(id, node)
    }
}
