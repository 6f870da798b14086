import Foundation
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

    @Test func goLineIsReadWithCRLFLineEndingsAndAByteOrderMark() {
        #expect(ModuleVersions.goLine(in: Array("module x\r\n\r\ngo 1.21\r\n".utf8)) == GoVersion(1, 21))
        #expect(ModuleVersions.goLine(in: Array("module x\r\ngo 1.20 // old\r\n".utf8)) == GoVersion(1, 20))
        #expect(ModuleVersions.goLine(in: [0xEF, 0xBB, 0xBF] + Array("go 1.19\n".utf8)) == GoVersion(1, 19))
        #expect(ModuleVersions.goLine(in: [0xEF, 0xBB, 0xBF] + Array("go 1.18\r\nmodule x\r\n".utf8)) == GoVersion(1, 18))
        #expect(ModuleVersions.goLine(in: Array("module x\ngo 1.22".utf8)) == GoVersion(1, 22))
        // As for the go command, a lone CR does not end a line.
        #expect(ModuleVersions.goLine(in: Array("module x\rgo 1.21\r".utf8)) == nil)
        #expect(ModuleVersions.goLine(in: Array("module x\ngolang 1.21\ngo\n".utf8)) == nil)
    }

    @Test func anUnreadableGoModEndsTheSearchWithAnUnknownVersionAndIsReportedOnce() {
        let versions = ModuleVersions(readModuleFile: { path in
            switch path {
            case "/repo/go.mod": return .contents(Array("go 1.21\n".utf8))
            case "/repo/tool/go.mod": return .unusable("not a regular file")
            default: return .missing
            }
        })
        #expect(versions.version(forDirectory: "/repo/tool/cmd") == nil)
        #expect(versions.version(forDirectory: "/repo/tool") == nil)
        #expect(versions.version(forDirectory: "/repo/lib") == GoVersion(1, 21))
        #expect(versions.problems == [ModuleVersions.Problem(path: "/repo/tool/go.mod", message: "not a regular file")])
    }

    @Test func goModOnDiskThatIsSpecialTooLargeOrADirectory() throws {
        let root = NSTemporaryDirectory() + "leaklint-gomod-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/fifo/dir/go.mod", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("module x\r\ngo 1.20\r\n".utf8).write(to: URL(fileURLWithPath: root + "/go.mod"))
        #expect(mkfifo(root + "/fifo/go.mod", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: root + "/big", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/big/go.mod", contents: nil))
        #expect(truncate(root + "/big/go.mod", off_t(ModuleVersions.maxFileSize + 1)) == 0)
        let versions = ModuleVersions(workingDirectory: "/")
        #expect(versions.version(forDirectory: root + "/pkg") == GoVersion(1, 20))
        // A directory named go.mod is none (as for the go command); the FIFO above it ends the search.
        #expect(versions.version(forDirectory: root + "/fifo/dir") == nil)
        #expect(versions.version(forDirectory: root + "/big") == nil)
        #expect(versions.problems == [
            ModuleVersions.Problem(path: root + "/fifo/go.mod", message: "not a regular file"),
            ModuleVersions.Problem(
                path: root + "/big/go.mod", message: "file too large (\(ModuleVersions.maxFileSize + 1) bytes; the limit is 16777216)"),
        ])
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
