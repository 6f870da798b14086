/// The result of scanning one file: every token (with semicolons already
/// inserted), every comment's byte range, and the lexical errors.
public struct ScanResult: Sendable {
    public var tokens: [Token]
    public var comments: [CommentRange]
    public var errors: [SyntaxError]
}

/// The byte range of one `//` or `/* */` comment, delimiters included.
public struct CommentRange: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
}

/// Go's lexical grammar over raw bytes.
///
/// Works on an `UnsafeBufferPointer<UInt8>`, takes an ASCII fast path and
/// decodes UTF-8 only for bytes >= 0x80. Inserts semicolons exactly where the
/// spec says (after an identifier, literal, `break`, `continue`,
/// `fallthrough`, `return`, `++`, `--`, `)`, `]` or `}` at a newline or EOF).
/// Never stops at an error: it records it and keeps scanning.
public struct Scanner {
    let src: UnsafeBufferPointer<UInt8>
    let count: Int
    var pos = 0
    var insertSemi = false
    var tokens: [Token] = []
    var comments: [CommentRange] = []
    var errors: [SyntaxError] = []

    /// Scans a whole file. A byte order mark at offset 0 is skipped.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ScanResult {
        var scanner = Scanner(src: bytes, count: bytes.count)
        scanner.tokens.reserveCapacity(bytes.count / 5 + 16)
        scanner.run()
        return ScanResult(tokens: scanner.tokens, comments: scanner.comments, errors: scanner.errors)
    }

    /// Convenience for tests and small inputs.
    public static func scan(_ bytes: [UInt8]) -> ScanResult {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    init(src: UnsafeBufferPointer<UInt8>, count: Int) {
        self.src = src
        self.count = count
    }

    // MARK: - Driver

    mutating func run() {
        if count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF { pos = 3 }
        while true {
            skipWhitespace()
            if pos >= count {
                if insertSemi { emitInsertedSemicolon(at: pos) }
                tokens.append(Token(kind: .eof, start: Int32(count), end: Int32(count)))
                return
            }
            let start = pos
            let byte = src[pos]
            if byte == 0x0A {
                // Only reached when a semicolon is due (skipWhitespace stops here).
                emitInsertedSemicolon(at: pos)
                insertSemi = false
                pos += 1
                continue
            }
            if isASCIILetter(byte) {
                scanIdentifierOrKeyword(start)
                continue
            }
            if isDecimalDigit(byte) || (byte == UInt8(ascii: ".") && pos + 1 < count && isDecimalDigit(src[pos + 1])) {
                scanNumber(start)
                continue
            }
            if byte >= 0x80 {
                let (rune, width) = UnicodeClasses.decode(src, at: pos)
                if rune != UnicodeClasses.invalidRune && UnicodeClasses.isLetter(rune) {
                    scanIdentifierOrKeyword(start)
                    continue
                }
                pos += width
                if rune == UnicodeClasses.invalidRune {
                    error(start, "illegal UTF-8 encoding")
                } else if rune == 0xFEFF {
                    error(start, "illegal byte order mark")
                } else {
                    error(start, "illegal character \(UnicodeClasses.describe(rune))")
                }
                emit(.illegal, start, keepSemi: true)
                continue
            }
            scanPunctuation(start, byte)
        }
    }

    /// Skips spaces, tabs and carriage returns; stops at a newline when a
    /// semicolon is due, and otherwise skips newlines too. Comments are
    /// handled here as well so that a comment spanning a newline can end a
    /// statement.
    @inline(__always)
    mutating func skipWhitespace() {
        while pos < count {
            let byte = src[pos]
            switch byte {
            case 0x20, 0x09, 0x0D:
                pos += 1
            case 0x0A:
                if insertSemi { return }
                pos += 1
            case UInt8(ascii: "/"):
                guard pos + 1 < count else { return }
                let next = src[pos + 1]
                if next == UInt8(ascii: "/") {
                    scanLineComment()
                    if insertSemi {
                        // The newline ending the comment ends the statement;
                        // the semicolon sits at that newline (or at EOF).
                        emitInsertedSemicolon(at: pos)
                        insertSemi = false
                    }
                } else if next == UInt8(ascii: "*") {
                    let firstNewline = scanGeneralComment()
                    if insertSemi && (firstNewline != nil || pos >= count) {
                        emitInsertedSemicolon(at: firstNewline ?? pos)
                        insertSemi = false
                    }
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    // MARK: - Emitting

    @inline(__always)
    mutating func emit(_ kind: TokenKind, _ start: Int, keepSemi: Bool = false) {
        tokens.append(Token(kind: kind, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: pos)))
        if !keepSemi { insertSemi = Scanner.endsStatement(kind) }
    }

    @inline(__always)
    mutating func emitInsertedSemicolon(at offset: Int) {
        let at = Int32(truncatingIfNeeded: offset)
        tokens.append(Token(kind: .semicolon, start: at, end: at, isInsertedSemicolon: true))
    }

    @inline(__always)
    static func endsStatement(_ kind: TokenKind) -> Bool {
        switch kind {
        case .ident, .int, .float, .imag, .char, .string, .kwBreak, .kwContinue, .kwFallthrough, .kwReturn,
            .inc, .dec, .rparen, .rbrack, .rbrace:
            return true
        default:
            return false
        }
    }

    /// Records an error; beyond `Parser.maxErrors` they are only noise.
    mutating func error(_ offset: Int, _ message: String) {
        guard errors.count < Parser.maxErrors else { return }
        errors.append(SyntaxError(offset: Int32(truncatingIfNeeded: offset), message: message))
    }

    // MARK: - Byte classes

    @inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    @inline(__always) func isDecimalDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always) func isHexDigit(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return isDecimalDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }

    /// Checks one byte inside a comment or literal: reports NUL, invalid
    /// UTF-8 and stray byte order marks, and returns the width to advance.
    @inline(__always)
    mutating func checkedWidth(at index: Int) -> Int {
        let byte = src[index]
        if byte == 0 {
            error(index, "illegal character NUL")
            return 1
        }
        if byte < 0x80 { return 1 }
        let (rune, width) = UnicodeClasses.decode(src, at: index)
        if rune == UnicodeClasses.invalidRune {
            error(index, "illegal UTF-8 encoding")
        } else if rune == 0xFEFF {
            error(index, "illegal byte order mark")
        }
        return width
    }

    // MARK: - Comments

    mutating func scanLineComment() {
        let start = pos
        pos += 2
        while pos < count {
            let byte = src[pos]
            if byte == 0x0A { break }
            if byte >= 0x20 && byte < 0x80 {
                pos += 1
            } else {
                pos += checkedWidth(at: pos)
            }
        }
        var end = pos
        if end > start && src[end - 1] == 0x0D { end -= 1 }
        comments.append(CommentRange(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
    }

    /// Returns the offset of the comment's first newline, if it has one.
    mutating func scanGeneralComment() -> Int? {
        let start = pos
        pos += 2
        var firstNewline: Int?
        while true {
            if pos >= count {
                error(start, "comment not terminated")
                break
            }
            let byte = src[pos]
            if byte == UInt8(ascii: "*") && pos + 1 < count && src[pos + 1] == UInt8(ascii: "/") {
                pos += 2
                break
            }
            if byte == 0x0A {
                if firstNewline == nil { firstNewline = pos }
                pos += 1
            } else if byte >= 0x20 && byte < 0x80 {
                pos += 1
            } else {
                pos += checkedWidth(at: pos)
            }
        }
        comments.append(CommentRange(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: pos)))
        return firstNewline
    }

    // MARK: - Identifiers and keywords

    mutating func scanIdentifierOrKeyword(_ start: Int) {
        var asciiOnly = true
        while pos < count {
            let byte = src[pos]
            if isASCIILetter(byte) || isDecimalDigit(byte) {
                pos += 1
            } else if byte >= 0x80 {
                let (rune, width) = UnicodeClasses.decode(src, at: pos)
                guard rune != UnicodeClasses.invalidRune,
                    UnicodeClasses.isLetter(rune) || UnicodeClasses.isDigit(rune)
                else { break }
                asciiOnly = false
                pos += width
            } else {
                break
            }
        }
        let length = pos - start
        if asciiOnly && length >= 2 && length <= 11 {
            let slot = KeywordTable.hash(length, src[start], src[start + 1])
            let candidate = KeywordTable.slots[slot]
            if candidate != 0, matches(slot, start, length), let kind = TokenKind(rawValue: candidate) {
                emit(kind, start)
                return
            }
        }
        emit(.ident, start)
    }

    @inline(__always)
    func matches(_ slot: Int, _ start: Int, _ length: Int) -> Bool {
        let spelling = KeywordTable.spellings[slot]
        guard spelling.count == length else { return false }
        for index in 0..<length where spelling[index] != src[start + index] { return false }
        return true
    }
}
