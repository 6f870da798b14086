import GoSyntax
import LeakAnalysis

/// `unclosed-resource`: files, database rows/statements/transactions/
/// connections, sockets, test servers, decompressors (from `ResourceTable`,
/// plus resources a project declares in `.leaklint.json`), a started
/// command never waited for, and `signal.Notify` never undone — each
/// opened and not released on some path where it was acquired.
enum UnclosedResourceRule {
    static let id = "unclosed-resource"

    static let rule = Rule(
        id: id, title: "resource opened and not released on every path", severity: .warning, kinds: [.call]
    ) { call, context in check(call, context) }

    static func check(_ id: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard let call = tree.call(id), let function = tree.selectorCallee(call) else { return }
        if tree.spells(function.name, "Start") {
            CommandWaitCheck.check(call, method: function, context)
            return
        }
        if tree.spells(function.name, "Notify") {
            SignalStopCheck.check(call, context)
            return
        }
        guard let (kind, message) = resource(createdBy: function, context) else { return }
        let callee = tree.text(function.id)
        switch ResourceTracking.binding(of: id, resultCount: nil, context) {
        case .elsewhere:
            return
        case .discarded:
            let what = message ?? "\(kind.whatLeaks)"
            context.report(id, "the \(kind.noun) from \(callee) is discarded, so it is never \(kind.verb): \(what)")
        case .local(let variable, _, let error, let statement):
            guard
                let verdict = ResourceTracking.leakPath(
                    variable: variable, error: error, statement: statement, context,
                    effectName: kind.releases.joined(separator: ","),
                    effect: { effect(of: $0, kind: kind, context) })
            else { return }
            let name = tree.text(variable)
            let release = kind.releases.first ?? "Close"
            let witness = ResourceTracking.witnessLocation(
                verdict, context,
                verdict.witness == verdict.graph.body
                    ? "the end of the function is reached with \(name) open" : "this return leaves \(name) open")
            // Only the resources leaklint knows: a declared release method may need arguments.
            let deferred = kind == ResourceTable.transaction ? "Rollback" : release
            let fix = message != nil ? nil : DeferFix.after(
                statement, deferring: "\(name).\(deferred)()", checksError: DeferFix.boundNames(of: statement, context).count >= 2,
                variable: variable, keepsOwnership: { effect(of: $0, kind: kind, context) != .handOff }, context)
            if kind == ResourceTable.transaction {
                context.report(
                    id,
                    "\(name) is neither committed nor rolled back on every path: \(kind.whatLeaks); defer \(name).Rollback() after checking the error",
                    related: [witness], fix: fix)
                return
            }
            let verb = message == nil ? kind.verb : "released"
            let how = verdict.releasedSomewhere ? "is not \(verb) on every path" : "is never \(verb)"
            context.report(
                id, "\(name) \(how): \(message ?? kind.whatLeaks); defer \(name).\(release)() after checking the error",
                related: [witness], fix: fix)
        }
    }

    /// The kind of resource a call of `function` creates (and a user-declared message), if any.
    static func resource(createdBy function: SelectorExpression, _ context: RuleContext) -> (ResourceKind, String?)? {
        let name = context.tree.text(function.name)
        if let (path, _) = context.types.qualifiedName(function.id) {
            if let kind = ResourceTable.functions[path]?[name] { return (kind, nil) }
            if let custom = context.configuration.resource(package: path, function: name, receiver: nil) {
                return (custom.kind, custom.message)
            }
            return nil
        }
        guard let receiver = context.types.type(of: function.base), case .named(let path, let typeName) = receiver.dereferenced
        else { return nil }
        if let kind = ResourceTable.methods[path + "." + typeName]?[name] { return (kind, nil) }
        if let custom = context.configuration.resource(package: path, function: name, receiver: typeName) {
            return (custom.kind, custom.message)
        }
        return nil
    }

    static func effect(of use: ReferenceUse, kind: ResourceKind, _ context: RuleContext) -> ResourceTracking.Effect {
        guard let first = use.path.first else {
            switch use.context {
            case .compared: return .read
            case .argument(let call, let index):
                return ResourceTracking.standardLibraryEffect(ofArgument: index, in: call, context) ?? .handOff
            default: return .handOff
            }
        }
        if kind.releases.contains(first) {
            if case .called = use.context { return .release }
            return .handOff
        }
        return .read
    }
}
