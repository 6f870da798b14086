/// The strongly connected components of a directed graph, numbered in the
/// order Tarjan's algorithm completes them.
///
/// Exists so that path searches can tell at a glance which blocks a start
/// block can never reach: completion order is a reverse topological order of
/// the components, so when `a` reaches `b` and they are in different
/// components, `component[b] < component[a]`. Iterative, linear in nodes and
/// edges, so neither long chains nor deep loops can overflow the stack.
struct StrongComponents {
    /// Per node: its component's number (0 completes first).
    let component: [Int32]

    /// Nodes are `0..<count`; the edges of node `n` go to `targets[edgeStart[n]..<edgeStart[n + 1]]`.
    init(count: Int, edgeStart: [Int32], targets: [Int32]) {
        var component = [Int32](repeating: -1, count: count)
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        // A depth-first walk kept on the heap: the node and its next edge to try.
        var frames: [(node: Int32, edge: Int32)] = []
        var nextOrder: Int32 = 0
        var completed: Int32 = 0
        for root in 0..<count where order[root] < 0 {
            order[root] = nextOrder
            low[root] = nextOrder
            nextOrder += 1
            stack.append(Int32(root))
            onStack[root] = true
            frames.append((Int32(root), edgeStart[root]))
            while let frame = frames.last {
                let node = Int(frame.node)
                if frame.edge < edgeStart[node + 1] {
                    frames[frames.count - 1].edge += 1
                    let target = Int(targets[Int(frame.edge)])
                    if order[target] < 0 {
                        order[target] = nextOrder
                        low[target] = nextOrder
                        nextOrder += 1
                        stack.append(Int32(target))
                        onStack[target] = true
                        frames.append((Int32(target), edgeStart[target]))
                    } else if onStack[target] {
                        low[node] = min(low[node], order[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[node]) }
                guard low[node] == order[node] else { continue }
                while let member = stack.popLast() {
                    onStack[Int(member)] = false
                    component[Int(member)] = completed
                    if Int(member) == node { break }
                }
                completed += 1
            }
        }
        self.component = component
    }
}
