import GoSyntax
import LeakAnalysis

/// `unclosed-body`: an `*http.Response` whose `Body` is not closed on every
/// path where the request succeeded. The transport cannot reuse the
/// connection, and keeps its goroutines and buffers, until the body is
/// closed.
enum UnclosedBodyRule {
    static let id = "unclosed-body"

    static let rule = Rule(
        id: id, title: "http response body not closed on every path", severity: .warning, kinds: [.call]
    ) { call, context in check(call, context) }

    static let response = GoType.pointer(.named(package: "net/http", name: "Response"))

    /// Functions that read from or write to a value without taking it over:
    /// passing `resp.Body` (or a file, a connection...) to them is a use,
    /// not a hand-off. (import path, name) -> argument index (-1: any).
    /// A view of `StandardLibraryBorrowing`, which holds the whole table.
    static let readers = StandardLibraryBorrowing.readerPositions

    /// Callee names that can return a response: the client API, and the
    /// package's own functions and methods declared to return one.
    static func mayReturnResponse(_ call: CallExpression, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard let name = genericCalleeName(call, tree) else { return false }
        if tree.spells(name, "Get") || tree.spells(name, "Do") || tree.spells(name, "Post") || tree.spells(name, "Head")
            || tree.spells(name, "PostForm") || tree.spells(name, "RoundTrip") {
            return true
        }
        return context.package.scope.responseReturningNames.contains(tree.text(name))
    }

    /// The name a call invokes, looking through parentheses and type
    /// arguments: `Get` in `c.Get(u)`, `fetch` in `fetch[T](u)`; nil when
    /// the callee is another expression.
    static func genericCalleeName(_ call: CallExpression, _ tree: SyntaxTree) -> NodeID? {
        let function = tree.innermostOperand(of: call.function, through: [.parentheses, .indexes, .instantiations])
        if tree.kind(function) == .ident { return function }
        return tree.selector(function)?.name
    }

    static func check(_ id: NodeID, _ context: RuleContext) {
        guard let call = context.tree.call(id), mayReturnResponse(call, context), let results = context.types.resultTypes(of: id),
            results.first == response
        else { return }
        switch ResourceTracking.binding(of: id, resultCount: results.count, context) {
        case .discarded:
            let callee = ResourceTracking.calleeText(call, context)
            context.report(
                id, "the response from \(callee) is discarded, so its body is never closed: the connection cannot be reused")
        case .elsewhere:
            return
        case .local(let variable, _, let error, let statement):
            guard
                let verdict = ResourceTracking.leakPath(
                    variable: variable, error: error, statement: statement, context,
                    prune: { edge in nothingToClose(edge, response: variable, context) },
                    effect: { effect(of: $0, context) })
            else { return }
            let name = context.tree.text(variable)
            let how = verdict.releasedSomewhere ? "is not closed on every path" : "is never closed"
            let witness = ResourceTracking.witnessLocation(
                verdict, context,
                verdict.witness == verdict.graph.body
                    ? "the end of the function is reached with \(name).Body open"
                    : "this return leaves \(name).Body open")
            let fix = DeferFix.after(
                statement, deferring: "\(name).Body.Close()", checksError: results.count >= 2, variable: variable,
                keepsOwnership: { effect(of: $0, context) != .handOff }, context)
            context.report(
                id,
                "\(name).Body \(how): the connection cannot be reused; defer \(name).Body.Close() after checking the error",
                related: [witness], fix: fix)
        }
    }

    /// Branches on which there is no body to close: `res != nil && res.Body
    /// != nil` false, and its `||`/`==` mirror true. (Branches where the
    /// call's error says it failed are pruned by `ResourceTracking` for every rule.)
    static func nothingToClose(_ edge: ControlFlowGraph.Edge, response: NodeID, _ context: RuleContext) -> Bool {
        guard edge.condition.exists else { return false }
        let tree = context.tree
        guard let condition = tree.binary(edge.condition), condition.operator == .land || condition.operator == .lor else { return false }
        // Every operand says "there is a body" (for &&) or "there is none" (for ||).
        let operands = flatten(edge.condition, op: condition.operator, tree)
        let wantsNonNil = condition.operator == .land
        guard operands.allSatisfy({ isPresenceCheck($0, response: response, nonNil: wantsNonNil, context) }) else { return false }
        return edge.whenTrue != wantsNonNil
    }

    static func flatten(_ node: NodeID, op: TokenKind, _ tree: SyntaxTree) -> [NodeID] {
        var result: [NodeID] = []
        var stack = [node]
        while let current = stack.popLast() {
            if let binary = tree.binary(current), binary.operator == op {
                stack.append(binary.right)
                stack.append(binary.left)
            } else if let paren = tree.paren(current) {
                stack.append(paren.inner)
            } else {
                result.append(current)
            }
        }
        return result
    }

    /// `res != nil` / `res.Body != nil` (or `== nil` when `nonNil` is false).
    static func isPresenceCheck(_ node: NodeID, response: NodeID, nonNil: Bool, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard let comparison = tree.binary(node), comparison.operator == (nonNil ? .neq : .eql),
            tree.isNilIdentifier(comparison.right)
        else { return false }
        var base = comparison.left
        if let selector = tree.selector(base), tree.spells(selector.name, "Body") { base = selector.base }
        return tree.kind(base) == .ident && context.file.resolution.declaringName(of: base) == response
    }

    static func effect(of use: ReferenceUse, _ context: RuleContext) -> ResourceTracking.Effect {
        guard let first = use.path.first else {
            switch use.context {
            case .compared: return .read
            case .argument(let call, let index):
                return ResourceTracking.standardLibraryEffect(ofArgument: index, in: call, context) ?? .handOff
            default: return .handOff
            }
        }
        if first != "Body" { return .read }
        if use.path.count >= 2 {
            if use.path[1] == "Close", case .called = use.context { return .release }
            return use.path[1] == "Close" ? .handOff : .read
        }
        switch use.context {
        case .compared:
            return .read
        case .argument(let call, let index):
            return ResourceTracking.standardLibraryEffect(ofArgument: index, in: call, context) ?? .handOff
        default:
            return .handOff
        }
    }

    /// Whether argument `argument` of `call` stays the caller's to release:
    /// the standard-library callee only reads it or wraps it without closing it.
    static func isReader(_ call: NodeID, argument: Int, _ context: RuleContext) -> Bool {
        let use = ResourceTracking.standardLibraryUse(ofArgument: argument, in: call, context)
        return use == .reads || use == .wraps
    }
}
