/// Marks a diagnostic that a suppression comment silenced. Such findings are
/// not reported as problems, but formats that can record a suppression
/// (SARIF) still carry them, so code scanning shows them as suppressed
/// instead of closing them as fixed.
public struct AppliedSuppression: Sendable, Equatable {
    /// The comment's reason (`//lint:ignore id reason`, `//nolint:id // reason`); nil when it gives none.
    public var justification: String?

    public init(justification: String?) {
        self.justification = justification
    }
}
