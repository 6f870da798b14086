/// Questions about the syntax that analyses ask again and again, answered
/// in one place so that each reads the same everywhere.
extension SyntaxTree {
    /// The expression inside any number of parentheses.
    @inlinable @inline(__always) public func unparenthesized(_ id: NodeID) -> NodeID {
        var current = id
        while let paren = paren(current) { current = paren.inner }
        return current
    }

    /// The name a call invokes: `f` in `f(x)`, `Close` in `r.Body.Close()`
    /// (the identifier node), or `.none` when the callee is another
    /// expression (a call result, an index, a function literal).
    @inlinable @inline(__always) public func calleeName(_ call: CallExpression) -> NodeID {
        let function = unparenthesized(call.function)
        if kind(function) == .ident { return function }
        if let selector = selector(function) { return selector.name }
        return .none
    }

    /// The selector a call invokes, `base.name(...)`: a method call or a
    /// package-qualified function; nil for any other callee.
    @inlinable @inline(__always) public func calledSelector(_ call: CallExpression) -> SelectorExpression? {
        selector(unparenthesized(call.function))
    }

    /// Whether `id` is an identifier other than the blank `_`.
    @inlinable @inline(__always) public func isNamedIdentifier(_ id: NodeID) -> Bool {
        kind(id) == .ident && !spells(id, "_")
    }

    /// The one identifier assigned by `x = value` or `x := value` (one
    /// target, one value), or nil for any other shape.
    @inlinable @inline(__always) public func singleIdentifier(assignedBy assign: AssignStatement) -> NodeID? {
        guard let target = assign.lhs.single, assign.rhs.count == 1, kind(target) == .ident else { return nil }
        return target
    }

    /// Whether `id` is a receive, `<-channel`.
    @inlinable @inline(__always) public func isReceive(_ id: NodeID) -> Bool {
        unary(id)?.operator == .arrow
    }

    /// The statements directly inside a statement list holder: a block, a
    /// `case` or `default` clause of a switch, or a clause of a select; nil
    /// for any other node.
    @inlinable @inline(__always) public func statements(of container: NodeID) -> NodeIDs? {
        if let block = block(container) { return block.statements }
        if let clause = caseClause(container) { return clause.body }
        if let clause = commClause(container) { return clause.body }
        return nil
    }

    /// The body of a `for` or `for range` loop, or nil for another kind.
    @inlinable @inline(__always) public func loopBody(_ id: NodeID) -> NodeID? {
        if let loop = forStatement(id) { return loop.body }
        if let loop = range(id) { return loop.body }
        return nil
    }
}

/// The expressions `SyntaxTree.innermostOperand(of:through:)` steps through
/// to reach the operand they wrap.
public struct OperandWrappers: OptionSet, Sendable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `(x)`.
    public static let parentheses = OperandWrappers(rawValue: 1 << 0)
    /// `*x`: a dereference or a pointer type.
    public static let stars = OperandWrappers(rawValue: 1 << 1)
    /// `x[i]`: an element, or an instantiation with one type argument.
    public static let indexes = OperandWrappers(rawValue: 1 << 2)
    /// `x[A, B]`: an instantiation with several type arguments.
    public static let instantiations = OperandWrappers(rawValue: 1 << 3)
    /// `x.f`.
    public static let selectors = OperandWrappers(rawValue: 1 << 4)
}

extension SyntaxTree {
    /// The operand inside any number of the given wrappers: `s` of
    /// `(*s).mu` through parentheses, stars and selectors; `T` of `*T[K, V]`
    /// through stars and instantiations. `id` itself when it is no such wrapper.
    @inlinable public func innermostOperand(of id: NodeID, through wrappers: OperandWrappers) -> NodeID {
        var current = id
        while true {
            if wrappers.contains(.parentheses), let paren = paren(current) {
                current = paren.inner
            } else if wrappers.contains(.stars), let star = star(current) {
                current = star.operand
            } else if wrappers.contains(.indexes), let index = index(current) {
                current = index.base
            } else if wrappers.contains(.instantiations), let instantiation = indexList(current) {
                current = instantiation.base
            } else if wrappers.contains(.selectors), let selector = selector(current) {
                current = selector.base
            } else {
                return current
            }
        }
    }
}
