import GoSyntax
import LeakAnalysis

/// `waitgroup-misuse`: a `sync.WaitGroup` used so that `Wait` returns too
/// early (`Add` inside the goroutine it counts races with `Wait`) or never
/// (a goroutine that can return before its non-deferred `Done`).
enum WaitGroupMisuseRule {
    static let id = "waitgroup-misuse"

    static let rule = Rule(
        id: id, title: "sync.WaitGroup used so that Wait returns early or never", severity: .warning, kinds: [.goStmt]
    ) { statement, context in check(statement, context) }

    static let waitGroup = GoType.named(package: "sync", name: "WaitGroup")

    /// A `panic(...)` statement of the goroutine body that comes before `done` in the source.
    static func panicBefore(_ done: NodeID, in body: NodeID, _ context: RuleContext) -> NodeID? {
        let tree = context.tree
        let limit = tree[done].start
        var found: NodeID?
        tree.walk(from: body) { id in
            if found != nil || tree[id].start >= limit { return false }
            if tree.kind(id) == .funcLit { return false }
            if let call = tree.call(id), context.callsBuiltin(call, "panic") {
                found = id
                return false
            }
            return true
        }
        return found
    }

    static func check(_ statement: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard let launched = tree.goStatement(statement), let call = tree.call(launched.call),
            let literal = tree.functionLiteral(call.function)
        else { return }
        let body = literal.body
        guard body.exists else { return }

        // Calls on wait groups made by this goroutine itself (not by goroutines it starts).
        var adds: [(call: NodeID, group: [UInt8], receiver: NodeID)] = []
        var dones: [(call: NodeID, group: [UInt8], receiver: NodeID, deferred: Bool)] = []
        tree.walk(from: body) { id in
            switch tree.kind(id) {
            case .funcLit, .goStmt:
                return false
            case .call:
                guard let selector = tree.call(id).flatMap({ tree.selector($0.function) }) else { return true }
                let receiver = selector.base
                let method = selector.name
                guard tree.spells(method, "Add") || tree.spells(method, "Done") else { return true }
                guard let type = context.types.type(of: receiver), type.dereferenced == waitGroup else { return true }
                let group = tree.compactText(receiver)
                if tree.spells(method, "Add") {
                    adds.append((id, group, receiver))
                } else {
                    dones.append((id, group, receiver, tree.kind(context.file.parents[id]) == .deferStmt))
                }
            default:
                break
            }
            return true
        }

        // One finding per wait group, at its first Add; later ones are related locations.
        var reported: [[UInt8]] = []
        for add in adds where dones.contains(where: { $0.group == add.group }) && !reported.contains(add.group) {
            reported.append(add.group)
            let name = tree.text(add.receiver)
            let others = adds.filter { $0.group == add.group && $0.call != add.call }
            context.report(
                add.call,
                "\(name).Add inside the goroutine it counts: \(name).Wait may return before the goroutine has started; call \(name).Add before the go statement",
                related: others.map { context.related($0.call, "\(name).Add is also called here") })
        }

        let undeferred = dones.filter { !$0.deferred }
        guard !undeferred.isEmpty, !dones.contains(where: { $0.deferred }),
            let search = context.exitSearch(ofFunction: literal.id)
        else { return }
        let graph = search.graph
        let items = Set(undeferred.compactMap { context.item(evaluating: $0.call, in: graph, of: literal.id) })
        let first = undeferred[0].call
        let name = tree.text(undeferred[0].receiver)
        // A panic before the Done skips it too (the graph ends such paths without an exit).
        if let panic = panicBefore(first, in: body, context) {
            context.report(
                first,
                "\(name).Done is not deferred and this goroutine can return before reaching it: \(name).Wait blocks forever; defer \(name).Done() at the start of the goroutine",
                related: [context.related(panic, "this panic skips \(name).Done")])
            return
        }
        guard let witness = search.firstUnstoppedExitFromEntry(stops: items) else { return }
        context.report(
            first,
            "\(name).Done is not deferred and this goroutine can return before reaching it: \(name).Wait blocks forever; defer \(name).Done() at the start of the goroutine",
            related: [context.related(witness == graph.body ? body : witness, "this return skips \(name).Done")])
    }
}
