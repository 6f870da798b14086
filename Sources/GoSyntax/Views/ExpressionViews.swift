// Named views of expression nodes.
// Each view is reached from the tree by the construct's name (`tree.call(id)`,
// `tree.assign(id)`) and is nil when the node is of another kind, so that
// `if let call = tree.call(id)` checks the kind and reads the parts at once.
// A view is the node's id and a copy of its 32 bytes: reading a part costs
// what reading the generic field it names did.

/// A literal token: `42`, `"text"`, `'x'`, `1.5`, `2i`.
public struct BasicLiteral: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.int`, `.float`, `.imag`, `.char` or `.string`.
    @inlinable public var tokenKind: TokenKind { node.op }
}

/// `T{elements}`, or `{elements}` inside another composite literal.
public struct CompositeLiteral: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// The literal's type; `.none` when elided.
    @inlinable public var type: NodeID { node.childA }

    @inlinable public var elements: NodeIDs { NodeIDs(lists, node.listBC) }
}

/// `func(parameters) results { body }` used as a value.
public struct FunctionLiteral: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The `FunctionType`.
    @inlinable public var type: NodeID { node.childA }

    /// The body `BlockStatement`.
    @inlinable public var body: NodeID { node.childB }
}

/// `(inner)`.
public struct ParenExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var inner: NodeID { node.childA }
}

/// `base.name`: a field, a method, or a package member.
public struct SelectorExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var base: NodeID { node.childA }

    /// The selected identifier.
    @inlinable public var name: NodeID { node.childB }
}

/// `base[index]`: an element, or a generic instantiation with one type argument.
public struct IndexExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var base: NodeID { node.childA }

    @inlinable public var index: NodeID { node.childB }
}

/// `base[A, B]`: a generic instantiation with several type arguments.
public struct IndexListExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var base: NodeID { node.childA }

    @inlinable public var indices: NodeIDs { NodeIDs(lists, node.listBC) }
}

/// `base[low:high]` or `base[low:high:max]`.
public struct SliceExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var base: NodeID { node.childA }

    /// `.none` when omitted.
    @inlinable public var low: NodeID { node.childB }

    /// `.none` when omitted.
    @inlinable public var high: NodeID { node.childC }

    /// `.none` for a two-index slice.
    @inlinable public var max: NodeID { node.childD }

    @inlinable public var isThreeIndex: Bool { node.flags & NodeFlags.slice3 != 0 }
}

/// `base.(T)`, or `base.(type)` in a type switch.
public struct TypeAssertion: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var base: NodeID { node.childA }

    /// The asserted type; `.none` for `.(type)`.
    @inlinable public var type: NodeID { node.childB }
}

/// `function(arguments)` or `function(arguments...)`; conversions too.
public struct CallExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var function: NodeID { node.childA }

    @inlinable public var arguments: NodeIDs { NodeIDs(lists, node.listBC) }

    /// Whether the last argument is spread with `...`.
    @inlinable public var hasEllipsis: Bool { node.flags & NodeFlags.hasEllipsis != 0 }
}

/// `*operand`: a dereference or a pointer type.
public struct StarExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var operand: NodeID { node.childA }
}

/// `op operand`: `-x`, `!ok`, `&v`, `<-ch`, or `~T` in a constraint.
public struct UnaryExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var `operator`: TokenKind { node.op }

    @inlinable public var operand: NodeID { node.childA }
}

/// `left op right`; also a union `A | B` in a constraint.
public struct BinaryExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var `operator`: TokenKind { node.op }

    @inlinable public var left: NodeID { node.childA }

    @inlinable public var right: NodeID { node.childB }

    /// Byte offset of the operator token.
    @inlinable public var operatorOffset: Int32 { node.c }
}

/// `key: value` in a composite literal.
public struct KeyValueExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var key: NodeID { node.childA }

    @inlinable public var value: NodeID { node.childB }
}

/// `...T` of a variadic parameter, or `...` as an array length.
public struct EllipsisExpression: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The element type; `.none` for an array length.
    @inlinable public var element: NodeID { node.childA }
}

extension SyntaxTree {
    /// The node as a `BasicLiteral`, or nil for another kind.
    @inlinable @inline(__always) public func basicLiteral(_ id: NodeID) -> BasicLiteral? {
        let node = self[id]
        guard node.kind == .basicLit else { return nil }
        return BasicLiteral(id, node)
    }

    /// The node as a `CompositeLiteral`, or nil for another kind.
    @inlinable @inline(__always) public func compositeLiteral(_ id: NodeID) -> CompositeLiteral? {
        let node = self[id]
        guard node.kind == .compositeLit else { return nil }
        return CompositeLiteral(id, node, lists)
    }

    /// The node as a `FunctionLiteral`, or nil for another kind.
    @inlinable @inline(__always) public func functionLiteral(_ id: NodeID) -> FunctionLiteral? {
        let node = self[id]
        guard node.kind == .funcLit else { return nil }
        return FunctionLiteral(id, node)
    }

    /// The node as a `ParenExpression`, or nil for another kind.
    @inlinable @inline(__always) public func paren(_ id: NodeID) -> ParenExpression? {
        let node = self[id]
        guard node.kind == .paren else { return nil }
        return ParenExpression(id, node)
    }

    /// The node as a `SelectorExpression`, or nil for another kind.
    @inlinable @inline(__always) public func selector(_ id: NodeID) -> SelectorExpression? {
        let node = self[id]
        guard node.kind == .selector else { return nil }
        return SelectorExpression(id, node)
    }

    /// The node as a `IndexExpression`, or nil for another kind.
    @inlinable @inline(__always) public func index(_ id: NodeID) -> IndexExpression? {
        let node = self[id]
        guard node.kind == .index else { return nil }
        return IndexExpression(id, node)
    }

    /// The node as a `IndexListExpression`, or nil for another kind.
    @inlinable @inline(__always) public func indexList(_ id: NodeID) -> IndexListExpression? {
        let node = self[id]
        guard node.kind == .indexList else { return nil }
        return IndexListExpression(id, node, lists)
    }

    /// The node as a `SliceExpression`, or nil for another kind.
    @inlinable @inline(__always) public func slice(_ id: NodeID) -> SliceExpression? {
        let node = self[id]
        guard node.kind == .slice else { return nil }
        return SliceExpression(id, node)
    }

    /// The node as a `TypeAssertion`, or nil for another kind.
    @inlinable @inline(__always) public func typeAssertion(_ id: NodeID) -> TypeAssertion? {
        let node = self[id]
        guard node.kind == .typeAssert else { return nil }
        return TypeAssertion(id, node)
    }

    /// The node as a `CallExpression`, or nil for another kind.
    @inlinable @inline(__always) public func call(_ id: NodeID) -> CallExpression? {
        let node = self[id]
        guard node.kind == .call else { return nil }
        return CallExpression(id, node, lists)
    }

    /// The node as a `StarExpression`, or nil for another kind.
    @inlinable @inline(__always) public func star(_ id: NodeID) -> StarExpression? {
        let node = self[id]
        guard node.kind == .star else { return nil }
        return StarExpression(id, node)
    }

    /// The node as a `UnaryExpression`, or nil for another kind.
    @inlinable @inline(__always) public func unary(_ id: NodeID) -> UnaryExpression? {
        let node = self[id]
        guard node.kind == .unary else { return nil }
        return UnaryExpression(id, node)
    }

    /// The node as a `BinaryExpression`, or nil for another kind.
    @inlinable @inline(__always) public func binary(_ id: NodeID) -> BinaryExpression? {
        let node = self[id]
        guard node.kind == .binary else { return nil }
        return BinaryExpression(id, node)
    }

    /// The node as a `KeyValueExpression`, or nil for another kind.
    @inlinable @inline(__always) public func keyValue(_ id: NodeID) -> KeyValueExpression? {
        let node = self[id]
        guard node.kind == .keyValue else { return nil }
        return KeyValueExpression(id, node)
    }

    /// The node as a `EllipsisExpression`, or nil for another kind.
    @inlinable @inline(__always) public func ellipsis(_ id: NodeID) -> EllipsisExpression? {
        let node = self[id]
        guard node.kind == .ellipsis else { return nil }
        return EllipsisExpression(id, node)
    }
}
