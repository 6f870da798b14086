import GoSyntax

/// What `ExitSearch` precomputes for one function when a query walks too
/// far on its own: the kept edges backwards, the strongly connected
/// components, and for every block the first exit (in source order)
/// reachable from it when nothing stops a path. Built in time linear in the
/// graph.
struct ExitIndex {
    typealias Edge = ControlFlowGraph.Edge

    /// Sources of the kept edges into block `b`: `sources[predecessorStart[b]..<predecessorStart[b + 1]]`.
    private let predecessorStart: [Int32]
    private let sources: [Int32]
    /// Per block: its strongly connected component, numbered so that a
    /// block only reaches blocks of its own or a smaller number.
    let component: [Int32]
    /// Per block: the node index of the first exit witness reachable from
    /// its start with nothing stopping the path; -1 if none.
    let firstExit: [Int32]

    /// Edges for which `removing(edge)` is true are left out.
    init(graph: ControlFlowGraph, removing: (Edge) -> Bool) {
        let count = graph.blocks.count
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        var incoming = [Int32](repeating: 0, count: count + 1)
        for (block, node) in graph.blocks.enumerated() {
            for edge in node.successors where edge.target >= 0 && edge.target < count && !removing(edge) {
                targets.append(Int32(edge.target))
                incoming[edge.target + 1] += 1
            }
            edgeStart[block + 1] = Int32(targets.count)
        }
        for block in 0..<count { incoming[block + 1] += incoming[block] }
        var sources = [Int32](repeating: 0, count: targets.count)
        var fill = incoming
        for block in 0..<count {
            for position in Int(edgeStart[block])..<Int(edgeStart[block + 1]) {
                let target = Int(targets[position])
                sources[Int(fill[target])] = Int32(block)
                fill[target] += 1
            }
        }
        predecessorStart = incoming
        self.sources = sources
        component = StrongComponents(count: count, edgeStart: edgeStart, targets: targets).component
        firstExit = ExitIndex.firstExits(
            graph: graph, edgeStart: edgeStart, targets: targets, predecessorStart: incoming, sources: sources)
    }

    func predecessors(of block: Int) -> ArraySlice<Int32> {
        sources[Int(predecessorStart[block])..<Int(predecessorStart[block + 1])]
    }

    /// The witness of leaving the function from `block`: its `return`, or the body's end.
    static func witness(of block: Int, in graph: ControlFlowGraph) -> Int32 {
        let witness = graph.exitWitnesses[block]
        return witness.exists ? witness.index : graph.body.index
    }

    /// Exits are taken in source order, and each marks, walking backwards,
    /// the blocks no earlier exit has claimed. Every block and edge is seen once.
    private static func firstExits(
        graph: ControlFlowGraph, edgeStart: [Int32], targets: [Int32], predecessorStart: [Int32], sources: [Int32]
    ) -> [Int32] {
        let count = graph.blocks.count
        var exits: [(witness: Int32, block: Int32)] = []
        for block in 0..<count where block != graph.exit
            && targets[Int(edgeStart[block])..<Int(edgeStart[block + 1])].contains(Int32(graph.exit)) {
            exits.append((witness(of: block, in: graph), Int32(block)))
        }
        exits.sort { ($0.witness, $0.block) < ($1.witness, $1.block) }
        var first = [Int32](repeating: -1, count: count)
        var claimed = [Bool](repeating: false, count: count)
        var queue: [Int32] = []
        for exit in exits where !claimed[Int(exit.block)] {
            claimed[Int(exit.block)] = true
            first[Int(exit.block)] = exit.witness
            queue.removeAll(keepingCapacity: true)
            queue.append(exit.block)
            var head = 0
            while head < queue.count {
                let block = Int(queue[head])
                head += 1
                for position in Int(predecessorStart[block])..<Int(predecessorStart[block + 1]) {
                    let source = Int(sources[position])
                    if claimed[source] { continue }
                    claimed[source] = true
                    first[source] = exit.witness
                    queue.append(Int32(source))
                }
            }
        }
        return first
    }
}
