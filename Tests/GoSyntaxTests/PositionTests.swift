import Testing
@testable import GoSyntax

/// Nodes cover exactly their source bytes, and the line table turns offsets into go/token's line:column.
@Suite struct PositionTests {
    /// The first node of `kind` in pre-order.
    private func first(_ kind: NodeKind, in tree: SyntaxTree) -> NodeID {
        var found = NodeID.none
        tree.walk { id in
            if found.isNone && tree.kind(id) == kind { found = id }
            return found.isNone
        }
        return found
    }

    private func range(_ id: NodeID, _ tree: SyntaxTree) -> Range<Int32> { tree[id].start..<tree[id].end }

    // MARK: - Node ranges

    static let source = """
        package p

        import "fmt"

        // Doc comment.
        func (s *Server) Handle(x int) (err error) {
        \tif v, ok := s.m[x]; ok {
        \t\tfmt.Println(v, "é")
        \t}
        \treturn nil
        }

        """

    @Test func declarationAndStatementRanges() {
        let tree = GoParser.parse(Self.source)
        #expect(tree.errors.isEmpty)
        let file = tree[tree.root]
        #expect(file.start == 0 && Int(file.end) == Self.source.utf8.count)

        let importDecl = first(.genDecl, in: tree)
        #expect(tree.text(importDecl) == "import \"fmt\"")
        #expect(range(importDecl, tree) == 11..<23)

        let function = first(.funcDecl, in: tree)
        #expect(range(function, tree) == 41..<151)
        #expect(tree.text(function).hasPrefix("func (s *Server) Handle"))
        #expect(tree.text(function).hasSuffix("return nil\n}"))
        #expect(tree.text(tree[function].childA) == "(s *Server)")
        #expect(tree.text(tree[function].childB) == "Handle")

        #expect(tree.text(first(.ifStmt, in: tree)) == "if v, ok := s.m[x]; ok {\n\t\tfmt.Println(v, \"é\")\n\t}")
        #expect(tree.text(first(.assignStmt, in: tree)) == "v, ok := s.m[x]")
        #expect(tree.text(first(.index, in: tree)) == "s.m[x]")
        #expect(tree.text(first(.returnStmt, in: tree)) == "return nil")
    }

    /// Ranges count bytes, so a multi-byte character widens its literal's range.
    @Test func expressionRangesCountBytes() {
        let tree = GoParser.parse(Self.source)
        let call = first(.call, in: tree)
        #expect(tree.text(call) == "fmt.Println(v, \"é\")")
        #expect(range(call, tree) == 114..<134)
        let arguments = Array(tree.ids(tree[call].listBC))
        #expect(arguments.count == 2)
        #expect(range(arguments[1], tree) == 129..<133)
        #expect(tree[arguments[1]].op == .string)
        #expect(tree.text(tree[call].childA) == "fmt.Println")
    }

    @Test func typeAndParameterRanges() {
        let tree = GoParser.parse(Self.source)
        let signature = tree[first(.funcDecl, in: tree)].childC
        #expect(tree.text(tree[signature].childB) == "(x int)")
        #expect(tree.text(tree[signature].childC) == "(err error)")
        #expect(tree.text(first(.star, in: tree)) == "*Server")
        #expect(tree.text(first(.field, in: tree)) == "s *Server")
    }

    /// Comments are recorded with their ranges, not attached to nodes.
    @Test func commentRangesInTree() {
        let tree = GoParser.parse(Self.source)
        #expect(tree.comments == [CommentRange(start: 25, end: 40)])
        let comment = tree.source[25..<40]
        #expect(String(decoding: comment, as: UTF8.self) == "// Doc comment.")
    }

    /// Nodes end at their last token, never at an inserted semicolon or trailing space.
    @Test func rangesExcludeTrailingSpaceAndSemicolons() {
        let tree = GoParser.parse("package p\nvar x = a  +  b   \nfunc f() {\n\tx++ ;\n}\n")
        #expect(tree.errors.isEmpty)
        #expect(tree.text(first(.valueSpec, in: tree)) == "x = a  +  b")
        #expect(tree.text(first(.binary, in: tree)) == "a  +  b")
        #expect(tree.text(first(.incDecStmt, in: tree)) == "x++")
        #expect(tree.spells(tree[first(.incDecStmt, in: tree)].childA, "x"))
    }

    // MARK: - LineTable

    @Test func lineAndColumnAreOneBasedByteCounts() {
        let table = LineTable(source: Array("ab\ncd\n\nef".utf8))
        #expect(table.lineStarts == [0, 3, 6, 7])
        #expect(table.lineCount == 4)
        #expect(table.position(ofOffset: 0) == (1, 1))
        #expect(table.position(ofOffset: 1) == (1, 2))
        #expect(table.position(ofOffset: 2) == (1, 3))  // the newline itself
        #expect(table.position(ofOffset: 3) == (2, 1))
        #expect(table.position(ofOffset: 6) == (3, 1))
        #expect(table.position(ofOffset: 7) == (4, 1))
        #expect(table.position(ofOffset: 9) == (4, 3))  // EOF without trailing newline
        #expect(table.line(ofOffset: 5) == 2)
    }

    /// Columns count bytes, as gofmt and go vet print them: `é` and `本` are 2 and 3 columns wide.
    @Test func multiByteCharactersWidenColumns() {
        let table = LineTable(source: Array("x := \"é本\"; y\nz".utf8))
        #expect(table.position(ofOffset: 5) == (1, 6))  // opening quote
        #expect(table.position(ofOffset: 12) == (1, 13))  // `;` after 2 + 3 bytes of text
        #expect(table.position(ofOffset: 14) == (1, 15))  // `y`
        #expect(table.position(ofOffset: 16) == (2, 1))  // `z`
    }

    /// Like go/token, a final newline starts no new line: EOF is reported on the last line.
    @Test func endOfFileAfterTrailingNewline() {
        let source = Array("package p\n".utf8)
        let table = LineTable(source: source)
        #expect(table.lineCount == 1)
        #expect(table.position(ofOffset: source.count) == (1, 11))
        #expect(LineTable(source: Array("a\n\n".utf8)).lineCount == 2)
        #expect(LineTable(source: Array("a\n\n".utf8)).position(ofOffset: 3) == (2, 2))
        #expect(LineTable(source: []).position(ofOffset: 0) == (1, 1))
        // Offsets past the end stay on the last line.
        #expect(table.line(ofOffset: 1000) == 1)
    }

    /// A carriage return is an ordinary byte: it does not start a line.
    @Test func carriageReturnsDoNotStartLines() {
        let table = LineTable(source: Array("a\r\nb\rc".utf8))
        #expect(table.lineStarts == [0, 3])
        #expect(table.position(ofOffset: 5) == (2, 3))
    }

    /// Error positions in a file with multi-byte text and a trailing newline match gofmt's.
    @Test func errorPositionsMatchGofmt() {
        let tree = GoParser.parse("package p\n\nvar s = \"日本\" +\n")
        #expect(positionedErrors(tree) == ["3:20: expected operand, found 'EOF'"])
        let unterminated = GoParser.parse("package p\nfunc f() {\n\tx := \"ü")
        #expect(positionedErrors(unterminated) == ["3:7: string literal not terminated"])
    }
}
