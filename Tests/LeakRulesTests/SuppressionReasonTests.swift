import GoSyntax
import LeakAnalysis
import Testing
@testable import LeakRules

/// What a suppression comment says about why, and the linter keeping
/// silenced findings (marked) when asked, so reports can show them as suppressed.
@Suite struct SuppressionReasons {
    @Test func reasonsAreTakenFromEveryForm() {
        func reason(_ comment: String) -> String? { Suppressions.parse(comment)?.reason }
        #expect(reason("//nolint:unclosed-body // the caller drains it") == "the caller drains it")
        #expect(reason("//nolint:unclosed-body,lost-cancel //the caller drains it ") == "the caller drains it")
        #expect(reason("//nolint:unclosed-body the caller drains it") == "the caller drains it")
        #expect(reason("//nolint:unclosed-body") == "")
        #expect(reason("//nolint:unclosed-body //") == "")
        #expect(reason("//nolint // generated code") == "generated code")
        #expect(reason("//nolint") == "")
        #expect(reason("//lint:ignore unclosed-body the caller closes it") == "the caller closes it")
        #expect(reason("//leaklint:ignore lost-cancel,unclosed-body  exits right after ") == "exits right after")
        #expect(reason("//lint:file-ignore unclosed-body fixtures only") == "fixtures only")
        // The ignore forms need a reason; a trailing comment is not one, and such a directive silences nothing.
        let bare = Suppressions.parse("//lint:ignore unclosed-body // later")
        #expect(bare?.reason == "" && bare?.hasReason == false)
        #expect(Suppressions.parse("//nolint:unclosed-body // why")?.ruleIDs == ["unclosed-body"])
    }

    static let source = """
        package svc

        import (
        	"context"
        	"net/http"
        	"time"
        )

        func price(url string) int {
        	resp, _ := http.Get(url) //nolint:unclosed-body // the caller drains it
        	return resp.StatusCode
        }

        func poll(parent context.Context) {
        	//nolint:lost-cancel
        	ctx, _ := context.WithTimeout(parent, time.Second)
        	_ = ctx
        }

        func wait(parent context.Context) {
        	ctx, _ := context.WithTimeout(parent, time.Second)
        	<-ctx.Done()
        }

        """

    static func package() -> AnalyzedPackage? {
        let parsed = [PackageLoader.ParsedFile(path: "svc/a.go", tree: GoParser.parse(Array(source.utf8)), isReported: true)]
        return PackageLoader.packages(from: parsed, versions: ModuleVersions()).first
    }

    @Test func suppressedFindingsAreKeptOnlyWhenAskedAndCarryTheReason() throws {
        let package = try #require(SuppressionReasons.package())
        let linter = Linter(rules: RuleRegistry.all)
        let reported = linter.lint(package)
        #expect(reported.map(\.ruleID) == ["lost-cancel"])
        #expect(reported.allSatisfy { $0.suppression == nil })

        let all = linter.lint(package, keepingSuppressed: true)
        #expect(all.map(\.ruleID) == ["unclosed-body", "lost-cancel", "lost-cancel"])
        #expect(all.map(\.suppression) == [
            AppliedSuppression(justification: "the caller drains it"), AppliedSuppression(justification: nil), nil,
        ])
        // Both comments silenced something, so neither is an unused suppression.
        #expect(!all.contains { $0.ruleID == UnusedSuppressionRule.id })
    }
}
