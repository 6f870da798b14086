import Foundation
import Testing

/// Odd path arguments, run through the real executable in a scratch
/// directory: each ends with the stated exit status and message, never a
/// signal. (One-character paths used to trap in Foundation's path methods.)
@Suite struct OddPathArguments {
    /// A row: arguments, the subdirectory to run in ("" for the tree's root),
    /// standard input, the exit status, and standard error with `--quiet`.
    struct Row: CustomStringConvertible, Sendable {
        var arguments: [String]
        var directory = ""
        var input = ""
        var status: Int32
        var errors: [String] = []
        var description: String { "\(arguments) in '\(directory)'" }
    }

    static let longName = String(repeating: "x", count: 4096)

    static let rows: [Row] = [
        Row(arguments: ["a"], directory: "sub", status: 2, errors: ["leaklint: no such file or directory: a"]),
        Row(arguments: ["-"], directory: "sub", status: 2, errors: ["leaklint: no such file or directory: -"]),
        Row(arguments: ["-"], status: 2, errors: ["leaklint: not a Go file: -"]),
        Row(arguments: ["--stdin-filename", "-"], directory: "sub", input: "package p\n", status: 0),
        Row(arguments: ["."], status: 0),
        Row(arguments: ["."], directory: "sub", status: 2, errors: ["leaklint: no Go files matched"]),
        Row(arguments: [".."], directory: "sub", status: 0),
        Row(arguments: ["a/"], status: 0),
        Row(arguments: ["./a"], status: 0),
        Row(arguments: ["a/..."], status: 0),
        Row(arguments: ["~"], status: 2, errors: ["leaklint: no such file or directory: ~"]),
        Row(arguments: ["new\nline.go"], status: 0),
        Row(arguments: ["a b.go"], status: 0),
        Row(arguments: ["-x.go"], status: 2, errors: [
            "leaklint: unknown flag -x.go (to lint a file whose name starts with -, write ./-x.go or put -- before it)",
            "run 'leaklint --help' for usage",
        ]),
        Row(arguments: ["./-x.go"], status: 0),
        Row(arguments: ["--", "-x.go"], status: 0),
        Row(arguments: ["..."], status: 2, errors: [
            "leaklint: '...' is not a path: write ./... for the packages below the current directory",
            "run 'leaklint --help' for usage",
        ]),
        Row(arguments: ["./..."], status: 0),
        Row(arguments: [longName], status: 2, errors: ["leaklint: file name too long: \(longName)"]),
        Row(arguments: ["notes.txt"], status: 2, errors: ["leaklint: not a Go file: notes.txt"]),
    ]

    /// The scratch tree every row runs in.
    static func makeTree() throws -> FixtureTree {
        let tree = try FixtureTree()
        let clean = "package p\n\nfunc f() {}\n"
        for name in ["p.go", "a/a.go", "a b.go", "-x.go", "new\nline.go"] { try tree.write(name, clean) }
        try tree.write("-", "not go\n")
        try tree.write("notes.txt", "not go\n")
        try FileManager.default.createDirectory(atPath: tree.path("sub"), withIntermediateDirectories: true)
        return tree
    }

    @Test(arguments: rows)
    func endsWithTheStatedStatusAndMessage(_ row: Row) throws {
        let tree = try Self.makeTree()
        let run = try BinaryRun(["--quiet"] + row.arguments, in: tree.path(row.directory), standardInput: row.input)
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0): \(run.err)")
        #expect(run.status == row.status)
        #expect(run.errorLines == row.errors)
        #expect(run.out.isEmpty)
    }

    @Test func argumentThatIsNotUTF8IsRefusedWithItsBytesEscaped() throws {
        let tree = try Self.makeTree()
        let executable = try #require(BinaryRun.executable)
        let run = try BinaryRun(["-c", "exec \"$0\" \"$(printf 'bad\\377.go')\"", executable], in: tree.root, via: "/bin/sh")
        #expect(run.status == 2)
        #expect(run.errorLines == ["leaklint: argument is not valid UTF-8: bad\\xFF.go; leaklint reads paths as UTF-8, so rename it to lint it"])
    }
}
