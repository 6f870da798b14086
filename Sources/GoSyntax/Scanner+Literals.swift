/// Number, rune and string literals, validated the way the Go toolchain does
/// (digit ranges per base, `_` placement, exponents, escapes).
extension Scanner {
    // MARK: - Numbers

    /// Which prefix a number literal has: none (decimal), `0x`, `0o`, `0b`,
    /// or a bare leading `0` (old-style octal).
    enum NumberPrefix { case none, hex, octal, binary, leadingZero }

    mutating func scanNumber(_ start: Int) {
        var kind = TokenKind.int
        var prefix = NumberPrefix.none
        var base = 10
        var sawDigits = false
        var sawSeparator = false
        var invalidDigit = -1

        if src[pos] != UInt8(ascii: ".") {
            if src[pos] == UInt8(ascii: "0") {
                pos += 1
                let lower = pos < count ? src[pos] | 0x20 : 0
                switch lower {
                case UInt8(ascii: "x"): pos += 1; base = 16; prefix = .hex
                case UInt8(ascii: "o"): pos += 1; base = 8; prefix = .octal
                case UInt8(ascii: "b"): pos += 1; base = 2; prefix = .binary
                default: base = 8; prefix = .leadingZero; sawDigits = true
                }
            }
            scanDigits(base: base, sawDigits: &sawDigits, sawSeparator: &sawSeparator, invalidDigit: &invalidDigit)
            if pos < count && src[pos] == UInt8(ascii: "."), prefix == .octal || prefix == .binary {
                error(pos, "invalid radix point in \(literalName(prefix))")
            }
        }
        if pos < count && src[pos] == UInt8(ascii: ".") {
            kind = .float
            pos += 1
            scanDigits(base: base, sawDigits: &sawDigits, sawSeparator: &sawSeparator, invalidDigit: &invalidDigit)
        }
        if !sawDigits {
            error(pos, "\(literalName(prefix)) has no digits")
        }
        let exponent = pos < count ? src[pos] | 0x20 : 0
        if exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "p") {
            if exponent == UInt8(ascii: "e") && prefix != .none && prefix != .leadingZero {
                error(pos, "'\(Character(Unicode.Scalar(src[pos])))' exponent requires decimal mantissa")
            } else if exponent == UInt8(ascii: "p") && prefix != .hex {
                error(pos, "'\(Character(Unicode.Scalar(src[pos])))' exponent requires hexadecimal mantissa")
            }
            pos += 1
            kind = .float
            if pos < count && (src[pos] == UInt8(ascii: "+") || src[pos] == UInt8(ascii: "-")) { pos += 1 }
            var exponentDigits = false
            var ignoredInvalid = -1
            scanDigits(base: 10, sawDigits: &exponentDigits, sawSeparator: &sawSeparator, invalidDigit: &ignoredInvalid)
            if !exponentDigits { error(pos, "exponent has no digits") }
        } else if prefix == .hex && kind == .float {
            error(pos, "hexadecimal mantissa requires a 'p' exponent")
        }
        if pos < count && src[pos] == UInt8(ascii: "i") {
            kind = .imag
            pos += 1
        }
        if kind == .int && invalidDigit >= 0 {
            let digit = Character(Unicode.Scalar(src[invalidDigit]))
            error(invalidDigit, "invalid digit '\(digit)' in \(literalName(prefix))")
        }
        if sawSeparator, let bad = misplacedSeparator(start, pos) {
            error(bad, "'_' must separate successive digits")
        }
        emit(kind, start)
    }

    /// Consumes digits of `base` (decimal digits for bases <= 10, so that a
    /// wrong digit is reported rather than ending the literal) and `_`.
    @inline(__always)
    mutating func scanDigits(base: Int, sawDigits: inout Bool, sawSeparator: inout Bool, invalidDigit: inout Int) {
        if base <= 10 {
            let limit = UInt8(ascii: "0") + UInt8(base)
            while pos < count {
                let byte = src[pos]
                if isDecimalDigit(byte) {
                    if byte >= limit && invalidDigit < 0 { invalidDigit = pos }
                    sawDigits = true
                } else if byte == UInt8(ascii: "_") {
                    sawSeparator = true
                } else {
                    break
                }
                pos += 1
            }
        } else {
            while pos < count {
                let byte = src[pos]
                if isHexDigit(byte) {
                    sawDigits = true
                } else if byte == UInt8(ascii: "_") {
                    sawSeparator = true
                } else {
                    break
                }
                pos += 1
            }
        }
    }

    func literalName(_ prefix: NumberPrefix) -> String {
        switch prefix {
        case .hex: return "hexadecimal literal"
        case .octal, .leadingZero: return "octal literal"
        case .binary: return "binary literal"
        case .none: return "decimal literal"
        }
    }

    /// The offset of the first `_` that does not sit between two digits (a
    /// base prefix counts as a digit), or nil.
    func misplacedSeparator(_ start: Int, _ end: Int) -> Int? {
        enum Previous { case digit, separator, other }
        var index = start
        var isHex = false
        var previous = Previous.other
        if end - start >= 2 && src[start] == UInt8(ascii: "0") {
            let lower = src[start + 1] | 0x20
            if lower == UInt8(ascii: "x") || lower == UInt8(ascii: "o") || lower == UInt8(ascii: "b") {
                isHex = lower == UInt8(ascii: "x")
                previous = .digit
                index = start + 2
            }
        }
        while index < end {
            let byte = src[index]
            if byte == UInt8(ascii: "_") {
                if previous != .digit { return index }
                previous = .separator
            } else if isDecimalDigit(byte) || (isHex && isHexDigit(byte)) {
                previous = .digit
            } else {
                if previous == .separator { return index - 1 }
                previous = .other
            }
            index += 1
        }
        return previous == .separator ? end - 1 : nil
    }

    // MARK: - Runes and strings

    mutating func scanRune(_ start: Int) {
        pos += 1  // opening quote
        var valid = true
        var characters = 0
        while true {
            guard pos < count, src[pos] != 0x0A else {
                if valid {
                    error(start, "rune literal not terminated")
                    valid = false
                }
                break
            }
            let byte = src[pos]
            if byte == UInt8(ascii: "'") {
                pos += 1
                break
            }
            characters += 1
            if byte == UInt8(ascii: "\\") {
                pos += 1
                if !scanEscape(quote: UInt8(ascii: "'")) { valid = false }
            } else {
                pos += checkedWidth(at: pos)
            }
        }
        if valid && characters != 1 {
            error(start, "illegal rune literal")
        }
        emit(.char, start)
    }

    mutating func scanString(_ start: Int) {
        pos += 1
        while true {
            guard pos < count, src[pos] != 0x0A else {
                error(start, "string literal not terminated")
                break
            }
            let byte = src[pos]
            if byte == UInt8(ascii: "\"") {
                pos += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                pos += 1
                _ = scanEscape(quote: UInt8(ascii: "\""))
            } else if byte >= 0x20 && byte < 0x80 {
                pos += 1
            } else {
                pos += checkedWidth(at: pos)
            }
        }
        emit(.string, start)
    }

    /// Raw strings may span lines; carriage returns inside them are part of
    /// the token's range but not of its value.
    mutating func scanRawString(_ start: Int) {
        pos += 1
        while true {
            guard pos < count else {
                error(start, "raw string literal not terminated")
                break
            }
            let byte = src[pos]
            if byte == UInt8(ascii: "`") {
                pos += 1
                break
            }
            if byte >= 0x20 && byte < 0x80 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pos += 1
            } else {
                pos += checkedWidth(at: pos)
            }
        }
        emit(.string, start)
    }

    /// Validates one escape; `pos` is just past the backslash.
    mutating func scanEscape(quote: UInt8) -> Bool {
        // Go reports escape errors at the character after the backslash.
        let escapeStart = pos
        guard pos < count else {
            error(escapeStart, "escape sequence not terminated")
            return false
        }
        var digits: Int
        var base: UInt32
        var maximum: UInt32
        switch src[pos] {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
            UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            pos += 1
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            digits = 3; base = 8; maximum = 255
        case UInt8(ascii: "x"):
            pos += 1; digits = 2; base = 16; maximum = 255
        case UInt8(ascii: "u"):
            pos += 1; digits = 4; base = 16; maximum = 0x10FFFF
        case UInt8(ascii: "U"):
            pos += 1; digits = 8; base = 16; maximum = 0x10FFFF
        default:
            error(escapeStart, "unknown escape sequence")
            return false
        }
        var value: UInt32 = 0
        while digits > 0 {
            guard pos < count else {
                error(pos, "escape sequence not terminated")
                return false
            }
            let digit = digitValue(src[pos])
            if digit >= base {
                let (rune, _) = UnicodeClasses.decode(src, at: pos)
                error(pos, "illegal character \(UnicodeClasses.describe(rune == UnicodeClasses.invalidRune ? 0xFFFD : rune)) in escape sequence")
                return false
            }
            value = value &* base &+ digit
            pos += 1
            digits -= 1
        }
        if value > maximum || (value >= 0xD800 && value < 0xE000) {
            error(escapeStart, "escape sequence is invalid Unicode code point")
            return false
        }
        return true
    }

    @inline(__always)
    func digitValue(_ byte: UInt8) -> UInt32 {
        if isDecimalDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return 16
    }
}
