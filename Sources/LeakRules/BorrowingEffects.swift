import GoSyntax
import LeakAnalysis

/// What passing a tracked value to a standard-library call does to it, for
/// the rules that follow a value to its release: the table in
/// `StandardLibraryBorrowing` says what the callee does, and for a wrapper
/// (`bufio.NewReader(f)`, `http.MaxBytesReader(w, r, n)`) the use of the
/// wrapper itself says whether the value is still this function's to release.
extension ResourceTracking {
    /// The effect of passing a tracked value as argument `index` of `call`;
    /// nil when the callee is not a standard-library function or method
    /// the table knows. `depth` counts the wrappers around the value.
    static func standardLibraryEffect(ofArgument index: Int, in call: NodeID, _ context: RuleContext, depth: Int = 0) -> Effect? {
        guard let use = standardLibraryUse(ofArgument: index, in: call, context) else { return nil }
        switch use {
        case .reads: return .read
        case .drainsAndCloses: return .release
        case .wraps: return wrapperEffect(call, forwardsClose: false, context, depth: depth)
        case .wrapsAndForwardsClose: return wrapperEffect(call, forwardsClose: true, context, depth: depth)
        }
    }

    /// Wrappers of wrappers followed before giving up (a hand-off).
    static let maxWrapperDepth = 4

    /// The table's answer for argument `index` of `call`: a package
    /// function by its import path, a method by its receiver's declared type.
    static func standardLibraryUse(ofArgument index: Int, in call: NodeID, _ context: RuleContext) -> StandardLibraryBorrowing.ArgumentUse? {
        let tree = context.tree
        guard let expression = tree.call(call) else { return nil }
        if let (path, name) = context.types.qualifiedName(expression.function) {
            return StandardLibraryBorrowing.use(ofArgument: index, package: path, function: name, call: expression, tree: tree)
        }
        guard let selector = tree.selector(expression.function) else { return nil }
        let method = tree.text(selector.name)
        guard StandardLibraryBorrowing.mayBorrow(method: method), let receiver = context.types.type(of: selector.base),
            case .named(let path, let name) = receiver.dereferenced
        else { return nil }
        return StandardLibraryBorrowing.use(ofArgument: index, receiver: path + "." + name, method: method)
    }

    /// The effect on the wrapped value of how the wrapper made by `call` is
    /// used. A wrapper that cannot close the value leaves it to this
    /// function while it stays here (used at once, or kept in a local that
    /// stays here); one kept beyond the function (returned, stored, captured)
    /// takes the value with it. A wrapper that closes the value releases it
    /// when closed, and is followed only through calls it is passed to at once.
    static func wrapperEffect(_ call: NodeID, forwardsClose: Bool, _ context: RuleContext, depth: Int) -> Effect {
        guard depth < maxWrapperDepth else { return .handOff }
        let tree = context.tree
        let use = ReferenceUse(reference: call, tree: tree, parents: context.file.parents)
        if let first = use.path.first {
            guard forwardsClose, first == "Close" else { return .read }
            if use.path.count == 1, case .called = use.context { return .release }
            return .handOff
        }
        switch use.context {
        case .argument(let outer, let position):
            if let effect = standardLibraryEffect(ofArgument: position, in: outer, context, depth: depth + 1) { return effect }
            return forwardsClose ? .handOff : .read
        case .compared:
            return .read
        case .assignedFrom(let target):
            guard !forwardsClose, tree.kind(target) == .ident else { return .handOff }
            if tree.spells(target, "_") { return .read }
            guard let local = context.file.resolution.local(for: target) else { return .handOff }
            return wrapperStays(local.name, context, depth: depth + 1) ? .read : .handOff
        default:
            return .handOff
        }
    }

    /// Whether the wrapper held by the local `variable` stays in its
    /// function: only its methods are called, it is compared, or it is
    /// passed to calls that keep no hold on it. Returned, stored, sent,
    /// captured by a function literal or wrapped by something that leaves,
    /// it takes what it wraps along (`logger := log.New(f, "", 0)` then
    /// `s.log = logger`).
    static func wrapperStays(_ variable: NodeID, _ context: RuleContext, depth: Int) -> Bool {
        guard depth < maxWrapperDepth else { return false }
        let tree = context.tree
        let resolution = context.file.resolution
        let function = resolution.function(containing: variable)
        for reference in resolution.references(to: variable) {
            context.work += 1
            if resolution.function(containing: reference) != function { return false }
            let use = ReferenceUse(reference: reference, tree: tree, parents: context.file.parents)
            if !use.path.isEmpty { continue }
            switch use.context {
            case .assignedTo, .compared:
                continue
            case .argument(let call, let index):
                // Another function reads through it, as for the wrapper passed on at once.
                if standardLibraryEffect(ofArgument: index, in: call, context, depth: depth) == .handOff { return false }
            case .assignedFrom(let target):
                if !(tree.kind(target) == .ident && tree.spells(target, "_")) { return false }
            default:
                return false
            }
        }
        return true
    }
}
