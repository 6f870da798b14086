import Foundation
import Testing
@testable import LeakLintCommand

/// Whatever is in the tree, a lint ends with a defined exit status (0, 1 or
/// 2) and, for anything wrong, a message that names the path.
@Suite struct HostileTree {
    /// Lints `contents` written as `name` in a fresh tree.
    static func lint(_ name: String, _ contents: [UInt8]) throws -> (run: CommandRun, path: String, tree: FixtureTree) {
        let tree = try FixtureTree()
        let path = tree.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
        return (CommandRun(["--quiet", tree.all]), path, tree)
    }

    @Test func emptyFile() throws {
        let (run, path, _) = try HostileTree.lint("a.go", [])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path):1:1: syntax error: expected 'package', found 'EOF'"])
    }

    @Test func randomBytes() throws {
        var generator = SeededBytes(seed: 7)
        let (run, path, _) = try HostileTree.lint("junk.go", (0..<65536).map { _ in generator.next() })
        #expect(run.status == 2)
        #expect(!run.errorLines.isEmpty && run.errorLines.count <= 10)
        #expect(run.errorLines.allSatisfy { $0.hasPrefix(path + ":") && $0.contains(": syntax error: ") })
    }

    @Test func nulBytes() throws {
        let (run, path, _) = try HostileTree.lint("a.go", Array("package p\n\nvar a = \"x\u{0}y\"\n".utf8))
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path):3:11: syntax error: illegal character NUL"])
    }

    @Test func invalidUTF8InIdentifierStringAndComment() throws {
        var source = Array("package p\n\n// caf".utf8) + [0xE9] + Array("\nvar s = \"".utf8) + [0xFF, 0xFE] + Array("\"\nvar ".utf8)
        source += [0xC3, 0x28] + Array(" = 1\n".utf8)
        let (run, path, _) = try HostileTree.lint("a.go", source)
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "\(path):3:7: syntax error: illegal UTF-8 encoding",
            "\(path):4:10: syntax error: illegal UTF-8 encoding",
            "\(path):5:5: syntax error: illegal UTF-8 encoding",
        ])
    }

    @Test func byteOrderMarkInTheMiddle() throws {
        let (run, path, _) = try HostileTree.lint("a.go", Array("package p\n\nvar a = 1\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("var b = 2\n".utf8))
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path):4:1: syntax error: illegal byte order mark"])
    }

    @Test func crlfIsValidAndLoneCarriageReturnsAreNotNewlines() throws {
        let crlf = "package p\r\n\r\nimport \"net/http\"\r\n\r\nfunc f() {\r\n\tresp, _ := http.Get(\"x\")\r\n\t_ = resp\r\n}\r\n"
        let (run, path, _) = try HostileTree.lint("a.go", Array(crlf.utf8))
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("\(path):6:13: resp.Body is never closed"))
        let (lone, lonePath, _) = try HostileTree.lint("b.go", Array("package p\rfunc f() {}\r".utf8))
        #expect(lone.status == 2)
        #expect(lone.errorLines == ["\(lonePath):1:11: syntax error: expected ';', found 'func'"])
    }

    @Test func hundredThousandNestedBrackets() throws {
        let source = "package p\n\nvar x = " + String(repeating: "[]int{", count: 100_000) + String(repeating: "}", count: 100_000) + "\n"
        let (run, path, _) = try HostileTree.lint("deep.go", Array(source.utf8))
        #expect(run.status == 2)
        #expect(run.errorLines.count == 1)
        #expect(run.errorLines.first?.hasPrefix(path + ":3:") == true)
        #expect(run.errorLines.first?.hasSuffix("syntax error: nesting too deep (more than 10000 levels)") == true)
    }

    @Test func tenThousandCaseSwitch() throws {
        var source = "package p\n\nimport \"context\"\n\nfunc f(parent context.Context, n int) int {\n\tctx, cancel := context.WithCancel(parent)\n\tswitch n {\n"
        for index in 0..<10_000 { source += "\tcase \(index):\n\t\treturn \(index)\n" }
        source += "\t}\n\tcancel()\n\t_ = ctx\n\treturn -1\n}\n"
        let (run, path, _) = try HostileTree.lint("switch.go", Array(source.utf8))
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(path):6:17: the cancel function returned by context.WithCancel") == true)
        #expect(lines.last == "\t\(path):9:3: this return leaves cancel uncalled")
    }

    @Test func millionLineFile() throws {
        var source = "package p\n\nfunc f(x int) int {\n"
        source.reserveCapacity(12_000_000)
        for _ in 0..<999_990 { source += "\tx++\n" }
        source += "\treturn x\n}\n"
        let (run, _, _) = try HostileTree.lint("long.go", Array(source.utf8))
        #expect(run.status == 0)
        #expect(run.out.isEmpty && run.err.isEmpty)
    }

    @Test func fiftyMegabyteFile() throws {
        var source = "package big\n\nimport \"net/http\"\n\n"
        source.reserveCapacity(52 << 20)
        var index = 0
        while source.utf8.count < 50 << 20 {
            source += "func get\(index)(u string) (int, error) {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn 0, err\n\t}\n"
            source += "\tdefer resp.Body.Close()\n\tfor i := 0; i < 3; i++ {\n\t\tu += \"/\"\n\t}\n\treturn resp.StatusCode, nil\n}\n\n"
            index += 1
        }
        let (run, _, _) = try HostileTree.lint("big.go", Array(source.utf8))
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
    }

    @Test func directoryNamedLikeAGoFileIsWalked() throws {
        let tree = try FixtureTree()
        try tree.write("x.go/inner.go", "package inner\n")
        let run = CommandRun(["--quiet", tree.all])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
    }

    @Test func fifoDoesNotBlockAndIsReported() throws {
        let tree = try FixtureTree()
        #expect(mkfifo(tree.path("x.go"), 0o644) == 0)
        let walked = CommandRun(["--quiet", tree.all])
        #expect(walked.status == 2)
        #expect(walked.errorLines == ["\(tree.path("x.go")): not a regular file"])
        let named = CommandRun(["--quiet", tree.path("x.go")])
        #expect(named.status == 2)
        #expect(named.errorLines == ["\(tree.path("x.go")): not a regular file"])
    }

    @Test func symlinkLoopAndDanglingSymlink() throws {
        let tree = try FixtureTree()
        try tree.write("a/ok.go", "package a\n")
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/loop"), withDestinationPath: tree.path("a"))
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/self.go"), withDestinationPath: tree.path("a/self.go"))
        try FileManager.default.createSymbolicLink(atPath: tree.path("a/gone.go"), withDestinationPath: tree.path("missing.go"))
        let run = CommandRun(["--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "\(tree.path("a/gone.go")): dangling symbolic link",
            "\(tree.path("a/self.go")): dangling symbolic link",
        ])
        let named = CommandRun(["--quiet", tree.path("a/self.go")])
        #expect(named.status == 2)
        #expect(named.errorLines == ["leaklint: too many levels of symbolic links: \(tree.path("a/self.go"))"])
    }

    @Test func fileWithoutReadPermission() throws {
        guard getuid() != 0 else { return }  // root can read it anyway
        let tree = try FixtureTree()
        let path = try tree.write("secret.go", "package p\n")
        #expect(chmod(path, 0) == 0)
        let run = CommandRun(["--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(path): cannot read file: permission denied"])
    }

    @Test func pathThatDoesNotExist() throws {
        let tree = try FixtureTree()
        let run = CommandRun(["--quiet", tree.path("nowhere"), tree.path("nowhere/...")])
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "leaklint: no such file or directory: \(tree.path("nowhere"))",
            "leaklint: no such file or directory: \(tree.path("nowhere/..."))",
        ])
    }

    @Test func fileNameThatIsNotUTF8() throws {
        let tree = try FixtureTree()
        try tree.write("ok.go", "package p\n")
        var raw = Array(tree.root.utf8) + Array("/bad".utf8) + [0xFF] + Array(".go".utf8)
        raw.append(0)
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let run = CommandRun(["--quiet", tree.all])
        #expect(run.status == 2)
        #expect(run.errorLines == ["\(tree.root)/bad\\xFF.go: file name is not valid UTF-8; skipped (rename it to lint it)"])
    }

    @Test func fileDeletedAfterDiscovery() throws {
        let tree = try FixtureTree()
        let path = try tree.write("gone.go", "package p\n")
        var discovery = FileDiscovery()
        discovery.add(argument: tree.all)
        #expect(discovery.files == [path])
        try FileManager.default.removeItem(atPath: path)
        let run = try LintRun.run(LintRun.Input(reported: discovery.files, context: []), rules: [], goVersion: nil, jobs: 2)
        #expect(run.errors.map(\.text) == ["\(path): cannot read file: no such file or directory"])
    }
}

/// Deterministic pseudo-random bytes.
struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}
