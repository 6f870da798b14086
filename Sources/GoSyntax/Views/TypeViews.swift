// Named views of type nodes.
// Each view is reached from the tree by the construct's name (`tree.call(id)`,
// `tree.assign(id)`) and is nil when the node is of another kind, so that
// `if let call = tree.call(id)` checks the kind and reads the parts at once.
// A view is the node's id and a copy of its 32 bytes: reading a part costs
// what reading the generic field it names did.

/// `[length]element`, `[]element` (a slice type) or `[...]element`.
public struct ArrayType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// `.none` for a slice type; an `EllipsisExpression` for `[...]T`.
    @inlinable public var length: NodeID { node.childA }

    @inlinable public var element: NodeID { node.childB }
}

/// `struct { fields }`.
public struct StructType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// `Field`s.
    @inlinable public var fields: NodeIDs { NodeIDs(lists, node.listAB) }
}

/// One entry of a struct, a parameter or result list, or an interface: names, a type, a tag.
public struct Field: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// Empty for an embedded field, an unnamed parameter or an embedded interface element.
    @inlinable public var names: NodeIDs { NodeIDs(lists, node.listAB) }

    @inlinable public var type: NodeID { node.childC }

    /// The tag `BasicLiteral`, or `.none`.
    @inlinable public var tag: NodeID { node.childD }
}

/// A parenthesised or bracketed list of `Field`s: parameters, results, type parameters, a receiver.
public struct FieldList: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var fields: NodeIDs { NodeIDs(lists, node.listAB) }
}

/// `func[typeParameters](parameters) results`.
public struct FunctionType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// A `FieldList`, or `.none`.
    @inlinable public var typeParameters: NodeID { node.childA }

    /// A `FieldList`.
    @inlinable public var parameters: NodeID { node.childB }

    /// A `FieldList`, or `.none`.
    @inlinable public var results: NodeID { node.childC }
}

/// `interface { elements }`.
public struct InterfaceType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// `Field`s: methods (a name and a `FunctionType`) and embedded types or unions (no names).
    @inlinable public var elements: NodeIDs { NodeIDs(lists, node.listAB) }
}

/// `map[key]value`.
public struct MapType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var key: NodeID { node.childA }

    @inlinable public var value: NodeID { node.childB }
}

/// `chan T`, `chan<- T` or `<-chan T`.
public struct ChannelType: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var element: NodeID { node.childA }

    @inlinable public var canSend: Bool { node.flags & NodeFlags.chanSend != 0 }

    @inlinable public var canReceive: Bool { node.flags & NodeFlags.chanRecv != 0 }
}

extension SyntaxTree {
    /// The node as a `ArrayType`, or nil for another kind.
    @inlinable @inline(__always) public func arrayType(_ id: NodeID) -> ArrayType? {
        let node = self[id]
        guard node.kind == .arrayType else { return nil }
        return ArrayType(id, node)
    }

    /// The node as a `StructType`, or nil for another kind.
    @inlinable @inline(__always) public func structType(_ id: NodeID) -> StructType? {
        let node = self[id]
        guard node.kind == .structType else { return nil }
        return StructType(id, node, lists)
    }

    /// The node as a `Field`, or nil for another kind.
    @inlinable @inline(__always) public func field(_ id: NodeID) -> Field? {
        let node = self[id]
        guard node.kind == .field else { return nil }
        return Field(id, node, lists)
    }

    /// The node as a `FieldList`, or nil for another kind.
    @inlinable @inline(__always) public func fieldList(_ id: NodeID) -> FieldList? {
        let node = self[id]
        guard node.kind == .fieldList else { return nil }
        return FieldList(id, node, lists)
    }

    /// The node as a `FunctionType`, or nil for another kind.
    @inlinable @inline(__always) public func functionType(_ id: NodeID) -> FunctionType? {
        let node = self[id]
        guard node.kind == .funcType else { return nil }
        return FunctionType(id, node)
    }

    /// The node as a `InterfaceType`, or nil for another kind.
    @inlinable @inline(__always) public func interfaceType(_ id: NodeID) -> InterfaceType? {
        let node = self[id]
        guard node.kind == .interfaceType else { return nil }
        return InterfaceType(id, node, lists)
    }

    /// The node as a `MapType`, or nil for another kind.
    @inlinable @inline(__always) public func mapType(_ id: NodeID) -> MapType? {
        let node = self[id]
        guard node.kind == .mapType else { return nil }
        return MapType(id, node)
    }

    /// The node as a `ChannelType`, or nil for another kind.
    @inlinable @inline(__always) public func channelType(_ id: NodeID) -> ChannelType? {
        let node = self[id]
        guard node.kind == .chanType else { return nil }
        return ChannelType(id, node)
    }
}
