import Testing
@testable import GoSyntax

/// Lexical errors carry go/scanner's wording and offsets, and never stop the scan.
@Suite struct LexicalErrorTests {
    // MARK: - Illegal characters and encodings

    @Test(arguments: [
        ("#", "0: illegal character U+0023 '#'"),
        ("a $ b", "2: illegal character U+0024 '$'"),
        ("?", "0: illegal character U+003F '?'"),
        ("@x", "0: illegal character U+0040 '@'"),
        ("\\", "0: illegal character U+005C '\\'"),
        ("x\u{A0}y", "1: illegal character U+00A0"),
        ("\u{2028}", "0: illegal character U+2028"),
        ("\u{7F}", "0: illegal character U+007F"),
        ("»", "0: illegal character U+00BB '»'"),
        ("x·y", "1: illegal character U+00B7 '·'"),
        // A Unicode digit cannot start an identifier.
        ("٣x", "0: illegal character U+0663 '٣'"),
    ])
    func illegalCharacters(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    @Test func illegalCharacterIsAnIllegalTokenCoveringTheCharacter() {
        #expect(Scan.tokens("a $ b") == [
            ScannedToken(.ident, 0, 1), ScannedToken(.illegal, 2, 3), ScannedToken(.ident, 4, 5), .semi(5), .eof(5),
        ])
        #expect(Scan.tokens("٣x") == [ScannedToken(.illegal, 0, 2), ScannedToken(.ident, 2, 3), .semi(3), .eof(3)])
    }

    @Test func nulCharacter() {
        #expect(Scan.errors(Array("x\0y".utf8)) == ["1: illegal character NUL"])
        #expect(Scan.tokens(Array("x\0y".utf8)) == [
            ScannedToken(.ident, 0, 1), ScannedToken(.illegal, 1, 2), ScannedToken(.ident, 2, 3), .semi(3), .eof(3),
        ])
        #expect(Scan.errors(Array("\"a\0\"".utf8)) == ["2: illegal character NUL"])
        #expect(Scan.errors(Array("// a\0\n".utf8)) == ["4: illegal character NUL"])
    }

    @Test func invalidUTF8() {
        #expect(Scan.errors([0x61, 0xFF, 0x62]) == ["1: illegal UTF-8 encoding"])
        #expect(Scan.tokens([0x61, 0xFF, 0x62]) == [
            ScannedToken(.ident, 0, 1), ScannedToken(.illegal, 1, 2), ScannedToken(.ident, 2, 3), .semi(3), .eof(3),
        ])
        // Inside an interpreted string, a comment and a raw string (a truncated 2-byte sequence).
        #expect(Scan.errors([0x22, 0xFF, 0x22]) == ["1: illegal UTF-8 encoding"])
        #expect(Scan.errors(Array("/* ".utf8) + [0xFE] + Array(" */".utf8)) == ["3: illegal UTF-8 encoding"])
        #expect(Scan.errors([0x60, 0xC3, 0x60]) == ["1: illegal UTF-8 encoding"])
        // Overlong encoding of '/' and an encoded surrogate.
        #expect(Scan.errors([0x78, 0xC0, 0xAF]).first == "1: illegal UTF-8 encoding")
        #expect(Scan.errors([0x22, 0xED, 0xA0, 0x80, 0x22]).first == "1: illegal UTF-8 encoding")
    }

    /// Only a byte order mark at offset 0 is allowed.
    @Test func byteOrderMarkElsewhere() {
        #expect(Scan.errors("x\u{FEFF}y") == ["1: illegal byte order mark"])
        #expect(Scan.tokens("x\u{FEFF}y") == [
            ScannedToken(.ident, 0, 1), ScannedToken(.illegal, 1, 4), ScannedToken(.ident, 4, 5), .semi(5), .eof(5),
        ])
        #expect(Scan.errors("\"\u{FEFF}\"") == ["1: illegal byte order mark"])
        #expect(Scan.errors("// \u{FEFF}") == ["3: illegal byte order mark"])
        #expect(Scan.errors("\u{FEFF}\u{FEFF}x") == ["3: illegal byte order mark"])
    }

    // MARK: - Unterminated literals and comments

    @Test(arguments: [
        ("\"abc", "0: string literal not terminated"),
        ("\"abc\nx", "0: string literal not terminated"),
        ("`abc", "0: raw string literal not terminated"),
        ("`abc\n", "0: raw string literal not terminated"),
        ("'a", "0: rune literal not terminated"),
        ("'", "0: rune literal not terminated"),
        ("'\n", "0: rune literal not terminated"),
        ("'ab", "0: rune literal not terminated"),
        ("'\\'", "0: rune literal not terminated"),
        ("/* abc", "0: comment not terminated"),
        ("/* abc *", "0: comment not terminated"),
        ("/*", "0: comment not terminated"),
    ])
    func unterminated(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    /// An unterminated interpreted string stops at the newline; the next line scans normally.
    @Test func unterminatedStringEndsAtNewline() {
        #expect(Scan.tokens("\"abc\ny := 1") == [
            ScannedToken(.string, 0, 4), .semi(4), ScannedToken(.ident, 5, 6), ScannedToken(.define, 7, 9),
            ScannedToken(.int, 10, 11), .semi(11), .eof(11),
        ])
    }

    /// An unterminated raw string or comment runs to EOF.
    @Test func unterminatedRawStringAndCommentRunToEOF() {
        #expect(Scan.tokens("`abc\nx") == [ScannedToken(.string, 0, 6), .semi(6), .eof(6)])
        #expect(Scan.result("/* abc\nx").comments == [CommentRange(start: 0, end: 8)])
        #expect(Scan.tokens("/* abc\nx") == [.eof(8)])
    }

    // MARK: - Rune literals and escapes

    @Test(arguments: [
        ("''", "0: illegal rune literal"),
        ("'ab'", "0: illegal rune literal"),
        (#"'\n\n'"#, "0: illegal rune literal"),
    ])
    func illegalRuneLiterals(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    /// Escape errors that name the offending character are reported at that character.
    @Test(arguments: [
        (#"'\xg'"#, "3: illegal character U+0067 'g' in escape sequence"),
        (#""\x4""#, "4: illegal character U+0022 '\"' in escape sequence"),
        (#""\u12""#, "5: illegal character U+0022 '\"' in escape sequence"),
        (#"'\08'"#, "3: illegal character U+0038 '8' in escape sequence"),
        (#"'\18'"#, "3: illegal character U+0038 '8' in escape sequence"),
        (#"'\x'"#, "3: illegal character U+0027 ''' in escape sequence"),
        (#""\xZZ""#, "3: illegal character U+005A 'Z' in escape sequence"),
    ])
    func illegalCharacterInEscape(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    /// The wording of the other escape errors matches go/scanner.
    @Test(arguments: [
        (#""\q""#, "unknown escape sequence"),
        (#""\'""#, "unknown escape sequence"),
        (#"'\"'"#, "unknown escape sequence"),
        (#"'\8'"#, "unknown escape sequence"),
        (#"'\400'"#, "escape sequence is invalid Unicode code point"),
        (#"'\777'"#, "escape sequence is invalid Unicode code point"),
        (#"'\uD800'"#, "escape sequence is invalid Unicode code point"),
        (#"'\uDFFF'"#, "escape sequence is invalid Unicode code point"),
        (#"'\U00110000'"#, "escape sequence is invalid Unicode code point"),
        (#"'\UFFFFFFFF'"#, "escape sequence is invalid Unicode code point"),
        ("'\\", "escape sequence not terminated"),
    ])
    func escapeErrorMessages(_ source: String, _ message: String) {
        #expect(Scanner.scan(Array(source.utf8)).errors.map(\.message) == [message])
    }

    /// go/scanner reports these escape errors at the character after the backslash
    /// (`"\q"` at offset 2), not at the backslash.
    @Test(arguments: [
        (#""\q""#, "2: unknown escape sequence"),
        (#"'\400'"#, "2: escape sequence is invalid Unicode code point"),
        (#"'\uD800'"#, "2: escape sequence is invalid Unicode code point"),
        (#"'\U00110000'"#, "2: escape sequence is invalid Unicode code point"),
        ("'\\", "2: escape sequence not terminated"),
    ])
    func escapeErrorOffsets(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    @Test func unterminatedEscapeInString() {
        // Two errors for one literal: the escape and the string.
        #expect(Scanner.scan(Array("\"\\".utf8)).errors.map(\.message) == [
            "escape sequence not terminated", "string literal not terminated",
        ])
    }

    // MARK: - Numbers

    @Test(arguments: [
        ("08", "1: invalid digit '8' in octal literal"),
        ("09", "1: invalid digit '9' in octal literal"),
        ("0789", "2: invalid digit '8' in octal literal"),
        ("0o8", "2: invalid digit '8' in octal literal"),
        ("0O9", "2: invalid digit '9' in octal literal"),
        ("0b2", "2: invalid digit '2' in binary literal"),
        ("0b102", "4: invalid digit '2' in binary literal"),
        ("1__2", "2: '_' must separate successive digits"),
        ("1_", "1: '_' must separate successive digits"),
        ("0__1", "2: '_' must separate successive digits"),
        ("0x1_", "3: '_' must separate successive digits"),
        ("1_.5", "1: '_' must separate successive digits"),
        ("1._5", "2: '_' must separate successive digits"),
        ("1e_5", "2: '_' must separate successive digits"),
        ("0_x1", "1: '_' must separate successive digits"),
        ("0x1p", "4: exponent has no digits"),
        ("1e", "2: exponent has no digits"),
        ("1e+", "3: exponent has no digits"),
        ("1E-", "3: exponent has no digits"),
        ("1.5e", "4: exponent has no digits"),
        ("0b1.0", "3: invalid radix point in binary literal"),
        ("0b12.3", "4: invalid radix point in binary literal"),
        ("0o1.2", "3: invalid radix point in octal literal"),
        ("0b1e3", "3: 'e' exponent requires decimal mantissa"),
        ("0o7e1", "3: 'e' exponent requires decimal mantissa"),
        ("1p3", "1: 'p' exponent requires hexadecimal mantissa"),
    ])
    func malformedNumbers(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    /// Literals that look odd but are valid: leading-zero floats and imaginaries, `_` after a prefix.
    @Test(arguments: ["078.9", "09i", "0x_1", "0_7", "0x1e3", "1.e5", "_1"])
    func validOddNumbers(_ source: String) {
        #expect(Scan.errors(source) == [])
    }

    /// The wording of the remaining number errors matches go/scanner.
    @Test(arguments: [
        ("0x", "hexadecimal literal has no digits"),
        ("0X", "hexadecimal literal has no digits"),
        ("0b", "binary literal has no digits"),
        ("0o", "octal literal has no digits"),
        ("0xp1", "hexadecimal literal has no digits"),
        ("0x.p1", "hexadecimal literal has no digits"),
        ("0x1.5", "hexadecimal mantissa requires a 'p' exponent"),
        ("0x.8", "hexadecimal mantissa requires a 'p' exponent"),
    ])
    func numberErrorMessages(_ source: String, _ message: String) {
        #expect(Scanner.scan(Array(source.utf8)).errors.map(\.message) == [message])
    }

    /// go/scanner reports a missing digit or exponent where it was expected (after the prefix,
    /// after the mantissa), not at the start of the literal.
    @Test(arguments: [
        ("0x", "2: hexadecimal literal has no digits"),
        ("0b", "2: binary literal has no digits"),
        ("0o", "2: octal literal has no digits"),
        ("0xg", "2: hexadecimal literal has no digits"),
        ("0x.p1", "3: hexadecimal literal has no digits"),
        ("0x1.5", "5: hexadecimal mantissa requires a 'p' exponent"),
        ("0x.8", "4: hexadecimal mantissa requires a 'p' exponent"),
    ])
    func numberErrorOffsets(_ source: String, _ error: String) {
        #expect(Scan.errors(source) == [error])
    }

    /// The malformed literal is still one token of the right kind.
    @Test func malformedNumbersAreSingleTokens() {
        #expect(Scan.tokens("0b102") == [ScannedToken(.int, 0, 5), .semi(5), .eof(5)])
        #expect(Scan.tokens("0x1.5") == [ScannedToken(.float, 0, 5), .semi(5), .eof(5)])
        #expect(Scan.tokens("1e+") == [ScannedToken(.float, 0, 3), .semi(3), .eof(3)])
        // `0_x1` is `0_` followed by the identifier `x1`.
        #expect(Scan.tokens("0_x1") == [ScannedToken(.int, 0, 2), ScannedToken(.ident, 2, 4), .semi(4), .eof(4)])
    }

    // MARK: - Scanning continues

    @Test func scanningContinuesAfterErrors() {
        #expect(Scan.errors("a # b # c") == ["2: illegal character U+0023 '#'", "6: illegal character U+0023 '#'"])
        #expect(Scan.kinds("a # b # c") == ["IDENT", "ILLEGAL", "IDENT", "ILLEGAL", "IDENT", "\\n", "EOF"])
        #expect(Scan.errors("08 09") == ["1: invalid digit '8' in octal literal", "4: invalid digit '9' in octal literal"])
        #expect(Scan.kinds("'ab' x") == ["CHAR", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("\"\\q\" + 1") == ["STRING", "+", "INT", "\\n", "EOF"])
    }

    /// An illegal character neither causes nor cancels a semicolon.
    @Test func illegalCharacterKeepsSemicolonState() {
        #expect(Scan.tokens("x #\ny") == [
            ScannedToken(.ident, 0, 1), ScannedToken(.illegal, 2, 3), .semi(3), ScannedToken(.ident, 4, 5), .semi(5), .eof(5),
        ])
        #expect(Scan.kinds("# x\ny") == ["ILLEGAL", "IDENT", "\\n", "IDENT", "\\n", "EOF"])
        #expect(Scan.kinds("+ #\ny") == ["+", "ILLEGAL", "IDENT", "\\n", "EOF"])
    }

    /// The parser reports lexical errors with the syntax errors, at line:column.
    @Test func lexicalErrorsReachTheTree() {
        let tree = GoParser.parse("package p\nvar x = 1 # 2\nvar y = 08\nvar z = 2\n")
        #expect(positionedErrors(tree) == [
            "2:11: illegal character U+0023 '#'",
            "3:10: invalid digit '8' in octal literal",
        ])
        #expect(tree.sexpr() == "(File p [(GenDecl var [(ValueSpec [x] - [1])]) (GenDecl var [(ValueSpec [y] - [08])]) (GenDecl var [(ValueSpec [z] - [2])])])")
    }
}
