import GoSyntax
import LeakAnalysis

extension NoReturnCalls {
    static func neverReturns(_ call: NodeID, in context: RuleContext) -> Bool {
        neverReturns(call, file: context.file, types: context.types)
    }
}
