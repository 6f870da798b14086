/// Operators, punctuation and the ASCII characters Go does not allow.
extension Scanner {
    mutating func scanPunctuation(_ start: Int, _ byte: UInt8) {
        @inline(__always) func peek(_ offset: Int) -> UInt8 {
            let index = pos + offset
            return index < count ? src[index] : 0
        }
        /// Consumes `length` bytes and emits `kind`.
        @inline(__always) func take(_ kind: TokenKind, _ length: Int) {
            pos += length
            emit(kind, start)
        }
        switch byte {
        case UInt8(ascii: "\""): scanString(start)
        case UInt8(ascii: "'"): scanRune(start)
        case UInt8(ascii: "`"): scanRawString(start)
        case UInt8(ascii: "("): take(.lparen, 1)
        case UInt8(ascii: ")"): take(.rparen, 1)
        case UInt8(ascii: "["): take(.lbrack, 1)
        case UInt8(ascii: "]"): take(.rbrack, 1)
        case UInt8(ascii: "{"): take(.lbrace, 1)
        case UInt8(ascii: "}"): take(.rbrace, 1)
        case UInt8(ascii: ","): take(.comma, 1)
        case UInt8(ascii: ";"): take(.semicolon, 1)
        case UInt8(ascii: "~"): take(.tilde, 1)
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: ".") && peek(2) == UInt8(ascii: ".") { take(.ellipsis, 3) } else { take(.period, 1) }
        case UInt8(ascii: ":"):
            if peek(1) == UInt8(ascii: "=") { take(.define, 2) } else { take(.colon, 1) }
        case UInt8(ascii: "+"):
            switch peek(1) {
            case UInt8(ascii: "+"): take(.inc, 2)
            case UInt8(ascii: "="): take(.addAssign, 2)
            default: take(.add, 1)
            }
        case UInt8(ascii: "-"):
            switch peek(1) {
            case UInt8(ascii: "-"): take(.dec, 2)
            case UInt8(ascii: "="): take(.subAssign, 2)
            default: take(.sub, 1)
            }
        case UInt8(ascii: "*"):
            if peek(1) == UInt8(ascii: "=") { take(.mulAssign, 2) } else { take(.mul, 1) }
        case UInt8(ascii: "/"):
            // Comments were consumed by skipWhitespace.
            if peek(1) == UInt8(ascii: "=") { take(.quoAssign, 2) } else { take(.quo, 1) }
        case UInt8(ascii: "%"):
            if peek(1) == UInt8(ascii: "=") { take(.remAssign, 2) } else { take(.rem, 1) }
        case UInt8(ascii: "^"):
            if peek(1) == UInt8(ascii: "=") { take(.xorAssign, 2) } else { take(.xor, 1) }
        case UInt8(ascii: "<"):
            switch peek(1) {
            case UInt8(ascii: "-"): take(.arrow, 2)
            case UInt8(ascii: "="): take(.leq, 2)
            case UInt8(ascii: "<"): if peek(2) == UInt8(ascii: "=") { take(.shlAssign, 3) } else { take(.shl, 2) }
            default: take(.lss, 1)
            }
        case UInt8(ascii: ">"):
            switch peek(1) {
            case UInt8(ascii: "="): take(.geq, 2)
            case UInt8(ascii: ">"): if peek(2) == UInt8(ascii: "=") { take(.shrAssign, 3) } else { take(.shr, 2) }
            default: take(.gtr, 1)
            }
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: "=") { take(.eql, 2) } else { take(.assign, 1) }
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") { take(.neq, 2) } else { take(.not, 1) }
        case UInt8(ascii: "&"):
            switch peek(1) {
            case UInt8(ascii: "^"): if peek(2) == UInt8(ascii: "=") { take(.andNotAssign, 3) } else { take(.andNot, 2) }
            case UInt8(ascii: "="): take(.andAssign, 2)
            case UInt8(ascii: "&"): take(.land, 2)
            default: take(.and, 1)
            }
        case UInt8(ascii: "|"):
            switch peek(1) {
            case UInt8(ascii: "="): take(.orAssign, 2)
            case UInt8(ascii: "|"): take(.lor, 2)
            default: take(.or, 1)
            }
        default:
            pos += 1
            if byte == 0 {
                error(start, "illegal character NUL")
            } else {
                error(start, "illegal character \(UnicodeClasses.describe(UInt32(byte)))")
            }
            emit(.illegal, start, keepSemi: true)
        }
    }
}
