/// A reference to one node of a `SyntaxTree`: an index into its node array.
///
/// Index 0 is reserved for "no node", so optional children need no `Optional`.
public struct NodeID: Hashable, Sendable, Comparable {
    public let index: Int32
    @inlinable public init(_ index: Int32) { self.index = index }
    public static let none = NodeID(0)
    @inlinable public var isNone: Bool { index == 0 }
    @inlinable public var exists: Bool { index != 0 }
    @inlinable public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// A run of node ids stored contiguously in `SyntaxTree.lists`: the storage
/// behind `NodeIDs`, internal like the payload fields that hold it.
@usableFromInline struct NodeList: Sendable, Equatable {
    @usableFromInline var start: Int32
    @usableFromInline var count: Int32
    @usableFromInline static let empty = NodeList(start: 0, count: 0)
    @inlinable init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }
    @inlinable var isEmpty: Bool { count == 0 }
}

/// Every kind of node in a Go syntax tree.
///
/// The payload of each kind lives in the generic fields `a`...`e` of `Node`,
/// internal to this module: everything else reads it through the named views
/// in `Views/`. The comment on each case says which field holds what (`list(a,b)` is a
/// `NodeList` starting at `a` with `b` elements). Types are expressions, as in
/// `go/ast`: a pointer type is a `star`, `Pair[K, V]` an `indexList`, and a
/// union `~int | string` a `binary` with `|` of a `unary` with `~`.
public enum NodeKind: UInt8, Sendable, CaseIterable {
    case invalid  // index 0 only

    // MARK: Expressions
    case badExpr  // unparsable expression; range only
    case ident  // name = source range
    case basicLit  // op = literal token kind
    case compositeLit  // a = type (may be none), list(b,c) = elements
    case funcLit  // a = funcType, b = body block
    case paren  // a = inner
    case selector  // a = operand, b = selected ident
    case index  // a = operand, b = index
    case indexList  // a = operand, list(b,c) = indices (type arguments)
    case slice  // a = operand, b = low, c = high, d = max; flags & slice3
    case typeAssert  // a = operand, b = type (none for `.(type)`)
    case call  // a = function, list(b,c) = arguments; flags & hasEllipsis
    case star  // a = operand (dereference or pointer type)
    case unary  // op = operator, a = operand
    case binary  // op = operator, a = left, b = right, c = operator offset
    case keyValue  // a = key, b = value
    case ellipsis  // a = element type (may be none: `[...]T` length)

    // MARK: Types
    case arrayType  // a = length (none for a slice, `ellipsis` for `[...]T`), b = element
    case structType  // list(a,b) = fields
    case field  // list(a,b) = names, c = type, d = tag (basicLit or none)
    case fieldList  // list(a,b) = fields; brackets are the node's range
    case funcType  // a = type params fieldList (or none), b = params fieldList, c = results fieldList (or none)
    case interfaceType  // list(a,b) = elements: methods (field with name and funcType) and embedded types (field without names)
    case mapType  // a = key, b = value
    case chanType  // flags: chanSend / chanRecv / both; a = element type

    // MARK: Statements
    case badStmt
    case declStmt  // a = genDecl
    case emptyStmt  // flags & implicit when there is no `;` in the source
    case labeledStmt  // a = label ident, b = statement
    case exprStmt  // a = expression
    case sendStmt  // a = channel, b = value
    case incDecStmt  // op = ++ or --, a = operand
    case assignStmt  // op = `=`, `:=` or op-assign, list(a,b) = lhs, list(c,d) = rhs
    case goStmt  // a = call
    case deferStmt  // a = call
    case returnStmt  // list(a,b) = results
    case branchStmt  // op = break/continue/goto/fallthrough keyword, a = label (or none)
    case blockStmt  // list(a,b) = statements
    case ifStmt  // a = init, b = condition, c = body block, d = else (ifStmt or blockStmt or none)
    case caseClause  // list(a,b) = expressions (empty for default), list(c,d) = body; flags & isDefault
    case switchStmt  // a = init, b = tag, c = body block of caseClauses
    case typeSwitchStmt  // a = init, b = `x := y.(type)` assign or `y.(type)` exprStmt, c = body
    case commClause  // a = send/receive statement (none for default), list(b,c) = body
    case selectStmt  // a = body block of commClauses
    case forStmt  // a = init, b = condition, c = post, d = body
    case rangeStmt  // op = `:=`, `=` or illegal (no variables), a = key, b = value, c = ranged expression, d = body

    // MARK: Declarations
    case badDecl
    case importSpec  // a = local name ident (none, `.` or `_` as ident), b = path basicLit
    case valueSpec  // list(a,b) = names, c = type, list(d,e) = values
    case typeSpec  // a = name, b = type params fieldList (or none), c = type; flags & isAlias
    case genDecl  // op = import/const/type/var keyword, list(a,b) = specs; flags & parenthesized
    case funcDecl  // a = receiver fieldList (or none), b = name, c = funcType, d = body (or none)
    case file  // a = package name ident, list(b,c) = declarations
}

/// One node: a kind, an optional operator, flags, its byte range and up to
/// five payload fields whose meaning depends on the kind (see `NodeKind`).
/// Outside this module only the kind and the byte range are visible; the
/// parts are read through the named views (`tree.call(id)`...).
///
/// Thirty-two bytes, stored by value in one array per tree: no allocation or
/// reference counting per node.
public struct Node: Sendable, Equatable {
    public internal(set) var kind: NodeKind
    @usableFromInline var op: TokenKind
    @usableFromInline var flags: UInt16
    public internal(set) var start: Int32
    public internal(set) var end: Int32
    @usableFromInline var a: Int32
    @usableFromInline var b: Int32
    @usableFromInline var c: Int32
    @usableFromInline var d: Int32
    @usableFromInline var e: Int32

    init(
        kind: NodeKind, op: TokenKind = .illegal, flags: UInt16 = 0, start: Int32, end: Int32,
        a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0, e: Int32 = 0
    ) {
        self.kind = kind
        self.op = op
        self.flags = flags
        self.start = start
        self.end = end
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
    }

    @inlinable var childA: NodeID { NodeID(a) }
    @inlinable var childB: NodeID { NodeID(b) }
    @inlinable var childC: NodeID { NodeID(c) }
    @inlinable var childD: NodeID { NodeID(d) }
    @inlinable var listAB: NodeList { NodeList(start: a, count: b) }
    @inlinable var listBC: NodeList { NodeList(start: b, count: c) }
    @inlinable var listCD: NodeList { NodeList(start: c, count: d) }
    @inlinable var listDE: NodeList { NodeList(start: d, count: e) }
}

/// Bits of `Node.flags`.
@usableFromInline enum NodeFlags {
    @usableFromInline static let hasEllipsis: UInt16 = 1 << 0  // call: `f(xs...)`
    @usableFromInline static let slice3: UInt16 = 1 << 1  // slice: `a[i:j:k]`
    @usableFromInline static let isDefault: UInt16 = 1 << 2  // caseClause: `default:`
    @usableFromInline static let isAlias: UInt16 = 1 << 3  // typeSpec: `type A = B`
    @usableFromInline static let parenthesized: UInt16 = 1 << 4  // genDecl: `var ( ... )`
    @usableFromInline static let chanSend: UInt16 = 1 << 5  // chanType: can send
    @usableFromInline static let chanRecv: UInt16 = 1 << 6  // chanType: can receive
    @usableFromInline static let implicit: UInt16 = 1 << 7  // emptyStmt without `;` in the source
}

/// A parsed Go file: its bytes, the node arena, comment ranges and errors.
///
/// Value type, immutable after parsing, safe to share across threads.
public struct SyntaxTree: Sendable {
    public let source: [UInt8]
    public internal(set) var nodes: [Node]
    /// Storage for every `NodeList`: node indices, contiguous per list.
    @usableFromInline var lists: [Int32]
    public internal(set) var comments: [CommentRange]
    /// Lexical and syntax errors, sorted by offset, at most one per line.
    public internal(set) var errors: [SyntaxError]
    /// The `file` node.
    public internal(set) var root: NodeID

    @inlinable public subscript(id: NodeID) -> Node { nodes[Int(id.index)] }

    @inlinable public func kind(_ id: NodeID) -> NodeKind { nodes[Int(id.index)].kind }

    /// The node ids of a list, in source order.
    @inlinable func ids(_ list: NodeList) -> LazyMapSequence<ArraySlice<Int32>, NodeID> {
        lists[Int(list.start)..<Int(list.start + list.count)].lazy.map { NodeID($0) }
    }

    /// The `index`-th node of a list.
    @inlinable func id(_ list: NodeList, _ index: Int) -> NodeID { NodeID(lists[Int(list.start) + index]) }

    /// The source bytes a node covers.
    @inlinable public func bytes(_ id: NodeID) -> ArraySlice<UInt8> {
        let node = self[id]
        return source[Int(node.start)..<Int(node.end)]
    }

    /// The source text a node covers (allocates; for printing and tests).
    public func text(_ id: NodeID) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    /// Whether identifier (or any node) `id` spells exactly `name`.
    @inlinable public func spells(_ id: NodeID, _ name: StaticString) -> Bool {
        let node = self[id]
        let length = Int(node.end - node.start)
        guard length == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        for offset in 0..<length where source[Int(node.start) + offset] != pointer[offset] { return false }
        return true
    }

    /// Builds the table that turns this file's offsets into line:column.
    public func makeLineTable() -> LineTable { LineTable(source: source) }
}
