import GoSyntax
import LeakAnalysis

/// Runs a set of rules over a package: one walk per reported file, each
/// node dispatched by kind to the rules that asked for it, then suppression
/// comments applied and unused ones reported.
public struct Linter: Sendable {
    public let rules: [Rule]
    public let configuration: Configuration
    /// Rule indices by node kind raw value: the single walk's dispatch table.
    private let dispatch: [[Int]]
    private let reportsUnusedSuppressions: Bool

    public init(rules: [Rule], configuration: Configuration = Configuration()) {
        self.configuration = configuration
        // Severities from the configuration replace the defaults.
        self.rules = rules.map { rule in
            guard let severity = configuration.rules[rule.id]?.severity else { return rule }
            return Rule(id: rule.id, title: rule.title, severity: severity, kinds: rule.kinds, visit: rule.visit)
        }
        let rules = self.rules
        var table = [[Int]](repeating: [], count: Int(UInt8.max) + 1)
        for (index, rule) in rules.enumerated() {
            for kind in rule.kinds { table[Int(kind.rawValue)].append(index) }
        }
        dispatch = table
        reportsUnusedSuppressions = rules.contains { $0.id == UnusedSuppressionRule.id }
    }

    /// Findings for the reported files of `package`, sorted by position and rule.
    /// With `keepingSuppressed`, findings a suppression comment silenced are
    /// included too, marked with their `suppression`; otherwise they are dropped.
    public func lint(_ package: AnalyzedPackage, keepingSuppressed: Bool = false) -> [Diagnostic] {
        StackGuard.withDeepStack {
            var findings: [Diagnostic] = []
            for index in package.files.indices where package.files[index].isReported {
                findings += lint(fileAt: index, of: package, keepingSuppressed: keepingSuppressed)
            }
            return findings
        }
    }

    func lint(fileAt fileIndex: Int, of package: AnalyzedPackage, keepingSuppressed: Bool = false) -> [Diagnostic] {
        run(fileAt: fileIndex, of: package, keepingSuppressed: keepingSuppressed).findings
    }

    /// The findings of one file, and the context that found them (whose
    /// work counters tests read).
    func run(fileAt fileIndex: Int, of package: AnalyzedPackage, keepingSuppressed: Bool = false) -> (findings: [Diagnostic], context: RuleContext) {
        let context = RuleContext(package: package, fileIndex: fileIndex, configuration: configuration)
        let tree = context.tree
        guard tree.root.exists, tree[tree.root].kind == .file else { return ([], context) }
        // One pass over the node arena in order; nodes left unreachable by
        // parse-time rewrites (they have no parent) are skipped.
        let parents = context.file.parents
        let count = Int32(tree.nodes.count)
        var index: Int32 = 1
        while index < count {
            let id = NodeID(index)
            index += 1
            let interested = dispatch[Int(tree.kind(id).rawValue)]
            guard !interested.isEmpty, parents[id].exists || id == tree.root else { continue }
            for ruleIndex in interested {
                context.rule = rules[ruleIndex]
                rules[ruleIndex].visit(id, context)
            }
        }
        return (applySuppressions(context.findings, context: context, keepingSuppressed: keepingSuppressed), context)
    }

    private func applySuppressions(_ diagnostics: [Diagnostic], context: RuleContext, keepingSuppressed: Bool) -> [Diagnostic] {
        let file = context.file
        guard Suppressions.mayContainDirectives(file) else { return Linter.sorted(diagnostics) }
        let lines = file.tree.makeLineTable()
        let suppressions = Suppressions(file: file, lines: lines)
        guard !suppressions.directives.isEmpty else { return Linter.sorted(diagnostics) }
        var matcher = SuppressionMatcher(suppressions.directives)
        var ruleIDs = Set<String>()
        var kept: [Diagnostic] = []
        for var diagnostic in diagnostics {
            ruleIDs.insert(diagnostic.ruleID)
            let applied = matcher.suppression(line: lines.line(ofOffset: Int(diagnostic.start)), ruleID: diagnostic.ruleID)
            if let applied, diagnostic.suppression?.justification == nil { diagnostic.suppression = applied }
            if diagnostic.suppression == nil || keepingSuppressed { kept.append(diagnostic) }
        }
        matcher.finish(ruleIDs: ruleIDs)
        context.work += matcher.checks
        if reportsUnusedSuppressions {
            let active = Set(rules.map(\.id))
            kept += UnusedSuppressionRule.findings(
                suppressions.directives, used: matcher.used, activeRules: active, path: file.path)
        }
        return Linter.sorted(kept)
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
            return lhs.message < rhs.message
        }
    }
}
