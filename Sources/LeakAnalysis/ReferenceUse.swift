import GoSyntax

/// How one reference to a variable is used, seen from the variable: which
/// fields or methods are selected from it (`resp.Body.Close` -> ["Body",
/// "Close"]), and what the expression built that way is then used for.
///
/// Rules decide what counts as a release, a hand-off or a mere read from
/// this description; computing it once keeps that logic out of every rule.
public struct ReferenceUse: Sendable {
    public enum Context: Sendable, Equatable {
        /// The chain is called: `cancel()`, `t.Stop()`, `resp.Body.Close()`.
        case called(call: NodeID)
        /// The chain is argument `index` of a call.
        case argument(call: NodeID, index: Int)
        /// `x == y` / `x != y`.
        case compared
        /// `<-x`.
        case received
        /// `for ... range x`.
        case ranged
        /// Assigned (or declared) from: `y := x`, `s.f = x`; `target` is the left-hand side.
        case assignedFrom(target: NodeID)
        /// Written: `x = ...`, `x := ...` on the left-hand side.
        case assignedTo
        /// `return x`.
        case returned
        /// `ch <- x`.
        case sent
        /// Inside a composite literal element: `T{f: x}`, `[]T{x}`.
        case stored
        /// Anything else (an operand, an index, a deref...).
        case other
    }

    /// The identifier that refers to the variable.
    public var reference: NodeID
    /// Selected names, innermost first.
    public var path: [String]
    /// The outermost node of the selector chain (the reference itself if nothing is selected).
    public var chain: NodeID
    public var context: Context

    /// Describes how `reference` is used.
    public init(reference: NodeID, tree: SyntaxTree, parents: ParentMap) {
        self.reference = reference
        var path: [String] = []
        var current = reference
        var parent = parents[current]
        // Climb through selectors and parentheses.
        while parent.exists {
            let node = tree[parent]
            if node.kind == .selector && node.childA == current {
                path.append(tree.text(node.childB))
            } else if node.kind != .paren {
                break
            }
            current = parent
            parent = parents[current]
        }
        self.path = path
        chain = current
        context = ReferenceUse.context(of: current, parent: parent, tree: tree)
    }

    static func context(of chain: NodeID, parent: NodeID, tree: SyntaxTree) -> Context {
        guard parent.exists else { return .other }
        let node = tree[parent]
        switch node.kind {
        case .call:
            if node.childA == chain { return .called(call: parent) }
            for (index, argument) in tree.ids(node.listBC).enumerated() where argument == chain {
                return .argument(call: parent, index: index)
            }
            return .other
        case .binary:
            return node.op == .eql || node.op == .neq ? .compared : .other
        case .unary:
            return node.op == .arrow ? .received : .other
        case .rangeStmt:
            return node.childC == chain ? .ranged : .assignedTo
        case .returnStmt:
            return .returned
        case .sendStmt:
            return node.childB == chain ? .sent : .other
        case .keyValue:
            return node.childB == chain ? .stored : .other
        case .compositeLit:
            return .stored
        case .assignStmt:
            let lhs = Array(tree.ids(node.listAB))
            if let position = lhs.firstIndex(of: chain) {
                _ = position
                return .assignedTo
            }
            let rhs = Array(tree.ids(node.listCD))
            if let position = rhs.firstIndex(of: chain) {
                let target = lhs.count == rhs.count ? lhs[position] : (lhs.first ?? .none)
                return .assignedFrom(target: target)
            }
            return .other
        case .valueSpec:
            let names = Array(tree.ids(node.listAB))
            let values = Array(tree.ids(node.listDE))
            if let position = values.firstIndex(of: chain) {
                let target = names.count == values.count ? names[position] : (names.first ?? .none)
                return .assignedFrom(target: target)
            }
            return .other
        default:
            return .other
        }
    }
}
