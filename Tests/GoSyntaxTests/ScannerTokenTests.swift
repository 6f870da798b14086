import Testing
@testable import GoSyntax

/// Every token class of Go's lexical grammar, with kinds and byte ranges as go/scanner reports them.
@Suite struct ScannerTokenTests {
    /// Scans a single literal and checks it is one token covering the whole input, followed by
    /// the semicolon inserted at EOF, with no errors.
    private func expectSingleLiteral(_ source: String, _ kind: TokenKind, sourceLocation: SourceLocation = #_sourceLocation) {
        let length = source.utf8.count
        #expect(
            Scan.tokens(source) == [ScannedToken(kind, 0, length), .semi(length), .eof(length)],
            "\(source)", sourceLocation: sourceLocation)
        #expect(Scan.errors(source) == [], "\(source)", sourceLocation: sourceLocation)
    }

    // MARK: - Identifiers and keywords

    @Test func asciiIdentifiers() {
        #expect(Scan.tokens("_x9 X_ _") == [
            ScannedToken(.ident, 0, 3), ScannedToken(.ident, 4, 6), ScannedToken(.ident, 7, 8), .semi(8), .eof(8),
        ])
    }

    /// Unicode letters may start identifiers; Unicode decimal digits may continue them. Ranges count bytes.
    @Test func unicodeIdentifiers() {
        #expect(Scan.tokens("αβ := x٣") == [
            ScannedToken(.ident, 0, 4), ScannedToken(.define, 5, 7), ScannedToken(.ident, 8, 11), .semi(11), .eof(11),
        ])
        #expect(Scan.tokens("ñandú + 日本語") == [
            ScannedToken(.ident, 0, 7), ScannedToken(.add, 8, 9), ScannedToken(.ident, 10, 19), .semi(19), .eof(19),
        ])
        // Titlecase (Lt) and uppercase (Lu) letters.
        #expect(Scan.tokens("Ǆ ǅ") == [ScannedToken(.ident, 0, 2), ScannedToken(.ident, 3, 5), .semi(5), .eof(5)])
        #expect(Scan.errors("αβ := x٣ + ñandú") == [])
    }

    @Test func allTwentyFiveKeywords() {
        let spellings = [
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
            "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type",
            "var",
        ]
        let kinds: [TokenKind] = [
            .kwBreak, .kwCase, .kwChan, .kwConst, .kwContinue, .kwDefault, .kwDefer, .kwElse, .kwFallthrough, .kwFor,
            .kwFunc, .kwGo, .kwGoto, .kwIf, .kwImport, .kwInterface, .kwMap, .kwPackage, .kwRange, .kwReturn, .kwSelect,
            .kwStruct, .kwSwitch, .kwType, .kwVar,
        ]
        #expect(KeywordTable.allKeywords.count == 25)
        var expected: [ScannedToken] = []
        var offset = 0
        for (spelling, kind) in zip(spellings, kinds) {
            expected.append(ScannedToken(kind, offset, offset + spelling.utf8.count))
            offset += spelling.utf8.count + 1
        }
        expected.append(.eof(offset - 1))  // `var` inserts no semicolon
        let tokens = Scan.tokens(spellings.joined(separator: " "))
        #expect(tokens == expected)
        for (spelling, kind) in zip(spellings, kinds) {
            #expect(kind.description == spelling)
            #expect(kind.isKeyword)
        }
    }

    /// Keywords are matched exactly: case, prefixes and extensions are identifiers.
    @Test func nearKeywordsAreIdentifiers() {
        #expect(Scan.kinds("ifx fo gotoo Func IF _if typ vars chann") == [
            "IDENT", "IDENT", "IDENT", "IDENT", "IDENT", "IDENT", "IDENT", "IDENT", "IDENT", "\\n", "EOF",
        ])
    }

    // MARK: - Operators and punctuation

    static let operators: [(String, TokenKind)] = [
        ("+", .add), ("-", .sub), ("*", .mul), ("/", .quo), ("%", .rem), ("&", .and), ("|", .or), ("^", .xor),
        ("<<", .shl), (">>", .shr), ("&^", .andNot), ("+=", .addAssign), ("-=", .subAssign), ("*=", .mulAssign),
        ("/=", .quoAssign), ("%=", .remAssign), ("&=", .andAssign), ("|=", .orAssign), ("^=", .xorAssign),
        ("<<=", .shlAssign), (">>=", .shrAssign), ("&^=", .andNotAssign), ("&&", .land), ("||", .lor),
        ("<-", .arrow), ("++", .inc), ("--", .dec), ("==", .eql), ("<", .lss), (">", .gtr), ("=", .assign),
        ("!", .not), ("!=", .neq), ("<=", .leq), (">=", .geq), (":=", .define), ("...", .ellipsis), ("(", .lparen),
        ("[", .lbrack), ("{", .lbrace), (",", .comma), (".", .period), (")", .rparen), ("]", .rbrack), ("}", .rbrace),
        (";", .semicolon), (":", .colon), ("~", .tilde),
    ]

    /// Each operator and punctuation token on its own, with its exact range.
    @Test(arguments: operators)
    func operatorAlone(_ spelling: String, _ kind: TokenKind) {
        let tokens = Scan.tokens(spelling)
        let length = spelling.utf8.count
        #expect(tokens.first == ScannedToken(kind, 0, length))
        #expect(tokens.last == .eof(length))
        #expect(kind.description == spelling)
        #expect(kind.isOperator)
        #expect(Scan.errors(spelling) == [])
    }

    /// All operators in one line, separated by spaces: kinds and ranges line up.
    @Test func allOperatorsInSequence() {
        let source = Self.operators.map(\.0).joined(separator: " ")
        var expected: [ScannedToken] = []
        var offset = 0
        for (spelling, kind) in Self.operators {
            expected.append(ScannedToken(kind, offset, offset + spelling.utf8.count))
            offset += spelling.utf8.count + 1
        }
        expected.append(.eof(offset - 1))
        #expect(Scan.tokens(source) == expected)
    }

    /// The longest operator wins, as in go/scanner.
    @Test func longestMatch() {
        #expect(Scan.kinds("a&^=b<<=c>>=d...e..f") == [
            "IDENT", "&^=", "IDENT", "<<=", "IDENT", ">>=", "IDENT", "...", "IDENT", ".", ".", "IDENT", "\\n", "EOF",
        ])
        #expect(Scan.kinds("&&^") == ["&&", "^", "EOF"])
        #expect(Scan.kinds("<<-") == ["<<", "-", "EOF"])
        #expect(Scan.kinds("<--") == ["<-", "-", "EOF"])
        #expect(Scan.kinds("a+++b") == ["IDENT", "++", "+", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("a---b") == ["IDENT", "--", "-", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("!==") == ["!=", "=", "EOF"])
        #expect(Scan.kinds(":=:") == [":=", ":", "EOF"])
        #expect(Scan.kinds("....") == ["...", ".", "EOF"])
        #expect(Scan.kinds("x.y") == ["IDENT", ".", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("+-*/%") == ["+", "-", "*", "/", "%", "EOF"])
    }

    // MARK: - Numbers

    @Test(arguments: [
        "42", "0", "0x1F", "0X1f", "0o17", "0O17", "017", "0b101", "0B1", "1_000_000", "0x_FF", "0b_1", "0_7", "0o_7",
        "0xdead_beef", "9223372036854775808",
    ])
    func integerLiterals(_ source: String) {
        expectSingleLiteral(source, .int)
    }

    @Test(arguments: [
        "1.5", "1.", "0.", "1e10", "1E+10", "1e-10", ".5", ".5e3", "0x1p-2", "0x1.8p3", "0X.8P0", "1_0.2_5", "0x_1p4",
        "09.5", "00.5", "0e0", "1.e5", "0x1P+2", "089e1",
    ])
    func floatLiterals(_ source: String) {
        expectSingleLiteral(source, .float)
    }

    @Test(arguments: ["1i", "1.5i", "0x1p2i", "0b1i", "0o7i", "1e3i", "0i", "089i", ".5i", "0x1i", "1_0i", "1.i"])
    func imaginaryLiterals(_ source: String) {
        expectSingleLiteral(source, .imag)
    }

    /// A hex literal may contain `e` digits; a leading `.` followed by a digit starts a number.
    @Test func numberBoundaries() {
        #expect(Scan.tokens("0x1e3+.5") == [
            ScannedToken(.int, 0, 5), ScannedToken(.add, 5, 6), ScannedToken(.float, 6, 8), .semi(8), .eof(8),
        ])
        #expect(Scan.kinds("x.5") == ["IDENT", "FLOAT", "\\n", "EOF"])
        #expect(Scan.kinds("1..2") == ["FLOAT", "FLOAT", "\\n", "EOF"])
    }

    // MARK: - Runes and strings

    @Test(arguments: [
        "'a'", "'ä'", "'本'", #"'\a'"#, #"'\b'"#, #"'\f'"#, #"'\n'"#, #"'\r'"#, #"'\t'"#, #"'\v'"#, #"'\\'"#, #"'\''"#,
        #"'\000'"#, #"'\377'"#, #"'\x41'"#, #"'\xfF'"#, #"'\u12e4'"#, #"'\U00101234'"#, "'\"'", "' '",
    ])
    func runeLiterals(_ source: String) {
        expectSingleLiteral(source, .char)
    }

    @Test(arguments: [
        #""""#, #""abc""#, #""\"""#, #""a\tb\u00e9\U0001F600\x41\101""#, #""日本語""#, #""'""#,
        #""\a\b\f\n\r\t\v\\""#, "\"tab\there\"",
    ])
    func interpretedStrings(_ source: String) {
        expectSingleLiteral(source, .string)
    }

    /// Raw strings take everything literally, may span lines and keep carriage returns in their range.
    @Test(arguments: ["`abc`", "`a\nb`", #"`\n`"#, "`a\r\nb`", "`\"`", "``", "`\\`", "`a\n\n\tb\n`"])
    func rawStrings(_ source: String) {
        expectSingleLiteral(source, .string)
    }

    @Test func multiLineRawStringThenNextLine() {
        #expect(Scan.tokens("x := `line1\nline2`\ny") == [
            ScannedToken(.ident, 0, 1), ScannedToken(.define, 2, 4), ScannedToken(.string, 5, 18), .semi(18),
            ScannedToken(.ident, 19, 20), .semi(20), .eof(20),
        ])
    }

    // MARK: - Comments

    /// Comments produce no tokens; their ranges (delimiters included, final newline excluded) are recorded.
    @Test func commentRanges() {
        let line = Scan.result("// line\nx")
        #expect(line.comments == [CommentRange(start: 0, end: 7)])
        #expect(Scan.tokens("// line\nx") == [ScannedToken(.ident, 8, 9), .semi(9), .eof(9)])

        let general = Scan.result("/* general */ x")
        #expect(general.comments == [CommentRange(start: 0, end: 13)])
        #expect(Scan.tokens("/* general */ x") == [ScannedToken(.ident, 14, 15), .semi(15), .eof(15)])

        #expect(Scan.result("a/*x*/b").comments == [CommentRange(start: 1, end: 6)])
        #expect(Scan.tokens("a/*x*/b") == [ScannedToken(.ident, 0, 1), ScannedToken(.ident, 6, 7), .semi(7), .eof(7)])

        #expect(Scan.result("/* a */ /* b */").comments == [CommentRange(start: 0, end: 7), CommentRange(start: 8, end: 15)])
        #expect(Scan.result("/**/").comments == [CommentRange(start: 0, end: 4)])
        #expect(Scan.result("//").comments == [CommentRange(start: 0, end: 2)])
        #expect(Scan.result("/* a\nb */").comments == [CommentRange(start: 0, end: 9)])
        #expect(Scan.result("x // end").comments == [CommentRange(start: 2, end: 8)])
    }

    /// A `//` comment ending in CRLF does not include the carriage return.
    @Test func lineCommentExcludesCarriageReturn() {
        let result = Scan.result("// a\r\nx")
        #expect(result.comments == [CommentRange(start: 0, end: 4)])
        #expect(Scan.tokens("// a\r\nx") == [ScannedToken(.ident, 6, 7), .semi(7), .eof(7)])
        #expect(result.errors.isEmpty)
    }

    /// Comment-like text inside literals is not a comment.
    @Test func commentMarkersInsideLiterals() {
        #expect(Scan.result(#""// no" `/* no */`"#).comments.isEmpty)
        #expect(Scan.kinds(#""// no" `/* no */`"#) == ["STRING", "STRING", "\\n", "EOF"])
    }

    // MARK: - Byte order mark, EOF

    /// A byte order mark at offset 0 is skipped silently; offsets still count its three bytes.
    @Test func byteOrderMarkAtStartIsSkipped() {
        #expect(Scan.tokens("\u{FEFF}package p") == [
            ScannedToken(.kwPackage, 3, 10), ScannedToken(.ident, 11, 12), .semi(12), .eof(12),
        ])
        #expect(Scan.errors("\u{FEFF}package p") == [])
        #expect(Scan.tokens("\u{FEFF}") == [.eof(3)])
        #expect(Scan.result("\u{FEFF}// c\nx").comments == [CommentRange(start: 3, end: 7)])
        #expect(Scan.errors("\u{FEFF}// c\nx") == [])
    }

    @Test func emptyAndBlankInput() {
        #expect(Scan.tokens("") == [.eof(0)])
        #expect(Scan.tokens(" \t\r\n\n") == [.eof(5)])
    }

    // MARK: - Token kind classes

    @Test func tokenKindClasses() {
        for kind: TokenKind in [.ident, .int, .float, .imag, .char, .string] {
            #expect(kind.isLiteral && !kind.isOperator && !kind.isKeyword)
        }
        for kind: TokenKind in [.illegal, .eof, .comment] {
            #expect(!kind.isLiteral && !kind.isOperator && !kind.isKeyword)
        }
        let assignments = Self.operators.filter { $0.1.isAssignment }.map(\.0)
        #expect(assignments == ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=", "="])
    }

    /// The five binary precedence levels of the spec; everything else is 0.
    @Test func binaryPrecedence() {
        var levels: [Int: [String]] = [:]
        for (spelling, kind) in Self.operators where kind.precedence > 0 {
            levels[kind.precedence, default: []].append(spelling)
        }
        #expect(levels[5] == ["*", "/", "%", "&", "<<", ">>", "&^"])
        #expect(levels[4] == ["+", "-", "|", "^"])
        #expect(levels[3] == ["==", "<", ">", "!=", "<=", ">="])
        #expect(levels[2] == ["&&"])
        #expect(levels[1] == ["||"])
        #expect(levels.count == 5)
    }
}
