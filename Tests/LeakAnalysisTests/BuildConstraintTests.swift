import GoSyntax
import Testing
@testable import LeakAnalysis

/// `//go:build` lines: the version they require, whether they leave a file
/// out of every build, and bounded work on hostile lines.
@Suite struct BuildConstraintTests {
    static func constraint(_ line: String) -> BuildConstraint? {
        BuildConstraint(in: GoParser.parse(line + "\n\npackage p\n"))
    }

    @Test(arguments: [
        ("//go:build ignore", true), ("//go:build !ignore", false), ("//go:build linux && ignore", true),
        ("//go:build linux || ignore", false), ("//go:build (ignore && tools) || (windows && ignore)", true),
        ("//go:build !(!ignore)", true), ("//go:build tools", false), ("//go:build ignore_test", false),
        ("//go:build  ignore ", true), ("//go:build\tignore", true),
    ])
    func ignoreLeavesAFileOutOfEveryBuild(_ row: (String, Bool)) throws {
        let parsed = try #require(Self.constraint(row.0))
        #expect(parsed.excludesEveryBuild == row.1, "\(row.0)")
    }

    @Test(arguments: [
        ("//go:build go1.22", GoVersion(1, 22)), ("//go:build linux && go1.23", GoVersion(1, 23)),
        ("//go:build (go1.21 && linux) && go1.22", GoVersion(1, 22)), ("//go:build go1.22 || linux", nil),
        ("//go:build !go1.22", nil), ("//go:build (go1.22 || linux) && darwin", nil),
    ])
    func requiredVersion(_ row: (String, GoVersion?)) throws {
        #expect(try #require(Self.constraint(row.0)).requiredVersion == row.1)
    }

    @Test func notAConstraint() {
        #expect(Self.constraint("// +build ignore") == nil)
        #expect(Self.constraint("//go:buildignore") == nil)
        #expect(Self.constraint("//go:build") == nil)
        #expect(Self.constraint("//go:build (linux") == nil)
        #expect(Self.constraint("//go:build linux &&") == nil)
        #expect(BuildConstraint(in: GoParser.parse("package p\n\n//go:build ignore\n")) == nil)
    }

    @Test func deepNestingAndLongLinesAreRefusedNotRecursedInto() {
        let deep = String(repeating: "(", count: 20_000) + "ignore" + String(repeating: ")", count: 20_000)
        #expect(BuildConstraint(expression: Array(deep.utf8)) == nil)
        let nested = String(repeating: "(", count: 50) + "ignore" + String(repeating: ")", count: 50)
        #expect(BuildConstraint(expression: Array(nested.utf8))?.excludesEveryBuild == true)
        let wide = Array((Array(repeating: "linux", count: 600).joined(separator: " && ")).utf8)
        #expect(BuildConstraint(expression: wide) == nil)
    }

    /// Bytes the parser looks at for `expression` (0 when refused unread).
    static func steps(_ expression: String) -> (steps: Int, parsed: BuildConstraint?) {
        var steps = 0
        let parsed = BuildConstraint(expression: Array(expression.utf8), steps: &steps)
        return (steps, parsed)
    }

    @Test func workIsLinearInTheLineWithinTheCaps() {
        // Inputs 4x apart in length: linear work grows 4x, quadratic 16x.
        func terms(_ count: Int) -> String { (0..<count).map { "tag\($0 % 10)" }.joined(separator: " && ") }
        let fewTerms = Self.steps(terms(100))
        let manyTerms = Self.steps(terms(400))
        #expect(fewTerms.parsed != nil && manyTerms.parsed != nil)
        #expect(Double(manyTerms.steps) / Double(fewTerms.steps) < 6)
        // Parentheses nested almost as deep as allowed, group after group.
        let group = String(repeating: "(", count: 90) + "x" + String(repeating: ")", count: 90)
        func groups(_ count: Int) -> String { Array(repeating: group, count: count).joined(separator: " || ") }
        let fewGroups = Self.steps(groups(5))
        let manyGroups = Self.steps(groups(20))
        #expect(groups(20).utf8.count <= BuildConstraint.maxLength)
        #expect(fewGroups.parsed != nil && manyGroups.parsed != nil)
        #expect(Double(manyGroups.steps) / Double(fewGroups.steps) < 6)
    }

    @Test(arguments: [40_000, 80_000])
    func linesPastTheLengthCapAreRefusedUnread(length: Int) {
        let deep = String(repeating: "(", count: length / 2) + String(repeating: ")", count: length / 2)
        let refused = Self.steps(deep)
        #expect(refused.parsed == nil)
        #expect(refused.steps == 0)
        // The file then counts as unconstrained: it is not left out of the build.
        let line = "//go:build ignore && " + String(repeating: "(", count: length / 2) + "x" + String(repeating: ")", count: length / 2)
        #expect(Self.constraint(line) == nil)
    }
}
