import Testing
@testable import GoSyntax

/// Automatic semicolons follow the spec's rule exactly: after a line's final identifier, literal,
/// `break`/`continue`/`fallthrough`/`return`, `++`/`--` or closing `)`/`]`/`}`, and nowhere else.
@Suite struct SemicolonInsertionTests {
    /// Every token after which a newline or EOF ends the statement.
    static let terminators: [(String, TokenKind)] = [
        ("x", .ident), ("1", .int), ("1.5", .float), ("1i", .imag), ("'a'", .char), ("\"s\"", .string),
        ("`r`", .string), ("break", .kwBreak), ("continue", .kwContinue), ("fallthrough", .kwFallthrough),
        ("return", .kwReturn), (")", .rparen), ("]", .rbrack), ("}", .rbrace),
    ]

    @Test(arguments: terminators)
    func insertedAtNewline(_ spelling: String, _ kind: TokenKind) {
        let length = spelling.utf8.count
        #expect(Scan.tokens(spelling + "\n") == [ScannedToken(kind, 0, length), .semi(length), .eof(length + 1)])
    }

    @Test(arguments: terminators)
    func insertedAtEOF(_ spelling: String, _ kind: TokenKind) {
        let length = spelling.utf8.count
        #expect(Scan.tokens(spelling) == [ScannedToken(kind, 0, length), .semi(length), .eof(length)])
    }

    @Test func insertedAfterIncrementAndDecrement() {
        #expect(Scan.tokens("x++\n") == [ScannedToken(.ident, 0, 1), ScannedToken(.inc, 1, 3), .semi(3), .eof(4)])
        #expect(Scan.tokens("x--") == [ScannedToken(.ident, 0, 1), ScannedToken(.dec, 1, 3), .semi(3), .eof(3)])
    }

    /// Operators, opening brackets, commas and the other keywords leave the statement open.
    @Test(arguments: [
        "+", "=", ":=", ",", "(", "[", "{", ".", "...", ":", "<-", "&&", "~", "*", "!", "|", "&^=",
        "if", "for", "func", "var", "type", "package", "chan", "map", "struct", "interface", "go", "defer", "goto",
        "select", "switch", "case", "default", "else", "const", "import", "range",
    ])
    func notInsertedAfter(_ spelling: String) {
        let tokens = Scan.tokens(spelling + "\n")
        #expect(tokens.count == 2)
        #expect(tokens.last == .eof(spelling.utf8.count + 1))
        #expect(!tokens.contains { $0.inserted })
        #expect(Scan.tokens(spelling).count == 2)
    }

    /// An explicit `;` is not flagged as inserted and suppresses the automatic one.
    @Test func explicitSemicolon() {
        #expect(Scan.tokens("x;\ny") == [
            ScannedToken(.ident, 0, 1), ScannedToken(.semicolon, 1, 2), ScannedToken(.ident, 3, 4), .semi(4), .eof(4),
        ])
        #expect(Scan.tokens("x;") == [ScannedToken(.ident, 0, 1), ScannedToken(.semicolon, 1, 2), .eof(2)])
        let raw = Scanner.scan(Array("x;\ny".utf8)).tokens
        #expect(raw[1].isInsertedSemicolon == false)
        #expect(raw[3].isInsertedSemicolon == true)
        #expect(raw[3].start == raw[3].end)
    }

    /// Blank lines produce one semicolon; spaces, tabs and carriage returns before the newline are skipped.
    @Test func blankLinesAndWhitespace() {
        #expect(Scan.tokens("x\n\n\ny") == [ScannedToken(.ident, 0, 1), .semi(1), ScannedToken(.ident, 4, 5), .semi(5), .eof(5)])
        #expect(Scan.tokens("x \t\r\ny") == [ScannedToken(.ident, 0, 1), .semi(4), ScannedToken(.ident, 5, 6), .semi(6), .eof(6)])
    }

    /// A comment without a newline changes nothing; the newline after it still ends the statement.
    @Test func commentOnOneLine() {
        #expect(Scan.tokens("x /* a */ y") == [ScannedToken(.ident, 0, 1), ScannedToken(.ident, 10, 11), .semi(11), .eof(11)])
        #expect(Scan.tokens("x /* a */\ny") == [
            ScannedToken(.ident, 0, 1), .semi(9), ScannedToken(.ident, 10, 11), .semi(11), .eof(11),
        ])
    }

    /// A `/* */` comment containing a newline acts like a newline, and a `//` comment ends the line,
    /// so both insert a semicolon after an identifier (and at EOF after a comment).
    @Test func commentsThatEndTheLineInsertASemicolon() {
        #expect(Scan.kinds("x /* a\nb */ y") == ["IDENT", "\\n", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("x // c\ny") == ["IDENT", "\\n", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("x //c") == ["IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("x /* c */") == ["IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("x /*a*/ //b\ny") == ["IDENT", "\\n", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("x /*a*/ /*b\n*/ y") == ["IDENT", "\\n", "IDENT", "\\n", "EOF"])
        let tokens = Scanner.scan(Array("x // c\ny".utf8)).tokens
        #expect(tokens[1].kind == .semicolon && tokens[1].isInsertedSemicolon && tokens[1].start == tokens[1].end)
        // Exactly one semicolon: the newline ending the `//` comment is not counted twice.
        #expect(tokens.filter { $0.kind == .semicolon }.count == 2)
    }

    /// After an operator, comments with newlines do not insert anything.
    @Test func commentsAfterOperatorInsertNothing() {
        #expect(Scan.kinds("+ /* a\nb */ y") == ["+", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("+ // c\ny") == ["+", "IDENT", "\\n", "EOF"])
    }

    /// go/scanner places the semicolon that a comment causes at the newline that ends the line
    /// (inside a `/* */` comment: its first newline; at EOF: the end of the file), not where the
    /// comment starts. This position shows up in "found newline" error columns.
    @Test func semicolonCausedByCommentSitsAtTheNewline() {
        #expect(Scan.tokens("x // c\ny") == [
            ScannedToken(.ident, 0, 1), .semi(6), ScannedToken(.ident, 7, 8), .semi(8), .eof(8),
        ])
        #expect(Scan.tokens("x /* a\nb */ y") == [
            ScannedToken(.ident, 0, 1), .semi(6), ScannedToken(.ident, 12, 13), .semi(13), .eof(13),
        ])
        #expect(Scan.tokens("x /* c */") == [ScannedToken(.ident, 0, 1), .semi(9), .eof(9)])
        #expect(Scan.tokens("x /* a */ // b\ny") == [
            ScannedToken(.ident, 0, 1), .semi(14), ScannedToken(.ident, 15, 16), .semi(16), .eof(16),
        ])
    }

    /// A statement can continue on the next line only after a token that does not end it.
    @Test func parserSeesStatementsSplitAtNewlines() {
        #expect(Snippet.stmts("x := a +\n\tb\ny := c") == "(Assign := [x] [(Binary + a b)]) (Assign := [y] [c])")
        #expect(Snippet.stmts("f(a,\n\tb,\n)") == "(ExprStmt (Call f [a b]))")
        #expect(Snippet.stmts("x := s.\n\tf") == "(Assign := [x] [(Selector s f)])")
    }

    /// A newline right after a complete expression ends the statement, even if the next line could continue it.
    @Test func newlineEndsStatementBeforeOperator() {
        let tree = GoParser.parse("package p\nfunc _() {\n\tx := a\n\t+b\n}\n")
        #expect(tree.errors.isEmpty)
        let body = tree[tree.id(tree[tree.root].listBC, 0)].childD
        #expect(tree.ids(tree[body].listAB).map { tree.sexpr($0) } == ["(Assign := [x] [a])", "(ExprStmt (Unary + b))"])
    }
}
