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
            if let selector = tree.selector(parent), selector.base == current {
                path.append(tree.text(selector.name))
            } else if tree.kind(parent) != .paren {
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
        switch tree.kind(parent) {
        case .call:
            guard let call = tree.call(parent) else { return .other }
            if call.function == chain { return .called(call: parent) }
            if let index = call.arguments.firstIndex(of: chain) { return .argument(call: parent, index: index) }
            return .other
        case .binary:
            guard let binary = tree.binary(parent) else { return .other }
            return binary.operator == .eql || binary.operator == .neq ? .compared : .other
        case .unary:
            return tree.isReceive(parent) ? .received : .other
        case .rangeStmt:
            guard let loop = tree.range(parent) else { return .other }
            return loop.expression == chain ? .ranged : .assignedTo
        case .returnStmt:
            return .returned
        case .sendStmt:
            guard let send = tree.send(parent) else { return .other }
            return send.value == chain ? .sent : .other
        case .keyValue:
            guard let pair = tree.keyValue(parent) else { return .other }
            return pair.value == chain ? .stored : .other
        case .compositeLit:
            return .stored
        case .assignStmt:
            guard let assign = tree.assign(parent) else { return .other }
            if assign.lhs.contains(chain) { return .assignedTo }
            guard let position = assign.rhs.firstIndex(of: chain) else { return .other }
            return .assignedFrom(target: target(at: position, of: assign.lhs, valueCount: assign.rhs.count))
        case .valueSpec:
            guard let spec = tree.valueSpec(parent), let position = spec.values.firstIndex(of: chain) else { return .other }
            return .assignedFrom(target: target(at: position, of: spec.names, valueCount: spec.values.count))
        default:
            return .other
        }
    }

    /// The name that the `position`-th of `valueCount` values is assigned
    /// to: its counterpart when the counts match, else (one call with
    /// several results) the first name.
    private static func target(at position: Int, of names: NodeIDs, valueCount: Int) -> NodeID {
        names.count == valueCount ? names[position] : (names.first ?? .none)
    }
}
