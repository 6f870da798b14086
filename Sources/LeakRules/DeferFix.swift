import GoSyntax
import LeakAnalysis

/// The suggested fix "release it right after acquiring it": a `defer` line
/// (`defer f.Close()`, `defer cancel()`, `defer t.Stop()`) after the
/// statement that acquired the value, or after the `if err != nil { ... }`
/// check that follows it.
///
/// Offered only where that line is correct code: the statement is one of a
/// block's statements, outside any loop (a defer there would pile up); the
/// value is checked for an error first when the call returns one; and the
/// value stays this function's — never assigned again, returned, handed to
/// other code or captured by a function literal, so releasing it when the
/// function returns cannot pull it from under someone else.
enum DeferFix {
    /// The fix, or nil where it would not be correct.
    ///
    /// - Parameters:
    ///   - statement: the statement binding the acquired value.
    ///   - call: the deferred call, e.g. `f.Close()`.
    ///   - checksError: whether the last name bound by `statement` is an
    ///     error that must be checked before the value can be used.
    ///   - variable: the declaring identifier of the acquired value.
    ///   - keepsOwnership: whether a reference (outside `statement`) leaves
    ///     the value with this function: reading or releasing it does,
    ///     handing it off does not.
    static func after(
        _ statement: NodeID, deferring call: String, checksError: Bool, variable: NodeID,
        keepsOwnership: (ReferenceUse) -> Bool, _ context: RuleContext
    ) -> SuggestedFix? {
        let tree = context.tree
        guard let (statements, index) = position(of: statement, context), context.enclosingLoop(of: statement) == nil,
            staysLocal(variable, definedBy: statement, keepsOwnership: keepsOwnership, context)
        else { return nil }
        var anchor = statement
        if checksError {
            // After `if err != nil { return ... }`, past earlier checks of particular
            // errors (`if errors.Is(err, fs.ErrNotExist) { return nil }`).
            guard let error = boundError(of: statement, context) else { return nil }
            var check: NodeID?
            for next in statements[(index + 1)...] {
                guard let kind = errorCheck(next, error: error, context) else { return nil }
                if kind == .anyError {
                    check = next
                    break
                }
            }
            guard let check else { return nil }
            anchor = check
        }
        guard let insertion = LineInsertion(after: tree[anchor].end, in: tree.source) else { return nil }
        let indentation = LineInsertion.indentation(ofStatementAt: tree[statement].start, in: tree.source)
        return SuggestedFix(message: "defer \(call)", edits: [insertion.edit("defer \(call)", indentation: indentation)])
    }

    /// The statement list holding `statement` and its index there; nil when
    /// it is not directly a block's (or a case's) statement.
    static func position(of statement: NodeID, _ context: RuleContext) -> (NodeIDs, Int)? {
        let tree = context.tree
        let container = context.file.parents[statement]
        // The comm statement itself (`case v := <-ch:`) is not one of the body's statements.
        if tree.commClause(container)?.communication == statement { return nil }
        guard let list = tree.statements(of: container), let index = context.index(of: statement, in: list) else { return nil }
        return (list, index)
    }

    /// The names `statement` assigns or declares (`f, err := ...`, `var f, err = ...`).
    static func boundNames(of statement: NodeID, _ context: RuleContext) -> NodeIDs {
        let tree = context.tree
        if let assign = tree.assign(statement) { return assign.lhs }
        guard let declaration = tree.declarationStatement(statement),
            let spec = tree.genericDeclaration(declaration.declaration)?.specs.single,
            let values = tree.valueSpec(spec)
        else { return .empty }
        return values.names
    }

    /// The declaring identifier of the error `statement` binds last (`f, err := ...`).
    static func boundError(of statement: NodeID, _ context: RuleContext) -> NodeID? {
        let tree = context.tree
        let names = boundNames(of: statement, context)
        guard names.count >= 2, let last = names.last, tree.isNamedIdentifier(last) else { return nil }
        return context.file.resolution.declaringName(of: last)
    }

    /// Which errors an `if` that leaves the block (no init, no else, a body
    /// that never falls through) checks for.
    enum ErrorCheck { case anyError, particularError }

    /// `if err != nil { ...; return }` (any error), or another leaving `if`
    /// whose condition reads the error (`errors.Is(err, fs.ErrNotExist)`); nil for other statements.
    static func errorCheck(_ statement: NodeID, error: NodeID, _ context: RuleContext) -> ErrorCheck? {
        let tree = context.tree
        guard let check = tree.ifStatement(statement), !check.initializer.exists, !check.elseBranch.exists, leaves(check.body, context)
        else { return nil }
        if let comparison = tree.binary(check.condition), comparison.operator == .neq {
            let (left, right) = (comparison.left, comparison.right)
            let operand = isNil(right, tree) ? left : right
            let other = operand == left ? right : left
            if isNil(other, tree), tree.kind(operand) == .ident, context.file.resolution.declaringName(of: operand) == error {
                return .anyError
            }
        }
        var readsError = false
        tree.walk(from: check.condition) { id in
            if tree.kind(id) == .ident && context.file.resolution.declaringName(of: id) == error { readsError = true }
            return !readsError && tree.kind(id) != .funcLit
        }
        return readsError ? .particularError : nil
    }

    /// Whether `id` is the identifier `nil`.
    static func isNil(_ id: NodeID, _ tree: SyntaxTree) -> Bool {
        tree.kind(id) == .ident && tree.spells(id, "nil")
    }

    /// Whether a block never falls through: its last statement returns,
    /// branches, or calls something that does not return.
    static func leaves(_ block: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard let last = tree.block(block)?.statements.last else { return false }
        if tree.kind(last) == .returnStmt { return true }
        if let branch = tree.branch(last) { return branch.keyword != .kwFallthrough }
        if let expression = tree.expressionStatement(last) { return NoReturnCalls.neverReturns(expression.expression, in: context) }
        return false
    }

    /// Whether `node` is part of a `go` statement (`go io.Copy(w, f)` reads
    /// `f` after the function may have returned).
    static func inGoStatement(_ node: NodeID, _ context: RuleContext) -> Bool {
        var current = context.file.parents[node]
        while current.exists {
            switch context.tree.kind(current) {
            case .goStmt: return true
            case .funcLit, .funcDecl, .blockStmt: return false
            default: current = context.file.parents[current]
            }
        }
        return false
    }

    /// Whether every reference to `variable` (but its declaration and those in `statement`) keeps the
    /// value with this function: no other assignment to it, no use inside a
    /// function literal or a `go` statement, and none that `keepsOwnership` rejects.
    static func staysLocal(
        _ variable: NodeID, definedBy statement: NodeID, keepsOwnership: (ReferenceUse) -> Bool, _ context: RuleContext
    ) -> Bool {
        let tree = context.tree
        let file = context.file
        let function = file.resolution.function(containing: statement)
        let range = tree[statement]
        for reference in file.resolution.references(to: variable) where reference != variable {
            let start = tree[reference].start
            if start >= range.start && start < range.end { continue }
            if file.resolution.function(containing: reference) != function || inGoStatement(reference, context) { return false }
            let use = ReferenceUse(reference: reference, tree: tree, parents: file.parents)
            if use.context == .assignedTo { return false }
            if case .assignedFrom(let target) = use.context, tree.kind(target) == .ident, tree.spells(target, "_") { continue }
            if !keepsOwnership(use) { return false }
        }
        return true
    }
}
