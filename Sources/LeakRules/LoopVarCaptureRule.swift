import GoSyntax
import LeakAnalysis

/// `loop-var-capture`: before Go 1.22 a loop has one iteration variable for
/// all iterations. A function literal that runs after its iteration ends
/// (a goroutine, a deferred call, a function handed to `g.Go` or to a
/// parallel `t.Run`) sees whatever value the variable has by then, and
/// `&v` stored beyond the iteration aliases every other iteration's.
///
/// One finding per loop variable, at its first captured reference (or
/// stored address); the other places are its related locations.
enum LoopVarCaptureRule {
    static let id = "loop-var-capture"

    static let rule = Rule(
        id: id, title: "loop variable captured by a function that outlives the iteration", severity: .warning,
        kinds: [.rangeStmt, .forStmt]
    ) { loop, context in check(loop, context) }

    static func check(_ loop: NodeID, _ context: RuleContext) {
        guard context.file.version < .loopVariablePerIteration else { return }
        let tree = context.tree
        var variables: [NodeID] = []
        if let range = tree.range(loop) {
            guard range.isDefine else { return }
            variables = [range.key, range.value].filter { tree.isNamedIdentifier($0) }
        } else if let header = tree.forStatement(loop), let initializer = tree.assign(header.initializer), initializer.isDefine {
            variables = initializer.lhs.filter { tree.isNamedIdentifier($0) }
        }
        let declared = variables.filter { context.file.resolution.local(for: $0)?.name == $0 }
        guard !declared.isEmpty else { return }
        guard let statements = tree.loopBody(loop).flatMap({ tree.block($0)?.statements }) else { return }
        // Whether a statement after each one waits: one walk of the body, however many
        // closures it launches, made only when one is launched.
        var laterWaits: [Bool] = []
        func waitsAfter(_ index: Int) -> Bool {
            if laterWaits.isEmpty {
                laterWaits = [Bool](repeating: false, count: statements.count)
                var later = statements.count - 1
                while later > 0 {
                    context.work += 1
                    laterWaits[later - 1] = laterWaits[later] || waits(statements[later], context)
                    later -= 1
                }
            }
            return laterWaits[index]
        }
        for (index, statement) in statements.enumerated() {
            checkStatement(statement, laterWaits: { waitsAfter(index) }, variables: declared, loop: loop, context)
        }
        checkAddresses(of: declared, loop: loop, context)
    }

    /// Finds closures launched by `statement` (anywhere inside it, but not
    /// inside other function literals) that outlive the iteration;
    /// `laterWaits` says whether a later statement of the iteration waits
    /// for launched work.
    static func checkStatement(
        _ statement: NodeID, laterWaits: () -> Bool, variables: [NodeID], loop: NodeID, _ context: RuleContext
    ) {
        let tree = context.tree
        tree.walk(from: statement) { id in
            let node = tree[id]
            switch node.kind {
            case .funcLit:
                return false
            case .goStmt, .deferStmt:
                let launched = tree.goStatement(id)?.call ?? tree.deferStatement(id)?.call ?? .none
                guard let call = tree.call(launched) else { return false }
                let function = call.function
                if tree.kind(function) == .funcLit {
                    let goroutine = node.kind == .goStmt
                    if goroutine && laterWaits() { return false }
                    let message = goroutine
                        ? { (name: String) in "loop variable \(name) captured by a goroutine: all goroutines may see the last value (before Go 1.22); pass it as an argument or copy it with \(name) := \(name)" }
                        : { (name: String) in "loop variable \(name) captured by a deferred function: every deferred call sees the last value (before Go 1.22); pass it as an argument" }
                    reportCaptures(in: function, variables: variables, loop: loop, message: message, context)
                }
                return true
            case .call:
                if let (closure, callee) = launchedClosure(id, context), !laterWaits() {
                    reportCaptures(in: closure, variables: variables, loop: loop, message: { name in
                        "loop variable \(name) captured by a function passed to \(callee): it may run after the iteration ends and see a later value (before Go 1.22); copy it with \(name) := \(name)"
                    }, context)
                }
                return true
            default:
                return true
            }
        }
    }

    /// `g.Go(func() ...)`, `wg.Go(func() ...)`, or `t.Run(name, func(t *testing.T) { t.Parallel() ... })`.
    static func launchedClosure(_ id: NodeID, _ context: RuleContext) -> (NodeID, String)? {
        let tree = context.tree
        guard let call = tree.call(id), let method = tree.methodName(call) else { return nil }
        let function = call.function
        let arguments = call.arguments
        if tree.spells(method, "Go"), arguments.count == 1, tree.kind(arguments[0]) == .funcLit {
            return (arguments[0], tree.text(function))
        }
        if tree.spells(method, "Run"), arguments.count == 2, tree.kind(arguments[1]) == .funcLit,
            callsParallel(arguments[1], context) {
            return (arguments[1], tree.text(function))
        }
        return nil
    }

    /// Whether a test closure's body calls `x.Parallel()` at its top level.
    static func callsParallel(_ closure: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard let body = tree.functionLiteral(closure).flatMap({ tree.block($0.body) }) else { return false }
        for statement in body.statements {
            guard let expression = tree.expressionStatement(statement), let call = tree.call(expression.expression) else { continue }
            if let method = tree.methodName(call), tree.spells(method, "Parallel") { return true }
        }
        return false
    }

    /// Whether a statement of the loop body waits for launched work (then
    /// the closures launched before it in the iteration do not outlive it):
    /// `x.Wait()` or a receive `<-ch`, outside function literals.
    static func waits(_ statement: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        var waits = false
        tree.walk(from: statement) { id in
            if waits { return false }
            let node = tree[id]
            switch node.kind {
            case .funcLit:
                return false
            case .call:
                if let call = tree.call(id), let method = tree.methodName(call), tree.spells(method, "Wait") { waits = true }
            case .unary:
                if tree.isReceive(id) { waits = true }
            default:
                break
            }
            return true
        }
        return waits
    }

    static func reportCaptures(
        in closure: NodeID, variables: [NodeID], loop: NodeID, message: (String) -> String, _ context: RuleContext
    ) {
        let tree = context.tree
        let closureNode = tree[closure]
        for variable in variables {
            let name = tree.text(variable)
            // References are in source order: those inside the closure are found by bisection.
            let references = context.file.resolution.referenceIndices(to: variable)
            var index = references.startIndex
                + ResourceTracking.firstIndex(in: references, notBefore: closureNode.start) { tree[NodeID($0)].start }
            while index < references.endIndex {
                let reference = NodeID(references[index])
                index += 1
                context.work += 1
                guard tree[reference].start < closureNode.end else { break }
                context.report(reference, message(name), leak: variable, alsoHere: "also used here", fix: copyFix(variable, loop, context))
            }
        }
    }

    /// The `v := v` fix for a loop variable, computed once for all its places.
    static func copyFix(_ variable: NodeID, _ loop: NodeID, _ context: RuleContext) -> SuggestedFix? {
        if let known = context.caches.loopCopyFixes[variable.index] { return known }
        let fix = LoopCopyFix.fix(copying: variable, in: loop, context)
        context.caches.loopCopyFixes[variable.index] = fix
        return fix
    }

    /// `&v` of a range variable stored where it outlives the iteration:
    /// appended, put in a composite literal, sent, or assigned to anything
    /// not declared inside the loop body.
    static func checkAddresses(of variables: [NodeID], loop: NodeID, _ context: RuleContext) {
        let tree = context.tree
        let file = context.file
        let loopNode = tree[loop]
        let bodyStart = tree[tree.loopBody(loop) ?? .none].start
        for variable in variables {
            let name = tree.text(variable)
            for reference in file.resolution.references(to: variable) {
                let parent = file.parents[reference]
                guard tree.unary(parent)?.operator == .and,
                    file.resolution.function(containing: reference) == file.resolution.function(containing: loop)
                else { continue }
                let position = tree[reference].start
                guard position >= bodyStart && position < loopNode.end else { continue }
                if addressOutlivesIteration(parent, loop: loop, context) && !leavesLoopRightAfter(parent, loop: loop, context) {
                    context.report(
                        parent,
                        "address of loop variable \(name) outlives the iteration: every stored pointer points to the same variable (before Go 1.22); copy it with \(name) := \(name) first",
                        leak: variable, alsoHere: "its address is also stored here",
                        fix: copyFix(variable, loop, context))
                }
            }
        }
    }

    /// Whether the statement taking the address is followed, in its block,
    /// by a `break` of this loop or a `return`: then no later iteration
    /// overwrites the variable (`found = &v; break`).
    static func leavesLoopRightAfter(_ address: NodeID, loop: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        let parents = context.file.parents
        var statement = address
        while parents[statement].exists && tree.kind(parents[statement]) != .blockStmt && tree.kind(parents[statement]) != .caseClause {
            statement = parents[statement]
        }
        let container = parents[statement]
        guard let list = tree.statements(of: container), context.index(of: statement, in: list) != nil else { return false }
        // The first return or break after the statement decides.
        let exits = listExits(container, list, context)
        let next = ResourceTracking.firstIndex(in: exits[...], notBefore: tree[statement].start + 1) { tree[NodeID($0)].start }
        guard next < exits.count else { return false }
        let later = NodeID(exits[next])
        if tree.kind(later) == .returnStmt { return true }
        // An unlabeled break inside a switch or select ends only that statement.
        let label = tree.branch(later)?.label ?? .none
        if label.exists { return labelNames(loop, label, context) }
        return innermostBreakable(from: later, context) == loop
    }

    /// The returns and breaks directly in the statement list of a block or
    /// case clause (their node indices, in order); listed once per list.
    static func listExits(_ container: NodeID, _ list: NodeIDs, _ context: RuleContext) -> [Int32] {
        if let known = context.caches.listExits[container.index] { return known }
        let tree = context.tree
        var exits: [Int32] = []
        for statement in list {
            context.work += 1
            if tree.kind(statement) == .returnStmt || tree.branch(statement)?.keyword == .kwBreak { exits.append(statement.index) }
        }
        context.caches.listExits[container.index] = exits
        return exits
    }

    static func labelNames(_ loop: NodeID, _ label: NodeID, _ context: RuleContext) -> Bool {
        guard let labeled = context.tree.labeled(context.file.parents[loop]) else { return false }
        return context.tree.text(labeled.label) == context.tree.text(label)
    }

    static func innermostBreakable(from statement: NodeID, _ context: RuleContext) -> NodeID {
        var current = context.file.parents[statement]
        while current.exists {
            switch context.tree.kind(current) {
            case .forStmt, .rangeStmt, .switchStmt, .typeSwitchStmt, .selectStmt, .funcLit, .funcDecl: return current
            default: current = context.file.parents[current]
            }
        }
        return .none
    }

    static func addressOutlivesIteration(_ address: NodeID, loop: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        let file = context.file
        let use = ReferenceUse(reference: address, tree: tree, parents: file.parents)
        switch use.context {
        case .stored, .sent:
            return true
        case .argument(let call, _):
            guard let call = tree.call(call) else { return false }
            return context.callsBuiltin(call, "append")
        case .assignedFrom(let target):
            // The variable the target belongs to: `v` of `v.f`, `v[i]`, `*v`, `(v)`.
            let base = tree.innermostOperand(of: target, through: [.selectors, .indexes, .stars, .parentheses])
            guard tree.kind(base) == .ident, let declaration = file.resolution.local(for: base) else { return true }
            let declared = tree[declaration.name].start
            let loopNode = tree[loop]
            let insideLoop = declared >= loopNode.start && declared < loopNode.end
            return !insideLoop || base != target
        default:
            return false
        }
    }
}
