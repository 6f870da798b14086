import GoSyntax
import LeakAnalysis

/// A check, declared as a value: its id, one-line title, default severity,
/// the node kinds it wants to see, and what it does with each.
///
/// Rules do not walk the tree themselves: the `Linter` makes one pass per
/// file and hands every node to the rules that asked for its kind. The
/// documentation is the rule's `Rules/<id>/README.md`, embedded at build time.
public struct Rule: Sendable {
    /// kebab-case, e.g. `lost-cancel`.
    public let id: String
    /// Lowercase, no trailing period.
    public let title: String
    public let severity: Severity
    public let kinds: [NodeKind]
    public let visit: @Sendable (NodeID, RuleContext) -> Void

    public init(
        id: String, title: String, severity: Severity, kinds: [NodeKind],
        visit: @escaping @Sendable (NodeID, RuleContext) -> Void
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.kinds = kinds
        self.visit = visit
    }

    /// The rule's README (Markdown); empty if the rule has none, which a test forbids.
    public var documentation: String { RuleDocumentation.byID[id] ?? "" }
}

/// Every rule leaklint has, in the order `leaklint rules` lists them.
public enum RuleRegistry {
    public static let all: [Rule] = [
        LostCancelRule.rule,
        UnclosedBodyRule.rule,
        UnstoppedTimerRule.rule,
        LoopVarCaptureRule.rule,
        UnclosedResourceRule.rule,
        GoroutineSendLeakRule.rule,
        GoroutineRecvLeakRule.rule,
        MissingUnlockRule.rule,
        DeferInLoopRule.rule,
        SpinningSelectRule.rule,
        WaitGroupMisuseRule.rule,
        UnusedSuppressionRule.rule,
    ]

    public static func rule(withID id: String) -> Rule? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }
}
