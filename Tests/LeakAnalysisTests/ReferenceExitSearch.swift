import GoSyntax
@testable import LeakAnalysis

/// The plain breadth-first search `ExitSearch` must agree with: from the
/// start, every block once, stopped blocks not expanded, pruned edges not
/// followed, the smallest witness of the exits reached. Quadratic when asked
/// for many values of one function, which is why the analysis does not use it;
/// the tests compare the two on every fixture.
extension ControlFlowGraph {
    func referenceFirstUnstoppedExit(
        after item: NodeID, stops: (NodeID) -> Bool, prune: (Edge) -> Bool = { _ in false }
    ) -> NodeID? {
        guard let start = location(of: item) else { return nil }
        return referenceFirstUnstoppedExit(fromBlock: start.block, afterIndex: start.index, stops: stops, prune: prune)
    }

    func referenceFirstUnstoppedExit(
        fromBlock startBlock: Int, afterIndex: Int, stops: (NodeID) -> Bool, prune: (Edge) -> Bool
    ) -> NodeID? {
        let startItems = blocks[startBlock].items
        for index in (afterIndex + 1)..<max(afterIndex + 1, startItems.count) where stops(startItems[index]) {
            return nil
        }
        var visited = [Bool](repeating: false, count: blocks.count)
        visited[startBlock] = true
        var queue = [startBlock]
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
