import GoSyntax

/// The control flow of one function body: basic blocks of statement-level
/// items in evaluation order, joined by edges that may carry the condition
/// deciding them.
///
/// Leak rules ask one question of it — "can the function be left after this
/// point without the resource being released?" — so the graph keeps only what
/// that question needs: which items run in which order, where the function
/// returns, and which paths never return (endless loops, `panic`, `os.Exit`).
///
/// Items are simple statements (expression, assignment, inc/dec, send, `go`,
/// `defer`, `return`, declaration and branch statements) and the evaluated
/// parts of compound statements (an `if`'s init and condition, a `switch`'s
/// init, tag and case expressions, a type switch's init and guard, a select
/// case's communication, a `for`'s init, condition and post, a `range`'s
/// ranged expression). Compound statements themselves are never items, and
/// function literals inside items are not expanded: they are functions of
/// their own.
public struct ControlFlowGraph: Sendable {
    /// A way out of a block. Conditional edges come in pairs on the block
    /// that evaluates `condition` as its last item: `whenTrue` says which
    /// outcome takes this edge.
    ///
    /// `if` and `for` conditions and the case expressions of a switch without
    /// tag are conditions. A range loop's head has a pair of edges whose
    /// condition is the `rangeStmt` itself: `whenTrue` into the body, not
    /// `whenTrue` out of the loop. Edges chosen by a tagged switch, a type
    /// switch or a select are unconditional (`condition == .none`,
    /// `whenTrue == true`).
    public struct Edge: Sendable, Equatable {
        public var target: Int
        public var condition: NodeID
        public var whenTrue: Bool

        public init(target: Int, condition: NodeID = .none, whenTrue: Bool = true) {
            self.target = target
            self.condition = condition
            self.whenTrue = whenTrue
        }
    }

    /// A straight run of items: once the first runs, all run, in order
    /// (barring a panic inside one of them).
    public struct Block: Sendable {
        public var items: [NodeID]
        public var successors: [Edge]

        public init(items: [NodeID] = [], successors: [Edge] = []) {
            self.items = items
            self.successors = successors
        }
    }

    /// Where an item sits: its block and its index among the block's items.
    struct Position: Sendable {
        var block: Int32
        var index: Int32
    }

    public var blocks: [Block]
    /// Block index where the body starts.
    public var entry: Int
    /// A virtual, empty block with no successors: every `return` and the end
    /// of the body lead here, and nothing else does.
    public var exit: Int
    /// The function body the graph was built from.
    public var body: NodeID
    /// For each block with an edge to `exit`: the `returnStmt` it ends with,
    /// or `body` when it is the end of the body. `.none` for other blocks.
    let exitWitnesses: [NodeID]
    let positions: [NodeID: Position]

    init(blocks: [Block], entry: Int, exit: Int, body: NodeID, exitWitnesses: [NodeID]) {
        self.blocks = blocks
        self.entry = entry
        self.exit = exit
        self.body = body
        self.exitWitnesses = exitWitnesses
        var positions: [NodeID: Position] = [:]
        for (blockIndex, block) in blocks.enumerated() {
            for (itemIndex, item) in block.items.enumerated() where positions[item] == nil {
                positions[item] = Position(block: Int32(blockIndex), index: Int32(itemIndex))
            }
        }
        self.positions = positions
    }

    /// Builds the graph of one function body (a `blockStmt`: a `funcDecl`'s
    /// or a `funcLit`'s body). Anything else yields an empty body whose entry
    /// leads straight to the exit.
    ///
    /// `neverReturns(call)` says whether a call expression never returns
    /// (`panic`, `os.Exit`, `log.Fatal`, `t.Fatal`...); it is asked about the
    /// call of each expression statement, and a block ending in such a call
    /// has no successors. Linear in the size of the body and iterative, so
    /// any nesting depth is safe.
    public static func build(tree: SyntaxTree, body: NodeID, neverReturns: (NodeID) -> Bool) -> ControlFlowGraph {
        withoutActuallyEscaping(neverReturns) { neverReturns in
            // The builder keeps the predicate only while `build()` runs.
            var builder = ControlFlowBuilder(tree: tree, body: body, neverReturns: neverReturns)
            return builder.build()
        }
    }

    /// Where an item sits, or nil if `item` is not an item of this graph
    /// (a compound statement, a node inside an item, or another function's node).
    public func location(of item: NodeID) -> (block: Int, index: Int)? {
        guard let position = positions[item] else { return nil }
        return (Int(position.block), Int(position.index))
    }

    /// The innermost item of this graph that contains `node` (or is `node`),
    /// or nil when `node` lies outside every item — in particular when it is
    /// inside the body of a function literal, which is a function of its own.
    public func item(containing node: NodeID, tree: SyntaxTree, parents: ParentMap) -> NodeID? {
        var current = node
        var previous = NodeID.none
        while current.exists && current != body {
            if positions[current] != nil { return current }
            if let literal = tree.functionLiteral(current), previous.exists && previous == literal.body { return nil }
            previous = current
            current = parents[current]
        }
        return nil
    }
}
