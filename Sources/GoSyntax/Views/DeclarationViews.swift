// Named views of declaration nodes and of the file.
// Each view is reached from the tree by the construct's name (`tree.call(id)`,
// `tree.assign(id)`) and is nil when the node is of another kind, so that
// `if let call = tree.call(id)` checks the kind and reads the parts at once.
// A view is the node's id and a copy of its 32 bytes: reading a part costs
// what reading the generic field it names did.

/// One import: `name "path"`.
public struct ImportSpec: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The local name identifier (`.`, `_` or a name), or `.none`.
    @inlinable public var name: NodeID { node.childA }

    /// The path `BasicLiteral`.
    @inlinable public var path: NodeID { node.childB }
}

/// One `const` or `var` line: `names type = values`.
public struct ValueSpec: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var names: NodeIDs { NodeIDs(lists, node.listAB) }

    /// `.none` when absent.
    @inlinable public var type: NodeID { node.childC }

    @inlinable public var values: NodeIDs { NodeIDs(lists, node.listDE) }
}

/// One type declaration: `name[typeParameters] type` or an alias `name = type`.
public struct TypeSpec: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    @inlinable public var name: NodeID { node.childA }

    /// A `FieldList`, or `.none`.
    @inlinable public var typeParameters: NodeID { node.childB }

    @inlinable public var type: NodeID { node.childC }

    @inlinable public var isAlias: Bool { node.flags & NodeFlags.isAlias != 0 }
}

/// An `import`, `const`, `type` or `var` declaration of one spec or a parenthesised group.
public struct GenericDeclaration: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    /// `.kwImport`, `.kwConst`, `.kwType` or `.kwVar`.
    @inlinable public var keyword: TokenKind { node.op }

    /// `ImportSpec`s, `ValueSpec`s or `TypeSpec`s.
    @inlinable public var specs: NodeIDs { NodeIDs(lists, node.listAB) }

    @inlinable public var isParenthesized: Bool { node.flags & NodeFlags.parenthesized != 0 }
}

/// A function or method declaration.
public struct FunctionDeclaration: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node

    @inlinable init(_ id: NodeID, _ node: Node) {
        self.id = id
        self.node = node
    }

    /// The receiver `FieldList`, or `.none` for a function.
    @inlinable public var receiver: NodeID { node.childA }

    @inlinable public var name: NodeID { node.childB }

    /// The `FunctionType`.
    @inlinable public var type: NodeID { node.childC }

    /// The body `BlockStatement`, or `.none` for a declaration without body.
    @inlinable public var body: NodeID { node.childD }
}

/// A whole file: its package clause and declarations.
public struct FileSyntax: Sendable {
    public let id: NodeID
    @usableFromInline let node: Node
    @usableFromInline let lists: [Int32]

    @inlinable init(_ id: NodeID, _ node: Node, _ lists: [Int32]) {
        self.id = id
        self.node = node
        self.lists = lists
    }

    @inlinable public var packageName: NodeID { node.childA }

    @inlinable public var declarations: NodeIDs { NodeIDs(lists, node.listBC) }
}

extension SyntaxTree {
    /// The node as a `ImportSpec`, or nil for another kind.
    @inlinable @inline(__always) public func importSpec(_ id: NodeID) -> ImportSpec? {
        let node = self[id]
        guard node.kind == .importSpec else { return nil }
        return ImportSpec(id, node)
    }

    /// The node as a `ValueSpec`, or nil for another kind.
    @inlinable @inline(__always) public func valueSpec(_ id: NodeID) -> ValueSpec? {
        let node = self[id]
        guard node.kind == .valueSpec else { return nil }
        return ValueSpec(id, node, lists)
    }

    /// The node as a `TypeSpec`, or nil for another kind.
    @inlinable @inline(__always) public func typeSpec(_ id: NodeID) -> TypeSpec? {
        let node = self[id]
        guard node.kind == .typeSpec else { return nil }
        return TypeSpec(id, node)
    }

    /// The node as a `GenericDeclaration`, or nil for another kind.
    @inlinable @inline(__always) public func genericDeclaration(_ id: NodeID) -> GenericDeclaration? {
        let node = self[id]
        guard node.kind == .genDecl else { return nil }
        return GenericDeclaration(id, node, lists)
    }

    /// The node as a `FunctionDeclaration`, or nil for another kind.
    @inlinable @inline(__always) public func functionDeclaration(_ id: NodeID) -> FunctionDeclaration? {
        let node = self[id]
        guard node.kind == .funcDecl else { return nil }
        return FunctionDeclaration(id, node)
    }

    /// The node as a `FileSyntax`, or nil for another kind.
    @inlinable @inline(__always) public func fileSyntax(_ id: NodeID) -> FileSyntax? {
        let node = self[id]
        guard node.kind == .file else { return nil }
        return FileSyntax(id, node, lists)
    }
}
