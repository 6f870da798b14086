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
        guard let block = tree.block(parents[current]) else { return nil }
        let loop = parents[block.id]
        guard tree.loopBody(loop) == block.id else { return nil }
        let hasOthers = block.statements.contains { $0 != current && tree.kind($0) != .emptyStmt }
        return hasOthers ? nil : loop
    }

    /// `for {` or `for cond {` without a post statement; an iteration
    /// protocol condition (`for pb.Next() {`, `for b.Loop() {`) bounds it.
    static func isUnbounded(_ loop: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        guard let header = tree.forStatement(loop), !header.post.exists else { return false }
        if let condition = tree.call(header.condition), let method = tree.methodName(condition) {
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
        guard let body = tree.selectStatement(select).flatMap({ tree.block($0.body) }) else { return }
        for id in body.statements {
            guard let clause = tree.commClause(id), !clause.communication.exists else { continue }
            if !clause.body.contains(where: { tree.kind($0) != .emptyStmt }) {
                let start = tree[id].start
                context.report(
                    start: start, end: start + 8,
                    "select in a loop with an empty default case never blocks: the goroutine spins on a CPU; remove the default case or block in it")
            }
        }
    }
}
