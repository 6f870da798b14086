import GoSyntax
import Testing
@testable import LeakAnalysis

/// Import names map to paths the way the Go compiler binds them.
@Suite struct ImportTableTests {
    @Test func namedDefaultDotAndBlankImports() {
        let tree = GoParser.parse("""
            package p

            import (
            	"context"
            	h "net/http"
            	. "time"
            	_ "net/http/pprof"
            	"math/rand/v2"
            	"gopkg.in/yaml.v3"
            	"github.com/acme/go-kit"
            )
            """)
        let imports = ImportTable(tree: tree)
        #expect(imports.path(forName: "context") == "context")
        #expect(imports.path(forName: "h") == "net/http")
        #expect(imports.path(forName: "http") == nil)
        #expect(imports.dotImports == ["time"])
        #expect(imports.path(forName: "pprof") == nil)
        #expect(imports.path(forName: "_") == nil)
        #expect(imports.path(forName: "rand") == "math/rand/v2")
        #expect(imports.path(forName: "yaml") == "gopkg.in/yaml.v3")
        #expect(imports.path(forName: "kit") == "github.com/acme/go-kit")
    }

    @Test func aLocalVariableShadowsAnImport() throws {
        let package = AnalysisFixture.package("""
            package p

            import "net/http"

            func f() {
            	http := struct{ Get func(string) }{}
            	http.Get("x")
            }

            func g() { http.Get("y") }
            """)
        let file = package.files[0]
        let shadowed = try #require(AnalysisFixture.node(file, .ident, "http", occurrence: 1))
        let real = try #require(AnalysisFixture.node(file, .ident, "http", occurrence: 2))
        #expect(file.importPath(ofPackageName: shadowed) == nil)
        #expect(file.importPath(ofPackageName: real) == "net/http")
    }
}

/// The effective Go version of a file: go.mod, then `//go:build`, then `--go-version`.
@Suite struct GoVersionTests {
    @Test func parsesVersionSpellings() {
        #expect(GoVersion(parsing: "1.21") == GoVersion(1, 21))
        #expect(GoVersion(parsing: "1.22.3") == GoVersion(1, 22))
        #expect(GoVersion(parsing: "go1.23") == GoVersion(1, 23))
        #expect(GoVersion(parsing: "1.21rc1") == GoVersion(1, 21))
        #expect(GoVersion(parsing: "one") == nil)
        #expect(GoVersion(1, 21) < GoVersion(1, 22))
    }

    @Test func goModLineIsFoundInTheNearestModuleAboveAndCached() {
        var reads: [String] = []
        let files = ["/repo/go.mod": "module x\n\ngo 1.21 // the oldest we support\n", "/repo/sub/tool/go.mod": "module y\ngo 1.23.1\n"]
        let versions = ModuleVersions { path in
            reads.append(path)
            return files[path].map { Array($0.utf8) }
        }
        #expect(versions.version(forDirectory: "/repo/a/b") == GoVersion(1, 21))
        #expect(versions.version(forDirectory: "/repo/sub/tool/cmd") == GoVersion(1, 23))
        #expect(versions.version(forDirectory: "/elsewhere") == nil)
        let before = reads.count
        #expect(versions.version(forDirectory: "/repo/a/b") == GoVersion(1, 21))
        #expect(versions.version(forDirectory: "/repo/a") == GoVersion(1, 21))
        #expect(reads.count == before)
    }

    @Test func buildConstraintRefinesTheModuleVersion() {
        func version(_ header: String, module: GoVersion?) -> GoVersion {
            let tree = GoParser.parse(header + "\n\npackage p\n")
            return SourceFile(path: "a.go", tree: tree, moduleVersion: module).version
        }
        #expect(version("//go:build go1.22", module: GoVersion(1, 21)) == GoVersion(1, 22))
        #expect(version("//go:build linux && go1.23", module: GoVersion(1, 21)) == GoVersion(1, 23))
        #expect(version("//go:build go1.22 || linux", module: GoVersion(1, 21)) == GoVersion(1, 21))
        #expect(version("// +build linux", module: GoVersion(1, 21)) == GoVersion(1, 21))
        #expect(version("", module: nil) == GoVersion.newest)
    }

    @Test func commandLineOverrideWins() {
        let tree = GoParser.parse("//go:build go1.22\n\npackage p\n")
        let file = SourceFile(path: "a.go", tree: tree, moduleVersion: GoVersion(1, 23), override: GoVersion(1, 20))
        #expect(file.version == GoVersion(1, 20))
    }
}
