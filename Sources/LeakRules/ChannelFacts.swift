import GoSyntax
import LeakAnalysis

/// How a function uses one channel it made: where it sends, receives and
/// closes, which goroutines it starts capture it, and whether it escapes
/// (passed on, returned, stored...), in which case the goroutine rules
/// stay silent.
struct ChannelFacts {
    /// A use of the channel inside the function or a goroutine it starts.
    enum Use { case send, receive, close, inspect }

    struct Site {
        var reference: NodeID
        var use: Use
        /// The goroutine literal it is in, or none when in the function itself.
        var goroutine: NodeID
    }

    var sites: [Site] = []
    /// Per referencing identifier: its index in `sites`.
    var siteIndex: [NodeID: Int] = [:]
    /// The receives in the function itself (not in a goroutine), in source order.
    var receivesInFunction: [Site] = []
    /// Whether a goroutine receives from it.
    var receivedInGoroutine = false
    /// The sends and closes, in source order.
    var sendsAndCloses: [Site] = []
    var sendCount = 0
    var isClosed = false
    /// The goroutine literals that send on it or close it.
    var sendingGoroutines = Set<NodeID>()
    var escapes = false
    /// The `make(chan T[, n])` call and whether the channel is unbuffered.
    var make: NodeID
    var unbuffered: Bool

    /// Facts about the local channel `declaration` of `function`; nil if it was not made with `make(chan ...)` here.
    init?(declaration: LocalDeclaration, function: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard declaration.function == function, declaration.kind == .variable, declaration.valueCount == 1 || declaration.valueIndex == 0,
            let makeCall = tree.call(declaration.value)
        else { return nil }
        let arguments = makeCall.arguments
        guard tree.kind(makeCall.function) == .ident, tree.spells(makeCall.function, "make"),
            context.file.resolution.local(for: makeCall.function) == nil,
            let type = arguments.first, tree.kind(type) == .chanType
        else { return nil }
        make = declaration.value
        unbuffered = arguments.count == 1 || (arguments.count == 2 && tree.kind(arguments[1]) == .basicLit && tree.text(arguments[1]) == "0")
        let resolution = context.file.resolution
        let parents = context.file.parents
        for reference in resolution.references(to: declaration.name) {
            context.work += 1
            let owner = resolution.function(containing: reference)
            var goroutine = NodeID.none
            if owner != function {
                // Only goroutine literals started directly by this function keep the channel local.
                let call = parents[owner]
                guard tree.kind(owner) == .funcLit, tree.call(call)?.function == owner,
                    tree.kind(parents[call]) == .goStmt, resolution.function(containing: owner) == function
                else {
                    escapes = true
                    continue
                }
                goroutine = owner
            }
            guard let use = ChannelFacts.use(of: reference, tree: tree, parents: parents, context) else {
                if ReferenceUse(reference: reference, tree: tree, parents: parents).context != .assignedTo { escapes = true }
                continue
            }
            siteIndex[reference] = sites.count
            let site = Site(reference: reference, use: use, goroutine: goroutine)
            sites.append(site)
            switch use {
            case .receive:
                if goroutine.exists { receivedInGoroutine = true } else { receivesInFunction.append(site) }
            case .send, .close:
                sendsAndCloses.append(site)
                if use == .send { sendCount += 1 } else { isClosed = true }
                if goroutine.exists { sendingGoroutines.insert(goroutine) }
            case .inspect:
                break
            }
        }
    }

    /// The facts about a channel, computed once per file for all the sends
    /// and receives that ask (nil: not a channel this function made).
    static func of(_ declaration: LocalDeclaration, function: NodeID, _ context: RuleContext) -> ChannelFacts? {
        if declaration.function == function, let known = context.caches.channelFacts[declaration.name.index] { return known }
        let facts = ChannelFacts(declaration: declaration, function: function, context)
        if declaration.function == function { context.caches.channelFacts[declaration.name.index] = facts }
        return facts
    }

    /// Whether `reference` is a site in `goroutine`.
    func isSite(_ reference: NodeID, in goroutine: NodeID) -> Bool {
        siteIndex[reference].map { sites[$0].goroutine == goroutine } ?? false
    }

    static func use(of reference: NodeID, tree: SyntaxTree, parents: ParentMap, _ context: RuleContext) -> Use? {
        let parent = parents[reference]
        if tree.send(parent)?.channel == reference { return .send }
        if tree.receives(from: reference, parent: parent) { return .receive }
        guard let call = tree.call(parent) else { return nil }
        let function = call.function
        if tree.kind(function) == .ident, tree.spells(function, "close"), context.file.resolution.local(for: function) == nil {
            return .close
        }
        if tree.kind(function) == .ident, tree.spells(function, "len") || tree.spells(function, "cap") { return .inspect }
        return nil
    }

    /// Whether a receive site is a select case with another way out.
    static func inSelectWithAlternatives(_ reference: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        var current = context.file.parents[reference]
        for _ in 0..<4 {
            guard current.exists else { return false }
            if tree.kind(current) == .commClause {
                let select = context.file.parents[current]
                return (tree.block(select)?.statements.count ?? 0) > 1
            }
            current = context.file.parents[current]
        }
        return false
    }

    /// The item of `function`'s graph that stands for a site: for a site
    /// inside a loop, the loop's header (reaching a loop that sends or
    /// receives counts as doing it: the graph cannot count iterations, and
    /// a loop that runs zero times is usually one that had nothing to do).
    /// Loops that also contain `start` (the go statement) are not counted:
    /// within one iteration the site's own position matters.
    static func stopItem(
        for node: NodeID, after start: NodeID, in graph: ControlFlowGraph, of function: NodeID, _ context: RuleContext
    ) -> NodeID? {
        let tree = context.tree
        var loop = NodeID.none
        var child = node
        var current = context.file.parents[node]
        let startOffset = tree[start].start
        while current.exists && current != function {
            let kind = tree.kind(current)
            if kind == .funcLit { break }
            let containsStart = tree[current].start <= startOffset && startOffset < tree[current].end
            if tree.loopBody(current) == child && !containsStart { loop = current }
            child = current
            current = context.file.parents[current]
        }
        if loop.exists {
            let header: NodeID = tree.range(loop)?.expression ?? tree.forStatement(loop)?.condition ?? .none
            if header.exists, let item = graph.item(containing: header, tree: tree, parents: context.file.parents) { return item }
        }
        return context.item(evaluating: node, in: graph, of: function)
    }
}
