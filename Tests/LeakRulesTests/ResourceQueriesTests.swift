import GoSyntax
import Testing
@testable import LeakRules

/// The syntax questions shared by the resource and goroutine rules answer
/// exactly what the rules used to work out inline.
@Suite struct ResourceQueriesTests {
    /// The tree of `func f() { <body> }` and its nodes of `kind`, in source order.
    static func nodes(_ kind: NodeKind, in body: String) -> (SyntaxTree, [NodeID]) {
        let tree = GoParser.parse("package p\n\nfunc f() {\n" + body + "\n}\n")
        let ids = (1..<tree.nodes.count).map { NodeID(Int32($0)) }.filter { tree.kind($0) == kind }
        return (tree, ids.sorted { tree[$0].start < tree[$1].start })
    }

    @Test func selectorCalleeDoesNotLookThroughParentheses() {
        let (tree, calls) = Self.nodes(.call, in: "os.Open(p)\n(os.Open)(p)\nopen(p)")
        let callees = calls.compactMap { tree.call($0) }.map { call in tree.selectorCallee(call).map { tree.text($0.id) } }
        #expect(callees == ["os.Open", nil, nil])
        // `calledSelector` does look through them.
        #expect(calls.compactMap { tree.call($0) }.map { tree.calledSelector($0) != nil } == [true, true, false])
    }

    @Test func onlyTheBareIdentifierNilIsNil() {
        let (tree, comparisons) = Self.nodes(.binary, in: "_ = x == nil\n_ = x == (nil)\n_ = x == null\n_ = x == \"nil\"")
        #expect(comparisons.compactMap { tree.binary($0) }.map { tree.isNilIdentifier($0.right) } == [true, false, false, false])
    }

    @Test func aChannelIsReceivedByAReceiveOrARangeOverIt() {
        let source = "v := <-ch\nfor range ch {\n}\nfor range other {\n\tch <- v\n}\n_ = -ch\nclose(ch)"
        let (tree, identifiers) = Self.nodes(.ident, in: source)
        var parents: [NodeID: NodeID] = [:]
        for index in 1..<tree.nodes.count {
            let id = NodeID(Int32(index))
            tree.forEachChild(id) { parents[$0] = id }
        }
        let received = identifiers.filter { tree.spells($0, "ch") }.map { tree.receives(from: $0, parent: parents[$0] ?? .none) }
        #expect(received == [true, true, false, false, false])
    }
}
