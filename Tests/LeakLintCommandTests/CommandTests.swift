import Testing
@testable import LeakLintCommand

@Suite struct OptionsParsing {
    @Test func unknownFlagSuggestsTheClosestOne() {
        guard case .failure(let error) = Options.parse(["--parse-onyl"]) else {
            Issue.record("expected a usage error")
            return
        }
        #expect(error.message == "unknown flag --parse-onyl (did you mean --parse-only?)")
    }
}
