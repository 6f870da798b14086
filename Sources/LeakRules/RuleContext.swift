import GoSyntax
import LeakAnalysis

/// What a rule sees while one file is checked: the file, its package, type
/// and control-flow answers (computed once and shared by all rules), and
/// the place to report findings.
public final class RuleContext {
    public let package: AnalyzedPackage
    public let fileIndex: Int
    public let file: SourceFile
    public let types: TypeOracle
    /// The project's configuration (user-declared resources).
    public let configuration: Configuration
    /// The rule currently being run; set by the linter.
    var rule: Rule?
    private(set) var diagnostics: [Diagnostic] = []
    /// Findings that are places of one leak (see `report(_:_:leak:alsoHere:)`), by diagnostic index.
    var leakPlaces: [LeakPlace] = []
    /// Steps taken by rules and suppression matching (references classified,
    /// statements scanned, directives checked): with `searchWork`, what
    /// tests compare across input sizes to check that work grows linearly.
    var work = 0
    var caches = RuleCaches()
    private var graphs: [Int32: ControlFlowGraph] = [:]
    private var searches: [SearchKey: ExitSearch] = [:]
    private var callsByFunction: [Int32: [NodeID]] = [:]

    init(package: AnalyzedPackage, fileIndex: Int, configuration: Configuration = Configuration()) {
        self.package = package
        self.fileIndex = fileIndex
        self.configuration = configuration
        file = package.files[fileIndex]
        types = TypeOracle(package: package, fileIndex: fileIndex)
    }

    public var tree: SyntaxTree { file.tree }

    /// Reports a finding of the current rule covering `node`.
    public func report(_ node: NodeID, _ message: String, related: [RelatedLocation] = [], fix: SuggestedFix? = nil) {
        let range = tree[node]
        report(start: range.start, end: range.end, message, related: related, fix: fix)
    }

    public func report(start: Int32, end: Int32, _ message: String, related: [RelatedLocation] = [], fix: SuggestedFix? = nil) {
        guard let rule else { return }
        diagnostics.append(Diagnostic(
            ruleID: rule.id, severity: rule.severity, path: file.path, start: start, end: end,
            message: message, related: related, fix: fix))
    }

    /// Reports one place of a leak that can show at several places (each
    /// reference to a captured loop variable, each send on one channel).
    /// Places of the same rule with the same `leak` (the node that stands for
    /// the leaking thing, e.g. the variable's declaration) become one finding:
    /// the first in source order, with the others as related locations
    /// described by their `alsoHere` ("also used here").
    public func report(
        _ node: NodeID, _ message: String, leak: NodeID, alsoHere: String, related: [RelatedLocation] = [], fix: SuggestedFix? = nil
    ) {
        let count = diagnostics.count
        report(node, message, related: related, fix: fix)
        guard diagnostics.count > count, let rule else { return }
        leakPlaces.append(LeakPlace(index: count, ruleID: rule.id, leak: leak, alsoHere: alsoHere))
    }

    /// The findings reported so far, places of one leak merged into one finding.
    public var findings: [Diagnostic] { LeakPlace.merge(diagnostics, places: leakPlaces) }

    /// A related location in this file.
    public func related(_ node: NodeID, _ message: String) -> RelatedLocation {
        let range = tree[node]
        return RelatedLocation(path: file.path, start: range.start, end: range.end, message: message)
    }

    /// 1-based line of an offset in this file (for messages such as "defined on line N").
    public func line(of node: NodeID) -> Int {
        lineTable.line(ofOffset: Int(tree[node].start))
    }

    private lazy var lineTable: LineTable = tree.makeLineTable()

    /// Whether any function of the file has a `goto`, which can jump back past every loop.
    lazy var hasGoto: Bool = tree.nodes.indices.contains { index in
        tree.branch(NodeID(Int32(index)))?.keyword == .kwGoto
    }

    /// The control-flow graph of a function's body (funcDecl or funcLit), built once.
    public func controlFlow(ofFunction function: NodeID) -> ControlFlowGraph? {
        guard let body = tree.function(function)?.body, body.exists else { return nil }
        if let cached = graphs[function.index] { return cached }
        let graph = ControlFlowGraph.build(tree: tree, body: body) { [unowned self] call in
            NoReturnCalls.neverReturns(call, in: self)
        }
        graphs[function.index] = graph
        return graph
    }

    /// The exit search over a function's graph, without the edges `filter`
    /// removes; built once per function and filter, shared by every query.
    public func exitSearch(ofFunction function: NodeID, without filter: NeverTakenEdges = .none) -> ExitSearch? {
        let key = SearchKey(function: function.index, filter: filter.name)
        if let cached = searches[key] { return cached }
        guard let graph = controlFlow(ofFunction: function) else { return nil }
        let search = filter.name.isEmpty
            ? ExitSearch(graph: graph) : ExitSearch(graph: graph, removing: { [unowned self] edge in filter.removes(edge, self) })
        searches[key] = search
        return search
    }

    /// Work done by every exit search of this file so far (see `ExitSearch.work`).
    var searchWork: Int { searches.values.reduce(0) { $0 + $1.work } }

    /// The offsets of the references that assign to a local (`x = ...`,
    /// `x, err := ...` reusing `x`), in source order; computed once per local.
    func writeOffsets(of declaration: NodeID) -> [Int32] {
        if let cached = caches.writeOffsets[declaration.index] { return cached }
        var offsets: [Int32] = []
        for reference in file.resolution.references(to: declaration) {
            work += 1
            if ReferenceUse(reference: reference, tree: tree, parents: file.parents).context == .assignedTo {
                offsets.append(tree[reference].start)
            }
        }
        caches.writeOffsets[declaration.index] = offsets
        return offsets
    }

    /// The item of `graph` (the graph of `function`) that evaluates `node`:
    /// for a node inside a function literal, the item that creates the
    /// outermost literal belonging to `function`.
    public func item(evaluating node: NodeID, in graph: ControlFlowGraph, of function: NodeID) -> NodeID? {
        var current = node
        let resolution = file.resolution
        while current.exists && resolution.function(containing: current) != function {
            current = file.parents[current]
            while current.exists && tree.kind(current) != .funcLit { current = file.parents[current] }
        }
        guard current.exists else { return nil }
        return graph.item(containing: current, tree: tree, parents: file.parents)
    }

    /// Every call in a function's body, nested function literals included,
    /// in source order; collected once per function.
    public func calls(inFunction function: NodeID) -> [NodeID] {
        if let cached = callsByFunction[function.index] { return cached }
        var calls: [NodeID] = []
        let body = body(ofFunction: function)
        if body.exists {
            tree.walk(from: body) { id in
                if tree.kind(id) == .call { calls.append(id) }
                return true
            }
        }
        callsByFunction[function.index] = calls
        return calls
    }

    /// The body block of a funcDecl or funcLit.
    public func body(ofFunction function: NodeID) -> NodeID {
        tree.function(function)?.body ?? .none
    }
}
