import Foundation
import Testing
@testable import LeakLintCommand

/// `go.mod` and `.leaklint.json` as projects really have them: written on
/// Windows (CRLF, a byte order mark), broken (a dangling link, a FIFO, a
/// device), or huge. Each is read, or named in a message; none is skipped
/// in silence, and none is read past its size limit.
@Suite struct ProjectFiles {
    /// A goroutine capturing its loop variable: a finding only before Go 1.22.
    static let capture = "package p\n\nfunc f(xs []int) {\n\tfor _, x := range xs {\n\t\tgo func() { println(x) }()\n\t}\n}\n"

    @Test func goModWithCRLFLineEndingsAndAByteOrderMarkSetsTheVersion() throws {
        let tree = try FixtureTree()
        let path = try tree.write("p/p.go", ProjectFiles.capture)
        for goMod in ["module p\r\n\r\ngo 1.21\r\n", "\u{FEFF}go 1.21\r\nmodule p\r\n"] {
            try tree.write("go.mod", goMod)
            let run = CommandRun(["--quiet", tree.all])
            #expect(run.status == 1)
            #expect(run.out.hasPrefix("\(path):5:23: loop variable x captured by a goroutine"))
            #expect(run.err.isEmpty)
        }
    }

    @Test func unreadableGoModIsAWarningThatKeepsTheExitStatus() throws {
        let tree = try FixtureTree()
        try tree.write("go.mod", "module p\n\ngo 1.21\n")
        try tree.write("fifo/p.go", ProjectFiles.capture)
        #expect(mkfifo(tree.path("fifo/go.mod"), 0o644) == 0)
        try tree.write("gone/p.go", "package p\n")
        try FileManager.default.createSymbolicLink(atPath: tree.path("gone/go.mod"), withDestinationPath: tree.path("gone/moved.mod"))
        try tree.write("device/p.go", "package p\n")
        try FileManager.default.createSymbolicLink(atPath: tree.path("device/go.mod"), withDestinationPath: "/dev/zero")
        let run = CommandRun(["--quiet", tree.all])
        // The search stops at the unreadable go.mod: the capture in fifo/ is not taken as Go 1.21 code.
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
        let consequence = "the go version of its module is unknown, so the newest is assumed"
        #expect(run.errorLines == [
            "leaklint: warning: \(tree.path("device/go.mod")): not a regular file; \(consequence)",
            "leaklint: warning: \(tree.path("fifo/go.mod")): not a regular file; \(consequence)",
            "leaklint: warning: \(tree.path("gone/go.mod")): dangling symbolic link; \(consequence)",
        ])
    }

    @Test func goModOverTheSizeLimitIsNotRead() throws {
        let tree = try FixtureTree()
        try tree.write("p.go", ProjectFiles.capture)
        #expect(FileManager.default.createFile(atPath: tree.path("go.mod"), contents: nil))
        #expect(truncate(tree.path("go.mod"), 16 << 20 + 1) == 0)
        let run = CommandRun(["--quiet", tree.root])
        #expect(run.status == 0)
        #expect(run.errorLines == [
            "leaklint: warning: \(tree.path("go.mod")): file too large (16777217 bytes; the limit is 16777216); "
                + "the go version of its module is unknown, so the newest is assumed",
        ])
    }

    @Test func warningsNameThePathAsPrintedElsewhere() throws {
        let tree = try FixtureTree()
        try tree.write("p/p.go", "package p\n")
        #expect(mkfifo(tree.path("p/go.mod"), 0o644) == 0)
        let run = try BinaryRun(["--quiet", "./..."], in: tree.root)
        #expect(run.status == 0)
        #expect(run.errorLines == [
            "leaklint: warning: p/go.mod: not a regular file; the go version of its module is unknown, so the newest is assumed",
        ])
    }

    @Test func danglingConfigurationLinkStopsTheRunNamingIt() throws {
        let tree = try FixtureTree()
        try tree.write("p/p.go", "package p\n")
        try tree.write(".leaklint.json", "{}")
        try FileManager.default.createSymbolicLink(atPath: tree.path("p/.leaklint.json"), withDestinationPath: tree.path("p/old.json"))
        let run = CommandRun(["--quiet", tree.path("p")])
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: \(tree.path("p/.leaklint.json")): (file): cannot be read: dangling symbolic link"])
    }

    @Test func configurationWithAByteOrderMarkAndCRLFIsApplied() throws {
        let tree = try FixtureTree()
        try tree.write("go.mod", "module p\n\ngo 1.21\n")
        try tree.write("p.go", ProjectFiles.capture)
        let json = "\u{FEFF}{\r\n  \"rules\": {\"loop-var-capture\": {\"enabled\": false}}\r\n}\r\n"
        try tree.write(".leaklint.json", json)
        let run = CommandRun(["--quiet", tree.root])
        #expect(run.status == 0)
        #expect(run.out.isEmpty && run.err.isEmpty)
    }

    @Test func configurationOverTheSizeLimitStopsTheRun() throws {
        let tree = try FixtureTree()
        try tree.write("p.go", "package p\n")
        #expect(FileManager.default.createFile(atPath: tree.path(".leaklint.json"), contents: nil))
        #expect(truncate(tree.path(".leaklint.json"), 1 << 20 + 1) == 0)
        let run = CommandRun(["--quiet", tree.root])
        #expect(run.status == 2)
        #expect(run.errorLines == [
            "leaklint: \(tree.path(".leaklint.json")): (file): cannot be read: file too large (1048577 bytes; the limit is 1048576)",
        ])
    }
}
