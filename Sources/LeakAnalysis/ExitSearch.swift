import GoSyntax

/// The path question leak rules share — after a value is acquired, can the
/// function be left without passing an item that releases (or hands off)
/// it? — answered for many values of one function at a cost that grows with
/// the blocks where each value still matters, not with the whole function.
///
/// Rules differ only in what stops a path and which branches cannot be
/// taken (after `f, err := os.Open(p)`, the branch where `err != nil` holds
/// has no file to close), so both are parameters of a query.
///
/// A query first walks the graph from its start, block by block, as far as
/// `directLimit` blocks: most values are released (or leak) within a few
/// blocks. Past that, it switches to an index built once per function: for
/// every block, the first exit in source order reachable from it when
/// nothing stops a path, and the strongly connected components of the
/// graph. The query then walks only the blocks from which one of its stops
/// or watched branches can still be reached (found backwards from those),
/// and the loop around its start; any other block it reaches adds the first
/// exit precomputed for it. So one value costs its live region, and many
/// values in one long function stay linear in total.
///
/// Holds per-query scratch marks: one instance serves one thread.
public final class ExitSearch {
    public typealias Edge = ControlFlowGraph.Edge

    public let graph: ControlFlowGraph
    /// Items, blocks and edges looked at by all queries so far; tests
    /// compare it across input sizes to check that work grows linearly.
    public private(set) var work = 0
    /// How many blocks a query walks directly before it uses the index.
    let directLimit: Int
    private let removing: (Edge) -> Bool
    private var index: ExitIndex?

    /// Per-query marks: a block carries a mark while its entry equals `stamp`.
    private var stamp: UInt32 = 0
    private var visited: [UInt32]
    private var live: [UInt32]
    private var stopped: [UInt32]
    private var queue: [Int32] = []

    /// Prepares queries over `graph`; edges for which `removing(edge)` is
    /// true are never followed by any query (a loop over a channel that is
    /// never closed does not end through its head).
    public init(graph: ControlFlowGraph, directLimit: Int = 32, removing: @escaping (Edge) -> Bool = { _ in false }) {
        self.graph = graph
        self.directLimit = directLimit
        self.removing = removing
        visited = [UInt32](repeating: 0, count: graph.blocks.count)
        live = visited
        stopped = visited
    }

    /// The first function exit reachable from just after `item` along a path
    /// on which no item of `stops` runs, not following edges for which
    /// `prune(edge)` is true. Returns the witness: the `returnStmt` node
    /// reached, or the body itself when the path falls off the end of the
    /// function. nil when every path to an exit is stopped, when no exit is
    /// reachable at all (an endless loop, a panic), or when `item` is not an
    /// item of this graph.
    ///
    /// `prune` may cut only edges leaving the block of `item` or a block
    /// holding one of the items `watching()` lists (a rule lists the
    /// conditions its `prune` can recognise, those that mention the value);
    /// `watching` is called only when the query uses the index. Of several
    /// reachable exits, the witness is the first in source order (nodes are
    /// numbered as they are completed, so a smaller id is an earlier return,
    /// and the body's end comes last). Re-entering the start block through a
    /// loop reaches nothing new: its successors are already searched, so
    /// items before `item` in its block never stop a path.
    public func firstUnstoppedExit(
        after item: NodeID, stops: StopItems, watching: () -> [NodeID] = { [] }, prune: (Edge) -> Bool = { _ in false }
    ) -> NodeID? {
        guard let start = graph.location(of: item) else { return nil }
        return search(from: start.block, afterIndex: start.index, stops: stops, watching: watching, prune: prune)
    }

    /// The same, for stop items placed for this one query.
    public func firstUnstoppedExit(
        after item: NodeID, stops: Set<NodeID>, watching: () -> [NodeID] = { [] }, prune: (Edge) -> Bool = { _ in false }
    ) -> NodeID? {
        firstUnstoppedExit(after: item, stops: StopItems(stops, in: graph), watching: watching, prune: prune)
    }

    /// Like `firstUnstoppedExit(after:)`, from the start of the function:
    /// every item of the entry block can stop the path.
    public func firstUnstoppedExitFromEntry(stops: Set<NodeID>) -> NodeID? {
        search(from: graph.entry, afterIndex: -1, stops: StopItems(stops, in: graph), watching: { [] }, prune: { _ in false })
    }

    private func search(
        from start: Int, afterIndex: Int, stops: StopItems, watching: () -> [NodeID], prune: (Edge) -> Bool
    ) -> NodeID? {
        work += 1
        if let last = stops.lastIndex[start], last > afterIndex { return nil }
        if let answer = directSearch(from: start, stops: stops, prune: prune) { return answer }
        return indexedSearch(from: start, stops: stops, watching: watching(), prune: prune)
    }

    /// The walk over every block reachable from the start, each once; nil
    /// (no answer yet) when it would take more than `directLimit` blocks.
    private func directSearch(from start: Int, stops: StopItems, prune: (Edge) -> Bool) -> NodeID?? {
        nextStamp()
        queue.removeAll(keepingCapacity: true)
        visited[start] = stamp
        queue.append(Int32(start))
        var best = Int32.max
        var head = 0
        while head < queue.count {
            if head > directLimit { return nil }
            let block = Int(queue[head])
            head += 1
            work += 1
            if head > 1 && stops.lastIndex[block] != nil { continue }
            follow(block, prune: prune, best: &best)
        }
        return .some(best == Int32.max ? nil : NodeID(best))
    }

    /// The search with the index: only the value's live region and the
    /// start's own loop are walked block by block.
    private func indexedSearch(from start: Int, stops: StopItems, watching: [NodeID], prune: (Edge) -> Bool) -> NodeID? {
        let index = self.index ?? ExitIndex(graph: graph, removing: removing)
        self.index = index
        nextStamp()
        let startComponent = index.component[start]
        // Blocks the start can reach have a component number no greater than
        // its own: only those can matter, the rest are skipped at once.
        var seeds: [Int32] = []
        for block in stops.lastIndex.keys {
            work += 1
            if block != start && index.component[block] <= startComponent {
                stopped[block] = stamp
                seeds.append(Int32(block))
            }
        }
        for item in watching {
            work += 1
            guard let position = graph.positions[item] else { continue }
            let block = Int(position.block)
            if block != start && index.component[block] <= startComponent { seeds.append(Int32(block)) }
        }
        markLive(from: seeds, start: start, startComponent: startComponent, index: index)

        // Forward from the start: live blocks and the start's own loop are
        // walked one by one; any other block cannot reach a stop, a watched
        // branch or the start again, so its precomputed first exit is exact.
        var best = Int32.max
        queue.removeAll(keepingCapacity: true)
        visited[start] = stamp
        follow(start, prune: prune, best: &best)
        var head = 0
        while head < queue.count {
            let block = Int(queue[head])
            head += 1
            work += 1
            if live[block] == stamp || index.component[block] == startComponent {
                if stopped[block] == stamp { continue }
                follow(block, prune: prune, best: &best)
            } else if index.firstExit[block] >= 0 {
                best = min(best, index.firstExit[block])
            }
        }
        return best == Int32.max ? nil : NodeID(best)
    }

    /// Marks every block from which a seed can be reached without passing
    /// through the start (where the value is acquired), among the blocks the
    /// start may reach.
    private func markLive(from seeds: [Int32], start: Int, startComponent: Int32, index: ExitIndex) {
        queue.removeAll(keepingCapacity: true)
        for seed in seeds where live[Int(seed)] != stamp {
            live[Int(seed)] = stamp
            queue.append(seed)
        }
        var head = 0
        while head < queue.count {
            let block = Int(queue[head])
            head += 1
            for predecessor in index.predecessors(of: block) {
                work += 1
                let predecessor = Int(predecessor)
                if predecessor == start || live[predecessor] == stamp || index.component[predecessor] > startComponent { continue }
                live[predecessor] = stamp
                queue.append(Int32(predecessor))
            }
        }
    }

    /// Queues the unvisited successors of `block` and records the exit it may lead to.
    private func follow(_ block: Int, prune: (Edge) -> Bool, best: inout Int32) {
        for edge in graph.blocks[block].successors {
            work += 1
            if removing(edge) || prune(edge) { continue }
            if edge.target == graph.exit {
                best = min(best, ExitIndex.witness(of: block, in: graph))
            } else if visited[edge.target] != stamp {
                visited[edge.target] = stamp
                queue.append(Int32(edge.target))
            }
        }
    }

    private func nextStamp() {
        if stamp == UInt32.max {
            stamp = 0
            for index in visited.indices {
                visited[index] = 0
                live[index] = 0
                stopped[index] = 0
            }
        }
        stamp += 1
    }
}

/// Items that stop paths, placed once in a graph: queries that share them
/// (the releases of one variable, for every value it holds) place them once,
/// and each block visited costs one lookup, however long the block.
public struct StopItems: Sendable {
    /// Per block holding a stop: the index of its last stop item.
    let lastIndex: [Int: Int]

    /// Places `items` in `graph`; items that are not its items are ignored.
    public init(_ items: some Sequence<NodeID>, in graph: ControlFlowGraph) {
        var lastIndex: [Int: Int] = [:]
        for item in items {
            guard let position = graph.positions[item] else { continue }
            let block = Int(position.block)
            lastIndex[block] = max(lastIndex[block] ?? -1, Int(position.index))
        }
        self.lastIndex = lastIndex
    }
}
