import GoSyntax
import LeakAnalysis
import Testing
@testable import LeakRules

/// The syntax questions several rules share answer exactly as each rule
/// asked them before: a method name only for a callee written as a selector,
/// a builtin only when no local shadows it, a statement's index in its list
/// by bisection, empty statements included.
@Suite struct SyntaxQueries {
    static func context(_ source: String) -> RuleContext {
        let file = PackageLoader.ParsedFile(path: "/virtual/p/a.go", tree: GoParser.parse(source), isReported: true)
        let package = PackageLoader.package(of: PackageLoader.Group(files: [file], moduleVersion: GoVersion(parsing: "1.21")))
        return RuleContext(package: package, fileIndex: 0)
    }

    /// The calls of a tree, in source order.
    static func calls(_ tree: SyntaxTree) -> [CallExpression] {
        tree.nodes.indices.compactMap { tree.call(NodeID(Int32($0))) }
    }

    @Test func methodNameIsTheSelectorOfADirectCalleeOnly() {
        let tree = GoParser.parse("""
            package p

            func f(wg interface{ Wait() }) {
            	wg.Wait()
            	(wg.Wait)()
            	g()
            }

            """)
        let names = Self.calls(tree).map { call in tree.methodName(call).map { tree.text($0) } }
        #expect(names == ["Wait", nil, nil])
    }

    @Test func builtinCallsAreThoseNoLocalShadows() {
        let context = Self.context("""
            package p

            func f(xs []int) {
            	xs = append(xs, 1)
            	panic("stop")
            }

            func g() {
            	panic := func(string) {}
            	panic("stop")
            }

            """)
        let tree = context.tree
        let answers = Self.calls(tree).map { call in
            (tree.text(call.function), context.callsBuiltin(call, "append"), context.callsBuiltin(call, "panic"))
        }
        #expect(answers.map(\.0) == ["append", "panic", "panic"])
        #expect(answers.map(\.1) == [true, false, false])
        #expect(answers.map(\.2) == [false, true, false])
    }

    @Test func indexOfAStatementIsItsPositionInTheList() throws {
        let context = Self.context("package p\n\nfunc f() {\n\ta();;; b(); c()\n}\n\nfunc a() {}\nfunc b() {}\nfunc c() {}\n")
        let tree = context.tree
        let body = try #require(tree.fileSyntax(tree.root)?.declarations.first.flatMap { tree.functionDeclaration($0)?.body })
        let statements = try #require(tree.block(body)?.statements)
        #expect(statements.count > 3)
        for (position, statement) in statements.enumerated() {
            #expect(context.index(of: statement, in: statements) == position)
        }
        #expect(context.index(of: body, in: statements) == nil)
    }
}
