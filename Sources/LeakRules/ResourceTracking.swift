import GoSyntax
import LeakAnalysis

/// The shared skeleton of rules about a value that must be released
/// (`resp.Body.Close()`, `t.Stop()`): find the local the creating call's
/// result is bound to, classify every reference to it, and ask the
/// control-flow graph for a path to an exit that neither releases nor hands
/// the value off.
struct ResourceTracking {
    /// What a reference does to the tracked value.
    enum Effect { case read, release, handOff }

    /// How the creating call's result is bound.
    enum Binding {
        /// `v, err := f()` / `v := f()` / `var v = f()`: a local of the enclosing function.
        case local(variable: NodeID, declaration: LocalDeclaration, error: NodeID?, statement: NodeID)
        /// `_ , err := f()` or `f()` as a statement: the value is lost at once.
        case discarded
        /// Returned, passed on, stored in a field or outer variable...: not this function's job.
        case elsewhere
    }

    /// How the result of `call` is bound. `resultCount` is the number of
    /// values the call returns, or nil when unknown (any count is accepted).
    static func binding(of call: NodeID, resultCount: Int?, _ context: RuleContext) -> Binding {
        let tree = context.tree
        let parents = context.file.parents
        var parent = parents[call]
        var expression = call
        while tree.kind(parent) == .paren {
            expression = parent
            parent = parents[parent]
        }
        let targets: NodeIDs
        var statement = parent
        if tree.expressionStatement(parent) != nil {
            return .discarded
        } else if let assign = tree.assign(parent), assign.rhs.single == expression,
            (resultCount ?? assign.lhs.count) == assign.lhs.count {
            targets = assign.lhs
        } else if let spec = tree.valueSpec(parent), spec.values.single == expression,
            (resultCount ?? spec.names.count) == spec.names.count {
            targets = spec.names
            statement = parents[parents[parent]]
        } else {
            return .elsewhere
        }
        let target: NodeID = targets.first ?? .none
        let errorTarget = targets.count >= 2 ? targets[targets.count - 1] : .none
        guard tree.kind(target) == .ident else { return .elsewhere }
        if tree.spells(target, "_") { return .discarded }
        let function = context.file.resolution.function(containing: call)
        guard function.exists, let declaration = context.file.resolution.local(for: target), declaration.function == function
        else { return .elsewhere }
        var errorVariable: NodeID?
        if errorTarget.exists, tree.kind(errorTarget) == .ident, let errorDeclaration = context.file.resolution.declaringName(of: errorTarget) {
            errorVariable = errorDeclaration
        }
        return .local(variable: declaration.name, declaration: declaration, error: errorVariable, statement: statement)
    }

    /// The outcome of following the tracked value to the function's exits.
    struct Verdict {
        /// The return statement (or the body, for its end) reachable without release or hand-off.
        var witness: NodeID
        var graph: ControlFlowGraph
        /// Whether any reference releases or hands off the value somewhere (else it is "never" released).
        var releasedSomewhere: Bool
    }

    /// Follows `variable` from `statement` to every exit. References are
    /// classified by `effect`; references inside function literals always
    /// count as a hand-off. Edges where the error of the same call is known
    /// non-nil, or the value itself is known nil, are not followed.
    /// `prune` can cut more edges: it is asked about the branches of the
    /// acquiring statement and of conditions that mention the value or the
    /// call's error. `neverTaken` removes edges whatever the value (e.g.
    /// loop exits that never happen).
    ///
    /// `effectName` names `effect` for the current rule: the references of a
    /// variable that holds many values (`f, err = os.Open(p)` again and
    /// again) are classified once per function, rule and name.
    static func leakPath(
        variable: NodeID, error: NodeID?, statement: NodeID, _ context: RuleContext,
        effectName: String = "",
        neverTaken: NeverTakenEdges = .none,
        prune: (ControlFlowGraph.Edge) -> Bool = { _ in false },
        effect: (ReferenceUse) -> Effect
    ) -> Verdict? {
        let tree = context.tree
        let file = context.file
        let function = file.resolution.function(containing: statement)
        guard let search = context.exitSearch(ofFunction: function, without: neverTaken), search.graph.location(of: statement) != nil
        else { return nil }
        let graph = search.graph
        let key = ClassifiedReferences.Key(
            variable: variable.index, function: function.index, rule: context.rule?.id ?? "", effect: effectName)
        let references = context.caches.classifiedReferences[key] ?? ClassifiedReferences(
            variable: variable, function: function, graph: graph, context, effect: effect)
        context.caches.classifiedReferences[key] = references
        // A defer registered before the value was acquired (`var f *os.File; defer func()
        // { if f != nil { f.Close() } }()`) runs at every exit after it.
        if references.firstDeferred < tree[statement].start { return nil }
        // The error of the acquiring call says something only until it is assigned again
        // (`out, err := io.ReadAll(r)` reuses err): checks after such a write prune nothing.
        var errorCutoff = Int32.max
        if let error {
            let writes = context.writeOffsets(of: error)
            let next = firstIndex(in: writes, notBefore: tree[statement].end)
            if next < writes.count { errorCutoff = writes[next] }
        }
        func errorStillFromCall(_ edge: ControlFlowGraph.Edge) -> Bool {
            tree[edge.condition].start <= errorCutoff
        }
        let witness = search.firstUnstoppedExit(
            after: statement, stops: references.stops,
            watching: {
                // Conditions on the value, and on the error where they still speak of this call.
                var items = references.reads.compactMap { graph.item(containing: $0, tree: tree, parents: file.parents) }
                if let error {
                    items += watchedErrorChecks(error, statement: statement, function: function, before: errorCutoff, graph: graph, context)
                }
                return items
            },
            prune: { edge in
                if prune(edge) || isNilCheck(edge, variable: variable, nonNilBranch: false, tree: tree, file: file) { return true }
                guard edge.condition.exists, errorStillFromCall(edge) else { return false }
                return isNilCheck(edge, variable: error, nonNilBranch: true, tree: tree, file: file)
                    || isErrorPredicate(edge, error: error, context)
            })
        guard let witness else { return nil }
        return Verdict(witness: witness, graph: graph, releasedSomewhere: references.releasedSomewhere)
    }

    /// The items holding references to `error` that paths from `statement`
    /// can reach before the error is assigned again (at `cutoff`): from the
    /// loop around the statement on.
    static func watchedErrorChecks(
        _ error: NodeID, statement: NodeID, function: NodeID, before cutoff: Int32, graph: ControlFlowGraph, _ context: RuleContext
    ) -> [NodeID] {
        let tree = context.tree
        let references = context.file.resolution.referenceIndices(to: error)
        let from = reachableRegionStart(of: statement, function: function, context)
        var items: [NodeID] = []
        var index = references.startIndex + firstIndex(in: references, notBefore: from) { tree[NodeID($0)].start }
        while index < references.endIndex {
            let reference = NodeID(references[index])
            index += 1
            context.work += 1
            if tree[reference].start >= cutoff { break }
            if let item = graph.item(containing: reference, tree: tree, parents: context.file.parents) { items.append(item) }
        }
        return items
    }

    /// The first index of `sorted` (ascending offsets) whose offset is at least `offset`.
    static func firstIndex(in sorted: [Int32], notBefore offset: Int32) -> Int {
        firstIndex(in: sorted[...], notBefore: offset) { $0 }
    }

    static func firstIndex(in sorted: ArraySlice<Int32>, notBefore offset: Int32, by key: (Int32) -> Int32) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if key(sorted[sorted.startIndex + middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where the code that paths from `statement` can run begins: the start
    /// of the outermost loop around it in its function (a back edge goes no
    /// further), the statement itself outside loops, or the whole body when
    /// the file has a `goto`.
    static func reachableRegionStart(of statement: NodeID, function: NodeID, _ context: RuleContext) -> Int32 {
        let tree = context.tree
        if context.hasGoto { return tree[function].start }
        var start = tree[statement].start
        var current = context.file.parents[statement]
        while current.exists && current != function {
            let kind = tree.kind(current)
            if kind == .funcLit { break }
            if kind == .forStmt || kind == .rangeStmt { start = tree[current].start }
            current = context.file.parents[current]
        }
        return start
    }

    /// Whether `reference` is part of a `defer` statement of `function` (its call or a deferred literal).
    static func isInDeferredCall(_ reference: NodeID, of function: NodeID, _ context: RuleContext) -> Bool {
        var current = context.file.parents[reference]
        while current.exists && current != function {
            if context.tree.kind(current) == .deferStmt {
                return context.file.resolution.function(containing: current) == function
            }
            current = context.file.parents[current]
        }
        return false
    }

    /// The true branch of `os.IsNotExist(err)`-like predicates (and `errors.Is`,
    /// `errors.As`, `err == ErrX`) on the acquiring call's error: the call failed,
    /// there is nothing to release. `err != ErrX` false is the same branch.
    static func isErrorPredicate(_ edge: ControlFlowGraph.Edge, error: NodeID?, _ context: RuleContext) -> Bool {
        guard let error, edge.condition.exists else { return false }
        let tree = context.tree
        if let comparison = tree.binary(edge.condition), comparison.operator == .eql || comparison.operator == .neq {
            guard edge.whenTrue == (comparison.operator == .eql) else { return false }
            for (operand, other) in [(comparison.left, comparison.right), (comparison.right, comparison.left)]
            where tree.kind(operand) == .ident && context.file.resolution.declaringName(of: operand) == error {
                let otherKind = tree.kind(other)
                if otherKind == .selector || (otherKind == .ident && !tree.spells(other, "nil")) { return true }
            }
            return false
        }
        guard edge.whenTrue, let call = tree.call(edge.condition), let first = call.arguments.first, tree.kind(first) == .ident,
            context.file.resolution.declaringName(of: first) == error,
            let (path, name) = context.types.qualifiedName(call.function)
        else { return false }
        if path == "errors" { return name == "Is" || name == "As" }
        return path == "os" && name.hasPrefix("Is")
    }

    /// Whether `edge` is the branch of `v != nil` / `v == nil` on which `v`
    /// is non-nil (`nonNilBranch`) or nil (otherwise).
    static func isNilCheck(_ edge: ControlFlowGraph.Edge, variable: NodeID?, nonNilBranch: Bool, tree: SyntaxTree, file: SourceFile) -> Bool {
        guard let variable, edge.condition.exists else { return false }
        guard let comparison = tree.binary(edge.condition), comparison.operator == .neq || comparison.operator == .eql
        else { return false }
        let (left, right) = (comparison.left, comparison.right)
        let operand: NodeID
        if tree.isNilIdentifier(right) {
            operand = left
        } else if tree.isNilIdentifier(left) {
            operand = right
        } else {
            return false
        }
        guard tree.kind(operand) == .ident, file.resolution.declaringName(of: operand) == variable else { return false }
        // `v != nil` true, or `v == nil` false, is the non-nil branch.
        let nonNil = (comparison.operator == .neq) == edge.whenTrue
        return nonNil == nonNilBranch
    }

    /// The return statement or closing brace a witness stands for, as a byte range.
    static func range(of witness: NodeID, graph: ControlFlowGraph, _ context: RuleContext) -> (Int32, Int32) {
        let node = context.tree[witness]
        if witness == graph.body { return (max(node.start, node.end - 1), node.end) }
        return (node.start, node.end)
    }

    /// A related location pointing at the witness.
    static func witnessLocation(_ verdict: Verdict, _ context: RuleContext, _ message: String) -> RelatedLocation {
        witnessLocation(verdict.witness, graph: verdict.graph, context, message)
    }

    /// A related location pointing at a witness found by any path query.
    static func witnessLocation(_ witness: NodeID, graph: ControlFlowGraph, _ context: RuleContext, _ message: String) -> RelatedLocation {
        let (start, end) = range(of: witness, graph: graph, context)
        return RelatedLocation(path: context.file.path, start: start, end: end, message: message)
    }

    /// `pkg.Name` spelled as in the source for a call's callee (`http.Get`, `client.Do`).
    static func calleeText(_ call: CallExpression, _ context: RuleContext) -> String {
        context.tree.text(call.function)
    }
}

/// The references of one variable as `ResourceTracking.leakPath` sees them
/// for one rule: which items stop a path, which conditions may prune one,
/// whether anything releases the value, and the first reference inside a
/// deferred call. The same for every value the variable holds, so computed
/// once for all of them.
struct ClassifiedReferences {
    struct Key: Hashable {
        var variable: Int32
        var function: Int32
        var rule: String
        var effect: String
    }

    /// Items that release or hand off the value, placed in the function's graph.
    var stops: StopItems
    /// References that only read it (conditions such as `v != nil` among them), outside function literals.
    var reads: [NodeID] = []
    var releasedSomewhere = false
    /// The start of the first reference inside a `defer` of the function; `Int32.max` if none.
    var firstDeferred = Int32.max

    init(
        variable: NodeID, function: NodeID, graph: ControlFlowGraph, _ context: RuleContext,
        effect: (ReferenceUse) -> ResourceTracking.Effect
    ) {
        let tree = context.tree
        let file = context.file
        var stopping: [NodeID] = []
        for reference in file.resolution.references(to: variable) {
            context.work += 1
            if firstDeferred == Int32.max, ResourceTracking.isInDeferredCall(reference, of: function, context) {
                firstDeferred = tree[reference].start
            }
            let use = ReferenceUse(reference: reference, tree: tree, parents: file.parents)
            if use.context == .assignedTo { continue }
            // `_ = v` only silences the compiler: a read, not a hand-off.
            if case .assignedFrom(let target) = use.context, tree.kind(target) == .ident, tree.spells(target, "_") { continue }
            let insideClosure = file.resolution.function(containing: reference) != function
            let classified: ResourceTracking.Effect = insideClosure ? .handOff : effect(use)
            if classified == .read {
                if !insideClosure { reads.append(reference) }
                continue
            }
            releasedSomewhere = true
            if let item = context.item(evaluating: reference, in: graph, of: function) { stopping.append(item) }
        }
        stops = StopItems(stopping, in: graph)
    }
}
