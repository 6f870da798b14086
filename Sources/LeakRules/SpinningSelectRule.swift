import GoSyntax
import LeakAnalysis

/// `spinning-select`: `for { select { ...; default: } }` never blocks — with
/// nothing ready, the empty default returns at once and the loop goes
/// round again, burning a CPU for as long as the goroutine lives.
enum SpinningSelectRule {
    static let id = "spinning-select"

    static let rule = Rule(
        id: id, title: "select with an empty default case in a loop", severity: .warning, kinds: [.selectStmt]
    ) { select, context in check(select, context) }

    /// The loop whose body is just `statement` (ignoring empty statements and a label).
    static func soleBodyLoop(of statement: NodeID, _ context: RuleContext) -> NodeID? {
        let tree = context.tree
        let parents = context.file.parents
        var current = statement
        if tree.kind(parents[current]) == .labeledStmt { current = parents[current] }
        let block = parents[current]
        guard tree.kind(block) == .blockStmt else { return nil }
        let loop = parents[block]
        let kind = tree.kind(loop)
        guard kind == .forStmt || kind == .rangeStmt, tree[loop].childD == block else { return nil }
        let others = tree.ids(tree[block].listAB).filter { $0 != current && tree.kind($0) != .emptyStmt }
        return others.isEmpty ? loop : nil
    }

    /// `for {` or `for cond {` without a post statement; an iteration
    /// protocol condition (`for pb.Next() {`, `for b.Loop() {`) bounds it.
    static func isUnbounded(_ loop: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard tree.kind(loop) == .forStmt, !tree[loop].childC.exists else { return false }
        let condition = tree[loop].childB
        if tree.kind(condition) == .call, tree.kind(tree[condition].childA) == .selector {
            let method = tree[tree[condition].childA].childB
            if tree.spells(method, "Next") || tree.spells(method, "Loop") { return false }
        }
        return true
    }

    static func check(_ select: NodeID, _ context: RuleContext) {
        let tree = context.tree
        // The select must be the whole body of a loop that only ends when something
        // changes (`for {`, `for cond {`), possibly through one bounded inner loop
        // (`for { for _, q := range queues { select {...} } }`).
        guard let loop = soleBodyLoop(of: select, context) else { return }
        if !isUnbounded(loop, context) {
            guard let outer = soleBodyLoop(of: loop, context), isUnbounded(outer, context) else { return }
        }
        let body = tree[select].childA
        guard body.exists else { return }
        for clause in tree.ids(tree[body].listAB) {
            let node = tree[clause]
            guard node.kind == .commClause, !node.childA.exists else { continue }
            let statements = tree.ids(node.listBC).filter { tree.kind($0) != .emptyStmt }
            if statements.isEmpty {
                context.report(
                    start: node.start, end: node.start + 8,
                    "select in a loop with an empty default case never blocks: the goroutine spins on a CPU; remove the default case or block in it")
            }
        }
    }
}
