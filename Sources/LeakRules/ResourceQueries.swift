import GoSyntax

/// Syntax questions that the rules about released values and goroutine
/// channels ask in several places, answered once so that each reads the
/// same everywhere.
extension SyntaxTree {
    /// The callee of a call when it is written `base.name` directly:
    /// `os.Open` in `os.Open(p)`, `cmd.Start` in `cmd.Start()`. Unlike
    /// `calledSelector`, parentheses around the callee are not looked
    /// through: `(os.Open)(p)` has no selector callee.
    func selectorCallee(_ call: CallExpression) -> SelectorExpression? {
        selector(call.function)
    }

    /// Whether `id` is the identifier `nil`.
    func isNilIdentifier(_ id: NodeID) -> Bool {
        kind(id) == .ident && spells(id, "nil")
    }

    /// Whether `parent`, the parent of `reference`, receives from it:
    /// `<-reference`, or `for range reference`.
    @inline(__always) func receives(from reference: NodeID, parent: NodeID) -> Bool {
        isReceive(parent) || range(parent)?.expression == reference
    }
}

extension RuleContext {
    /// The package function a call invokes, `("os", "Open")` for
    /// `os.Open(p)`; nil for a method, a local function, or a node that is
    /// not a call.
    func qualifiedCallee(of call: NodeID) -> (package: String, name: String)? {
        guard let call = tree.call(call) else { return nil }
        return types.qualifiedName(call.function)
    }
}
