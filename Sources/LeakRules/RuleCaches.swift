import GoSyntax
import LeakAnalysis

/// What rules compute once per file and reuse from one visit to the next.
///
/// A rule is visited once per node of a kind, and many nodes can ask the
/// same question (every defer of one loop body, every send on one channel,
/// every value one variable holds): answering it from scratch each time
/// made long functions quadratic. Keys are node indices of the file.
struct RuleCaches {
    /// Per local: the offsets of the references that assign to it.
    var writeOffsets: [Int32: [Int32]] = [:]
    /// defer-in-loop: per statement list (by the node holding it), the start
    /// of its last statement that ends the loop for good, or -1.
    var lastLoopExits: [Int32: Int32] = [:]
    /// loop-var-capture: per statement list, the node indices of its returns and breaks in order.
    var listExits: [Int32: [Int32]] = [:]
    /// loop-var-capture: the `v := v` fix per loop variable (nil: none offered).
    var loopCopyFixes: [Int32: SuggestedFix?] = [:]
    /// Resource rules: the references of each variable, classified once per rule.
    var classifiedReferences: [ClassifiedReferences.Key: ClassifiedReferences] = [:]
    /// lost-cancel: the items using each cancel variable.
    var cancelUses: [Int32: StopItems] = [:]
    /// missing-unlock: each function's unlocks and calls handed a mutex.
    var mutexCalls: [Int32: MutexCalls] = [:]
    /// Goroutine rules: what a function does with each channel it made (nil: not such a channel).
    var channelFacts: [Int32: ChannelFacts?] = [:]
}
