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
        guard let expression = tree.call(call), expression.arguments.isEmpty, let selector = tree.selector(expression.function)
        else { return }
        let method = selector.name
        let isRead: Bool
        if tree.spells(method, "Lock") {
            isRead = false
        } else if tree.spells(method, "RLock") {
            isRead = true
        } else {
            return
        }
        let mutex = selector.base
        guard isMutex(mutex, context) else { return }
        let statement = context.file.parents[call]
        guard tree.kind(statement) == .exprStmt else { return }
        let owner = context.file.resolution.function(containing: call)
        guard owner.exists, let search = context.exitSearch(ofFunction: owner), search.graph.location(of: statement) != nil else { return }
        let graph = search.graph

        let mutexText = tree.compactText(mutex)
        let unlockName = isRead ? "RUnlock" : "Unlock"
        let lockName = isRead ? "RLock" : "Lock"
        let calls = MutexCalls.of(owner, context)
        let unlocks = calls.unlocks[MutexCalls.UnlockKey(isRead: isRead, receiver: mutexText)] ?? []
        // An unlock earlier in the function (`mu.Unlock(); work(); mu.Lock()`, or an
        // earlier `defer mu.Unlock()`) means the lock is the caller's or already covered.
        // (A goroutine that only unlocks counts too: the mutex is used as a signal, `mu.Lock()` waits for it.)
        let lockStart = tree[call].start
        let unlockedBefore = unlocks.contains { other in
            guard tree[other].start < lockStart else { return false }
            return runsInPlace(other, of: owner, context)
                || !closureLocks(context.file.resolution.function(containing: other), mutexText: mutexText, lockName: lockName, context)
        }
        if unlockedBefore { return }
        var stops = Set<NodeID>()
        var unlocksSomewhere = false
        for other in unlocks where other != call {
            context.work += 1
            // An unlock here, or in a goroutine or callback this function hands the lock to
            // (one that only unlocks; a closure with its own Lock/Unlock pair is unrelated).
            if !runsInPlace(other, of: owner, context)
                && closureLocks(context.file.resolution.function(containing: other), mutexText: mutexText, lockName: lockName, context) {
                continue
            }
            unlocksSomewhere = true
            if let item = context.item(evaluating: other, in: graph, of: owner) { stops.insert(item) }
        }
        // A helper handed the mutex (or what holds it) may unlock it.
        for other in calls.handedOff(mutex: mutex, mutexText: mutexText, context) where other != call {
            context.work += 1
            if calls.isUnlock(other, isRead: isRead, receiver: mutexText) { continue }
            if let item = context.item(evaluating: other, in: graph, of: owner) { stops.insert(item) }
        }
        guard unlocksSomewhere,
            let witness = search.firstUnstoppedExit(after: statement, stops: stops)
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
            guard tree.call(invocation)?.function == literal else { return false }
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
            guard let selector = tree.call(call).flatMap({ tree.selector($0.function) }) else { return false }
            return tree.text(selector.name) == lockName && tree.compactText(selector.base) == mutexText
        }
    }

    static func isMutex(_ expression: NodeID, _ context: RuleContext) -> Bool {
        guard let type = context.types.type(of: expression) else { return false }
        if mutexTypes.contains(type.dereferenced) { return true }
        // `s.Lock()` on a struct that embeds a mutex.
        return context.types.embeddedTypes(of: type).contains { mutexTypes.contains($0) }
    }

}

/// The calls of one function that missing-unlock looks for, indexed once
/// for all its `Lock` calls: unlocks by the text of their receiver, and
/// calls by the text of their arguments (a helper handed the mutex, its
/// address, or the variable it belongs to may unlock it).
struct MutexCalls {
    struct UnlockKey: Hashable {
        var isRead: Bool
        var receiver: [UInt8]
    }

    /// `x.Unlock()` and `x.RUnlock()` calls (anywhere in the function, literals included), in source order.
    private(set) var unlocks: [UnlockKey: [NodeID]] = [:]
    /// Calls by the text of each argument (`&` removed, spaces dropped), in source order.
    private var byArgument: [[UInt8]: [NodeID]] = [:]
    private var unlockKeys: [NodeID: UnlockKey] = [:]

    static func of(_ function: NodeID, _ context: RuleContext) -> MutexCalls {
        if let known = context.caches.mutexCalls[function.index] { return known }
        let calls = MutexCalls(function: function, context)
        context.caches.mutexCalls[function.index] = calls
        return calls
    }

    init(function: NodeID, _ context: RuleContext) {
        let tree = context.tree
        for call in context.calls(inFunction: function) {
            context.work += 1
            guard let expression = tree.call(call) else { continue }
            if let selector = tree.selector(expression.function) {
                let method = selector.name
                let isUnlock = tree.spells(method, "Unlock")
                if isUnlock || tree.spells(method, "RUnlock") {
                    let key = UnlockKey(isRead: !isUnlock, receiver: tree.compactText(selector.base))
                    unlocks[key, default: []].append(call)
                    unlockKeys[call] = key
                }
            }
            var texts: [[UInt8]] = []
            for argument in expression.arguments {
                var value = argument
                if let address = tree.unary(value), address.operator == .and { value = address.operand }
                let text = tree.compactText(value)
                if !texts.contains(text) { texts.append(text) }
            }
            for text in texts { byArgument[text, default: []].append(call) }
        }
    }

    /// Whether `call` is an unlock of the mutex spelled `receiver`.
    func isUnlock(_ call: NodeID, isRead: Bool, receiver: [UInt8]) -> Bool {
        unlockKeys[call] == UnlockKey(isRead: isRead, receiver: receiver)
    }

    /// The calls passing the mutex, its address, or the variable it belongs to, in source order.
    func handedOff(mutex: NodeID, mutexText: [UInt8], _ context: RuleContext) -> [NodeID] {
        let tree = context.tree
        // The variable the mutex belongs to: `s` of `s.mu`, `(*s).mu`.
        let root = tree.innermostOperand(of: mutex, through: [.selectors, .parentheses, .stars])
        let rootText = tree.compactText(root)
        let direct = byArgument[mutexText] ?? []
        guard rootText != mutexText, let viaRoot = byArgument[rootText] else { return direct }
        return direct + viaRoot
    }
}
