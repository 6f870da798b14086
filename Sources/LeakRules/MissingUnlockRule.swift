import GoSyntax
import LeakAnalysis

/// `missing-unlock`: a mutex locked in a function that unlocks it on some
/// paths but not on all: the path that returns with the lock held leaves
/// every later `Lock` blocked forever.
///
/// A function that locks and never unlocks anywhere is taken to hand the
/// lock to its caller on purpose, and is not reported.
enum MissingUnlockRule {
    static let id = "missing-unlock"

    static let rule = Rule(
        id: id, title: "mutex locked without an unlock on every path", severity: .warning, kinds: [.call]
    ) { call, context in check(call, context) }

    static let mutexTypes: Set<GoType> = [
        .named(package: "sync", name: "Mutex"), .named(package: "sync", name: "RWMutex"),
    ]

    static func check(_ call: NodeID, _ context: RuleContext) {
        let tree = context.tree
        let callNode = tree[call]
        let function = callNode.childA
        guard callNode.c == 0, tree.kind(function) == .selector else { return }
        let method = tree[function].childB
        let isRead: Bool
        if tree.spells(method, "Lock") {
            isRead = false
        } else if tree.spells(method, "RLock") {
            isRead = true
        } else {
            return
        }
        let mutex = tree[function].childA
        guard isMutex(mutex, context) else { return }
        let statement = context.file.parents[call]
        guard tree.kind(statement) == .exprStmt else { return }
        let owner = context.file.resolution.function(containing: call)
        guard owner.exists, let graph = context.controlFlow(ofFunction: owner), graph.location(of: statement) != nil else { return }

        let mutexText = tree.compactText(mutex)
        let unlockName = isRead ? "RUnlock" : "Unlock"
        // An unlock earlier in the function (`mu.Unlock(); work(); mu.Lock()`, or an
        // earlier `defer mu.Unlock()`) means the lock is the caller's or already covered.
        // (A goroutine that only unlocks counts too: the mutex is used as a signal, `mu.Lock()` waits for it.)
        let unlockedBefore = context.calls(inFunction: owner).contains { other in
            let callee = tree[other].childA
            guard tree[other].start < callNode.start, tree.kind(callee) == .selector,
                tree.text(tree[callee].childB) == unlockName, tree.compactText(tree[callee].childA) == mutexText
            else { return false }
            return runsInPlace(other, of: owner, context)
                || !closureLocks(context.file.resolution.function(containing: other), mutexText: mutexText, lockName: isRead ? "RLock" : "Lock", context)
        }
        if unlockedBefore { return }
        var stops = Set<NodeID>()
        var unlocksSomewhere = false
        for other in context.calls(inFunction: owner) where other != call {
            let otherNode = tree[other]
            let callee = otherNode.childA
            // An unlock here, or in a goroutine or callback this function hands the lock to
            // (one that only unlocks; a closure with its own Lock/Unlock pair is unrelated).
            if tree.kind(callee) == .selector, tree.text(tree[callee].childB) == unlockName,
                tree.compactText(tree[callee].childA) == mutexText {
                if !runsInPlace(other, of: owner, context)
                    && closureLocks(context.file.resolution.function(containing: other), mutexText: mutexText, lockName: isRead ? "RLock" : "Lock", context) {
                    continue
                }
                unlocksSomewhere = true
                if let item = context.item(evaluating: other, in: graph, of: owner) { stops.insert(item) }
                continue
            }
            // A helper handed the mutex (or what holds it) may unlock it.
            if handsOff(mutex: mutex, mutexText: mutexText, to: other, context),
                let item = context.item(evaluating: other, in: graph, of: owner) {
                stops.insert(item)
            }
        }
        guard unlocksSomewhere,
            let witness = graph.firstUnstoppedExit(after: statement, stops: { stops.contains($0) })
        else { return }
        let text = tree.text(mutex)
        let held = isRead ? "read-locked" : "locked"
        context.report(
            call,
            "\(text).\(isRead ? "RLock" : "Lock")() is not matched by an unlock on every path: a return leaves \(text) \(held) and every later Lock blocks forever; defer \(text).\(unlockName)() right after locking",
            related: [ResourceTracking.witnessLocation(witness, graph: graph, context, "this return leaves \(text) \(held)")])
    }

    /// Whether a call runs as part of `function` itself: directly, or in a
    /// function literal that is deferred or called on the spot — not in a
    /// goroutine or a stored callback, which unlock on their own schedule.
    static func runsInPlace(_ call: NodeID, of function: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        let parents = context.file.parents
        var literal = context.file.resolution.function(containing: call)
        while literal != function {
            guard literal.exists, tree.kind(literal) == .funcLit else { return false }
            let invocation = parents[literal]
            guard tree.kind(invocation) == .call, tree[invocation].childA == literal else { return false }
            let statement = parents[invocation]
            guard tree.kind(statement) == .deferStmt || tree.kind(statement) == .exprStmt else { return false }
            literal = context.file.resolution.function(containing: literal)
        }
        return true
    }

    /// Whether a function literal locks the mutex itself.
    static func closureLocks(_ literal: NodeID, mutexText: [UInt8], lockName: String, _ context: RuleContext) -> Bool {
        let tree = context.tree
        return context.calls(inFunction: literal).contains { call in
            let callee = tree[call].childA
            return tree.kind(callee) == .selector && tree.text(tree[callee].childB) == lockName
                && tree.compactText(tree[callee].childA) == mutexText
        }
    }

    static func isMutex(_ expression: NodeID, _ context: RuleContext) -> Bool {
        guard let type = context.types.type(of: expression) else { return false }
        if mutexTypes.contains(type.dereferenced) { return true }
        // `s.Lock()` on a struct that embeds a mutex.
        return context.types.embeddedTypes(of: type).contains { mutexTypes.contains($0) }
    }

    /// Whether `call` passes the mutex, its address, or the variable it belongs to.
    static func handsOff(mutex: NodeID, mutexText: [UInt8], to call: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        var root = mutex
        while tree.kind(root) == .selector || tree.kind(root) == .paren || tree.kind(root) == .star { root = tree[root].childA }
        let rootText = tree.compactText(root)
        for argument in tree.ids(tree[call].listBC) {
            var value = argument
            if tree.kind(value) == .unary && tree[value].op == .and { value = tree[value].childA }
            let text = tree.compactText(value)
            if text == mutexText || text == rootText { return true }
        }
        return false
    }

}
