import GoSyntax

/// The path question leak rules share: after a resource is acquired, can the
/// function be left without passing an item that releases (or hands off) it?
///
/// Rules differ only in what stops a path and which branches cannot be taken
/// (after `f, err := os.Open(p)`, the branch where `err != nil` holds has no
/// file to close), so both are parameters.
extension ControlFlowGraph {
    /// The first function exit reachable from just after `item` along a path
    /// on which no item satisfies `stops`, not following edges for which
    /// `prune(edge)` is true. Returns the witness: the `returnStmt` node
    /// reached, or `body` itself when the path falls off the end of the
    /// function. nil when every path to an exit is stopped, when no exit is
    /// reachable at all (an endless loop, a panic), or when `item` is not an
    /// item of this graph.
    ///
    /// Of several reachable exits, the witness is the first in source order
    /// (nodes are numbered as they are completed, so a smaller id is an
    /// earlier return, and the body's end comes last). Each block is scanned
    /// at most once, and `stops` is asked about each item at most once.
    public func firstUnstoppedExit(
        after item: NodeID, stops: (NodeID) -> Bool, prune: (Edge) -> Bool = { _ in false }
    ) -> NodeID? {
        guard let start = location(of: item) else { return nil }
        return firstUnstoppedExit(fromBlock: start.block, afterIndex: start.index, stops: stops, prune: prune)
    }

    /// Like `firstUnstoppedExit(after:)`, from the start of the function.
    public func firstUnstoppedExitFromEntry(stops: (NodeID) -> Bool, prune: (Edge) -> Bool = { _ in false }) -> NodeID? {
        firstUnstoppedExit(fromBlock: entry, afterIndex: -1, stops: stops, prune: prune)
    }

    private func firstUnstoppedExit(
        fromBlock startBlock: Int, afterIndex: Int, stops: (NodeID) -> Bool, prune: (Edge) -> Bool
    ) -> NodeID? {
        let start = (block: startBlock, index: afterIndex)
        let startItems = blocks[start.block].items
        for index in (start.index + 1)..<max(start.index + 1, startItems.count) where stops(startItems[index]) {
            return nil
        }
        // Re-entering the start block through a loop could only reach the
        // successors already queued from its tail, so it counts as visited.
        var visited = [Bool](repeating: false, count: blocks.count)
        visited[start.block] = true
        var queue = [start.block]
        var head = 0
        var best: NodeID?
        while head < queue.count {
            let block = queue[head]
            head += 1
            if head > 1 && blocks[block].items.contains(where: stops) { continue }
            for edge in blocks[block].successors where !prune(edge) {
                if edge.target == exit {
                    let witness = exitWitnesses[block].exists ? exitWitnesses[block] : body
                    if best.map({ witness < $0 }) ?? true { best = witness }
                    continue
                }
                if !visited[edge.target] {
                    visited[edge.target] = true
                    queue.append(edge.target)
                }
            }
        }
        return best
    }
}
