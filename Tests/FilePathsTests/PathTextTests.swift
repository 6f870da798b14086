import FilePaths
import Testing

/// Path arithmetic is lexical and total: every string, however odd, gets an
/// answer (Foundation's path methods trap on some of these).
@Suite struct PathTextTests {
    @Test(arguments: [
        ("", "."), (".", "."), ("..", ".."), ("a", "a"), ("-", "-"), ("a/", "a"), ("./a", "a"), ("a//b", "a/b"),
        ("a/./b/", "a/b"), ("a/../b", "b"), ("a/..", "."), ("../../a", "../../a"), ("a/../../b", "../b"),
        ("/", "/"), ("//", "/"), ("/..", "/"), ("/a/../..", "/"), ("/a/b/../c", "/a/c"), ("~", "~"), ("...", "..."),
    ])
    func clean(_ row: (String, String)) {
        #expect(PathText.clean(row.0) == row.1)
    }

    @Test(arguments: [
        ("a", "."), ("-", "."), ("a/b.go", "a"), ("/b.go", "/"), ("a/", "a"), ("./a", "."), ("a//b", "a"),
        ("/", "/"), ("", "."), ("x/y/../z.go", "x"),
    ])
    func directory(_ row: (String, String)) {
        #expect(PathText.directory(of: row.0) == row.1)
    }

    @Test(arguments: [("a/b.go", "b.go"), ("a/", "a"), ("/", "/"), ("", "."), ("-", "-"), ("a//", "a")])
    func lastComponent(_ row: (String, String)) {
        #expect(PathText.lastComponent(of: row.0) == row.1)
    }

    @Test func joinKeepsTheSpellingAndAddsOneSlash() {
        #expect(PathText.join("./a", "b.go") == "./a/b.go")
        #expect(PathText.join("a/", "b.go") == "a/b.go")
        #expect(PathText.join("", "b.go") == "b.go")
        #expect(PathText.join("/", "b.go") == "/b.go")
    }

    @Test func absoluteResolvesAgainstTheWorkingDirectory() {
        #expect(PathText.absolute("a/../b", from: "/w/x") == "/w/x/b")
        #expect(PathText.absolute("..", from: "/w/x") == "/w")
        #expect(PathText.absolute("../../../..", from: "/w/x") == "/")
        #expect(PathText.absolute("/abs/./p", from: "/w") == "/abs/p")
    }

    @Test func relativeOnlyInside() {
        #expect(PathText.relative("/r/a/b.go", inside: "/r") == "a/b.go")
        #expect(PathText.relative("/r", inside: "/r") == ".")
        #expect(PathText.relative("/rx/a.go", inside: "/r") == nil)
        #expect(PathText.relative("/a.go", inside: "/") == "a.go")
        #expect(PathText.relative("a/b.go", inside: ".") == "a/b.go")
        #expect(PathText.relative("../b.go", inside: ".") == nil)
    }

    @Test func ancestorsReachTheRoot() {
        #expect(PathText.selfAndAncestors(of: "/a/b") == ["/a/b", "/a", "/"])
        #expect(PathText.selfAndAncestors(of: "/") == ["/"])
    }

    @Test func tidyRemovesDotSlashAndDoubleSlashes() {
        #expect(PathText.tidy("./a//b.go") == "a/b.go")
        #expect(PathText.tidy("./") == "./")
        #expect(PathText.tidy("././x") == "x")
    }

    @Test func workingDirectoryIsAbsolute() throws {
        let directory = try WorkingDirectory.current().get()
        #expect(PathText.isAbsolute(directory))
    }
}

/// Exclusion patterns: anchored, `*` within a segment, `**` across segments,
/// and a matching directory covers everything below it.
@Suite struct PathPatternTests {
    @Test(arguments: [
        ("vendor", "vendor/x/y.go", true), ("vendor", "a/vendor/y.go", false), ("**/vendor", "a/vendor/y.go", true),
        ("gen/**", "gen/a.go", true), ("gen/**", "gen", true), ("gen/**", "generated/a.go", false),
        ("*.pb.go", "x.pb.go", true), ("*.pb.go", "a/x.pb.go", false), ("**/*.pb.go", "a/b/x.pb.go", true),
        ("a/*/c", "a/b/c/d.go", true), ("a/*/c", "a/b/x/c", false), ("a?c", "abc", true), ("a?c", "abbc", false),
        ("**", "anything/at/all.go", true), ("./third_party/", "third_party/x.go", true), ("x/**/y", "x/y", true),
        ("x/**/y", "x/p/q/y/z.go", true), ("*", "a.go", true), ("", "a.go", false),
    ])
    func matching(_ row: (String, String, Bool)) {
        #expect(PathPattern(row.0).matches(relativePath: row.1) == row.2, "\(row.0) vs \(row.1)")
    }

    @Test func manyStarsStayLinear() {
        let pattern = PathPattern(String(repeating: "*a", count: 200) + "b")
        #expect(!pattern.matches(relativePath: String(repeating: "a", count: 5000)))
    }
}
