import GoSyntax
import LeakAnalysis

/// `cmd.Start()` without `cmd.Wait()` on every path where it started: the
/// child becomes a zombie and its pipes stay open. Part of `unclosed-resource`.
enum CommandWaitCheck {
    static let command = GoType.pointer(.named(package: "os/exec", name: "Cmd"))

    /// `call` is `receiver.Start()`, its callee the selector `method`.
    static func check(_ call: CallExpression, method: SelectorExpression, _ context: RuleContext) {
        let tree = context.tree
        let parents = context.file.parents
        let receiver = method.base
        guard call.arguments.isEmpty, tree.kind(receiver) == .ident, context.types.type(of: receiver) == command,
            let declaration = context.file.resolution.local(for: receiver),
            declaration.function == context.file.resolution.function(containing: call.id)
        else { return }
        // Where the start happens, and how its failure is recognised.
        let statement = parents[call.id]
        var error: NodeID?
        var failedCondition = NodeID.none
        var failsWhenTrue = false
        switch tree.kind(statement) {
        case .exprStmt:
            break
        case .assignStmt:
            guard let assign = tree.assign(statement), let target = assign.lhs.single, assign.rhs.count == 1 else { return }
            if tree.kind(target) == .ident { error = context.file.resolution.declaringName(of: target) }
        case .binary:
            guard let comparison = tree.binary(statement), comparison.operator == .neq || comparison.operator == .eql else { return }
            failedCondition = statement
            failsWhenTrue = comparison.operator == .neq
        default:
            return
        }
        let name = tree.text(receiver)
        guard
            let verdict = ResourceTracking.leakPath(
                variable: declaration.name, error: error, statement: statement, context, effectName: "Wait",
                prune: { edge in
                    // `if cmd.Start() != nil {` true (or `== nil` false): it did not start.
                    guard failedCondition.exists, edge.condition == failedCondition else { return false }
                    return failsWhenTrue == edge.whenTrue
                },
                effect: { use in
                    guard let first = use.path.first else { return use.context == .compared ? .read : .handOff }
                    if first == "Wait" {
                        if case .called = use.context { return .release }
                        return .handOff
                    }
                    return .read
                })
        else { return }
        let witness = ResourceTracking.witnessLocation(
            verdict, context, verdict.witness == verdict.graph.body ? "the end of the function is reached before \(name).Wait()" : "this return skips \(name).Wait()")
        context.report(
            call.id,
            "\(name) is started but not waited for on every path: the child process becomes a zombie and its pipes leak; call \(name).Wait()",
            related: [witness])
    }
}

/// `signal.Notify(ch, ...)` in a function that returns without
/// `signal.Stop(ch)`: the channel stays registered and keeps receiving.
/// Part of `unclosed-resource`.
enum SignalStopCheck {
    static func check(_ call: CallExpression, _ context: RuleContext) {
        let tree = context.tree
        guard let (path, name) = context.types.qualifiedName(call.function), path == "os/signal", name == "Notify",
            let notify = tree.selector(call.function),
            let channel = call.arguments.first, tree.kind(channel) == .ident,
            let declaration = context.file.resolution.local(for: channel)
        else { return }
        let function = context.file.resolution.function(containing: call.id)
        guard declaration.function == function, !LostCancelRule.isMainFunction(function, context),
            !isExampleFunction(function, context)
        else { return }
        let notifyStatement = context.file.parents[call.id]
        guard tree.kind(notifyStatement) == .exprStmt else { return }
        let statement = notifyStatement
        let channelName = tree.text(channel)
        guard
            let verdict = ResourceTracking.leakPath(
                variable: declaration.name, error: nil, statement: statement, context, effectName: "signal.Stop",
                effect: { use in
                    switch use.context {
                    case .received, .ranged, .compared:
                        return .read
                    case .argument(let other, _):
                        if let (otherPath, otherName) = context.qualifiedCallee(of: other), otherPath == "os/signal" {
                            return otherName == "Stop" ? .release : .read
                        }
                        return .handOff
                    default:
                        return use.path.isEmpty ? .handOff : .read
                    }
                })
        else { return }
        let witness = ResourceTracking.witnessLocation(
            verdict, context, verdict.witness == verdict.graph.body ? "the end of the function is reached with \(channelName) registered" : "this return leaves \(channelName) registered")
        let package = tree.text(notify.base)
        let fix = DeferFix.after(
            statement, deferring: "\(package).Stop(\(channelName))", checksError: false, variable: declaration.name,
            keepsOwnership: { use in
                switch use.context {
                case .received, .ranged, .compared: return true
                case .argument(let other, _): return context.qualifiedCallee(of: other)?.0 == "os/signal"
                default: return !use.path.isEmpty
                }
            }, context)
        context.report(
            call.id,
            "signal.Notify is not undone with signal.Stop: the channel stays registered after this function returns; defer signal.Stop(\(channelName))",
            leak: declaration.name, alsoHere: "\(channelName) is also registered here", related: [witness], fix: fix)
    }

    /// `func ExampleX()` in a `_test.go` file: runnable documentation that, like
    /// `main`, ends with the program.
    static func isExampleFunction(_ function: NodeID, _ context: RuleContext) -> Bool {
        guard let declaration = context.tree.functionDeclaration(function), context.file.path.hasSuffix("_test.go") else { return false }
        return context.tree.text(declaration.name).hasPrefix("Example")
    }
}
