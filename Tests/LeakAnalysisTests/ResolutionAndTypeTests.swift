import GoSyntax
import Testing
@testable import LeakAnalysis

/// Identifiers resolve to the declaration Go's scoping rules pick.
@Suite struct ResolverTests {
    @Test func shadowingInNestedScopesAndRedeclarationWithDefine() throws {
        let package = AnalysisFixture.package("""
            package p

            func f(err error) error {
            	x, err := g()
            	if err != nil {
            		x := 2
            		_ = x
            	}
            	return use(x)
            }
            """)
        let file = package.files[0]
        let tree = file.tree
        let parameter = try #require(AnalysisFixture.node(file, .ident, "err", occurrence: 0))
        let redeclared = try #require(AnalysisFixture.node(file, .ident, "err", occurrence: 1))
        // `x, err := g()` declares x but only assigns err, which already exists in the function scope.
        #expect(file.resolution.declaringName(of: redeclared) == parameter)
        let outerX = try #require(AnalysisFixture.node(file, .ident, "x", occurrence: 0))
        let innerX = try #require(AnalysisFixture.node(file, .ident, "x", occurrence: 1))
        let innerUse = try #require(AnalysisFixture.node(file, .ident, "x", occurrence: 2))
        let outerUse = try #require(AnalysisFixture.node(file, .ident, "x", occurrence: 3))
        #expect(file.resolution.declaringName(of: innerUse) == innerX)
        #expect(file.resolution.declaringName(of: outerUse) == outerX)
        #expect(file.resolution.local(for: outerX)?.kind == .variable)
        #expect(file.resolution.local(for: parameter)?.kind == .parameter)
        #expect(tree.text(file.resolution.local(for: outerX)?.value ?? .none) == "g()")
        #expect(file.resolution.local(for: outerX)?.valueIndex == 0)
    }

    @Test func closuresSeeOuterVariablesAndOwnTheirParameters() throws {
        let package = AnalysisFixture.package("""
            package p

            func f(v int) {
            	go func(v int) { _ = v }(v)
            	go func() { _ = v }()
            }
            """)
        let file = package.files[0]
        let outer = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 0))
        let closureParameter = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 1))
        let insideFirst = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 2))
        let argument = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 3))
        let insideSecond = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 4))
        #expect(file.resolution.declaringName(of: insideFirst) == closureParameter)
        #expect(file.resolution.declaringName(of: argument) == outer)
        #expect(file.resolution.declaringName(of: insideSecond) == outer)
        #expect(file.resolution.function(containing: insideSecond) != file.resolution.local(for: outer)?.function)
        #expect(file.resolution.references(to: outer) == [argument, insideSecond])
    }

    @Test func rangeTypeSwitchAndSelectScopes() throws {
        let package = AnalysisFixture.package("""
            package p

            func f(xs []int, y any, ch chan int) {
            	for i, x := range xs {
            		_, _ = i, x
            	}
            	switch t := y.(type) {
            	case int:
            		_ = t
            	case string:
            		_ = t
            	}
            	select {
            	case v, ok := <-ch:
            		_, _ = v, ok
            	}
            }
            """)
        let file = package.files[0]
        let key = try #require(AnalysisFixture.node(file, .ident, "i", occurrence: 0))
        #expect(file.resolution.local(for: key)?.kind == .rangeKey)
        let binding = try #require(AnalysisFixture.node(file, .ident, "t", occurrence: 0))
        let firstUse = try #require(AnalysisFixture.node(file, .ident, "t", occurrence: 1))
        let secondUse = try #require(AnalysisFixture.node(file, .ident, "t", occurrence: 2))
        #expect(file.resolution.declaringName(of: firstUse) == binding)
        #expect(file.resolution.declaringName(of: secondUse) == binding)
        let received = try #require(AnalysisFixture.node(file, .ident, "v", occurrence: 0))
        #expect(file.resolution.local(for: received)?.kind == .variable)
    }

    @Test func structFieldKeysAndSelectedNamesAreNotReferences() throws {
        let package = AnalysisFixture.package("""
            package p

            type T struct{ cancel func() }

            func f(cancel func()) T {
            	t := T{cancel: cancel}
            	t.cancel()
            	return t
            }
            """)
        let file = package.files[0]
        let parameter = try #require(AnalysisFixture.node(file, .ident, "cancel", occurrence: 1))
        #expect(file.resolution.references(to: parameter).count == 1)
    }
}

/// Types come from declarations, package functions and the standard-library table.
@Suite struct TypeOracleTests {
    static let source = """
        package p

        import (
        	"context"
        	"net/http"
        	"time"
        )

        type server struct {
        	client *http.Client
        	ticker *time.Ticker
        }

        func fetch(url string) (*http.Response, error) { return http.Get(url) }

        func (s *server) poll() (*http.Response, error) { return s.client.Get("x") }

        func f(s *server, c *http.Client) {
        	resp, err := http.Get("x")
        	own := &http.Client{}
        	r2, _ := own.Do(nil)
        	r3, _ := fetch("y")
        	r4, _ := s.poll()
        	r5, _ := http.DefaultClient.Get("z")
        	t := time.NewTicker(time.Second)
        	ctx, cancel := context.WithCancel(context.Background())
        	field := s.client
        	_, _, _, _, _, _, _, _, _, _ = resp, err, r2, r3, r4, r5, t, ctx, cancel, field
        }
        """

    func type(of name: String) throws -> GoType? {
        let package = AnalysisFixture.package(TypeOracleTests.source)
        let file = package.files[0]
        let identifier = try #require(AnalysisFixture.node(file, .ident, name))
        return TypeOracle(package: package, fileIndex: 0).type(of: identifier)
    }

    @Test func typesOfLocals() throws {
        let response = GoType.pointer(.named(package: "net/http", name: "Response"))
        #expect(try type(of: "resp") == response)
        #expect(try type(of: "err") == .named(package: "builtin", name: "error"))
        #expect(try type(of: "own") == .pointer(.named(package: "net/http", name: "Client")))
        #expect(try type(of: "r2") == response)
        #expect(try type(of: "r3") == response)
        #expect(try type(of: "r4") == response)
        #expect(try type(of: "r5") == response)
        #expect(try type(of: "t") == .pointer(.named(package: "time", name: "Ticker")))
        #expect(try type(of: "cancel") == .named(package: "context", name: "CancelFunc"))
        #expect(try type(of: "field") == .pointer(.named(package: "net/http", name: "Client")))
        #expect(try type(of: "c") == .pointer(.named(package: "net/http", name: "Client")))
    }

    @Test func unknownThingsStayUnknown() throws {
        let package = AnalysisFixture.package("""
            package p

            import "example.com/other"

            func f() {
            	x := other.Make()
            	y := mystery()
            	_, _ = x, y
            }
            """)
        let file = package.files[0]
        let oracle = TypeOracle(package: package, fileIndex: 0)
        #expect(oracle.type(of: try #require(AnalysisFixture.node(file, .ident, "x"))) == nil)
        #expect(oracle.type(of: try #require(AnalysisFixture.node(file, .ident, "y"))) == nil)
    }
}

/// Calls that end the goroutine or process are recognised, and only those.
@Suite struct NoReturnCallsTests {
    @Test(arguments: [
        ("panic(\"x\")", true), ("os.Exit(1)", true), ("log.Fatal(err)", true), ("log.Panicf(\"%v\", err)", true),
        ("runtime.Goexit()", true), ("t.Fatal(err)", true), ("t.FailNow()", true), ("t.Skip()", true),
        ("log.Print(err)", false), ("t.Log(err)", false), ("fmt.Println(err)", false), ("other.Fatal(err)", false),
    ])
    func recognises(call: String, expected: Bool) throws {
        let package = AnalysisFixture.package("""
            package p

            import (
            	"fmt"
            	"log"
            	"os"
            	"runtime"
            	"testing"
            )

            type fake struct{}

            func (fake) Fatal(error) {}

            func f(t *testing.T, err error, other fake) {
            	\(call)
            	_, _, _, _ = fmt.Sprint, log.Print, os.Exit, runtime.Goexit
            }
            """)
        let file = package.files[0]
        var calls: [NodeID] = []
        file.tree.walk { id in
            if file.tree.kind(id) == .call && file.tree.text(id) == call { calls.append(id) }
            return true
        }
        let node = try #require(calls.first)
        #expect(NoReturnCalls.neverReturns(node, file: file, types: TypeOracle(package: package, fileIndex: 0)) == expected)
    }
}
