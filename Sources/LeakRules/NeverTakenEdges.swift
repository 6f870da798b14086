import LeakAnalysis

/// Edges of a function's graph that no execution takes, as one rule knows
/// them (a loop over a ticker's channel never ends through its head).
///
/// Such edges do not depend on the value a rule follows, so they are removed
/// once, when an `ExitSearch` is built, and every query of the rule shares
/// that search. `name` tells filters apart in the cache; the empty name is
/// the filter that removes nothing.
public struct NeverTakenEdges: Sendable {
    public let name: String
    public let removes: @Sendable (ControlFlowGraph.Edge, RuleContext) -> Bool

    public init(name: String, removes: @escaping @Sendable (ControlFlowGraph.Edge, RuleContext) -> Bool) {
        self.name = name
        self.removes = removes
    }

    public static let none = NeverTakenEdges(name: "") { _, _ in false }
}

/// The cache key of an exit search: a function and the filter it was built without.
struct SearchKey: Hashable {
    var function: Int32
    var filter: String
}
