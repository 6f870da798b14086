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
}
