/// The lexical classes of Go source text.
///
/// A small integer enum so that the scanner and parser compare and switch on
/// one byte. Cases are grouped between range markers (`literalBegin`...),
/// which turns "is this a keyword / literal / operator" into a range check.
public enum TokenKind: UInt8, Sendable, CustomStringConvertible {
    case illegal
    case eof
    case comment

    case literalBegin
    case ident
    case int
    case float
    case imag
    case char
    case string
    case literalEnd

    case operatorBegin
    case add  // +
    case sub  // -
    case mul  // *
    case quo  // /
    case rem  // %
    case and  // &
    case or  // |
    case xor  // ^
    case shl  // <<
    case shr  // >>
    case andNot  // &^
    case addAssign  // +=
    case subAssign  // -=
    case mulAssign  // *=
    case quoAssign  // /=
    case remAssign  // %=
    case andAssign  // &=
    case orAssign  // |=
    case xorAssign  // ^=
    case shlAssign  // <<=
    case shrAssign  // >>=
    case andNotAssign  // &^=
    case land  // &&
    case lor  // ||
    case arrow  // <-
    case inc  // ++
    case dec  // --
    case eql  // ==
    case lss  // <
    case gtr  // >
    case assign  // =
    case not  // !
    case neq  // !=
    case leq  // <=
    case geq  // >=
    case define  // :=
    case ellipsis  // ...
    case lparen  // (
    case lbrack  // [
    case lbrace  // {
    case comma  // ,
    case period  // .
    case rparen  // )
    case rbrack  // ]
    case rbrace  // }
    case semicolon  // ; (written or inserted at a newline / EOF)
    case colon  // :
    case tilde  // ~
    case operatorEnd

    case keywordBegin
    case kwBreak
    case kwCase
    case kwChan
    case kwConst
    case kwContinue
    case kwDefault
    case kwDefer
    case kwElse
    case kwFallthrough
    case kwFor
    case kwFunc
    case kwGo
    case kwGoto
    case kwIf
    case kwImport
    case kwInterface
    case kwMap
    case kwPackage
    case kwRange
    case kwReturn
    case kwSelect
    case kwStruct
    case kwSwitch
    case kwType
    case kwVar
    case keywordEnd

    @inlinable public var isLiteral: Bool { rawValue > TokenKind.literalBegin.rawValue && rawValue < TokenKind.literalEnd.rawValue }
    @inlinable public var isOperator: Bool { rawValue > TokenKind.operatorBegin.rawValue && rawValue < TokenKind.operatorEnd.rawValue }
    @inlinable public var isKeyword: Bool { rawValue > TokenKind.keywordBegin.rawValue && rawValue < TokenKind.keywordEnd.rawValue }

    /// True for `=` and the op-assignment operators (`+=` ... `&^=`).
    @inlinable public var isAssignment: Bool {
        self == .assign || (rawValue >= TokenKind.addAssign.rawValue && rawValue <= TokenKind.andNotAssign.rawValue)
    }

    /// Binary operator precedence as the spec defines it (5 highest), or 0.
    @inlinable public var precedence: Int {
        switch self {
        case .lor: return 1
        case .land: return 2
        case .eql, .neq, .lss, .leq, .gtr, .geq: return 3
        case .add, .sub, .or, .xor: return 4
        case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 5
        default: return 0
        }
    }

    /// The source spelling of operators and keywords, or a class name.
    public var description: String {
        switch self {
        case .illegal: return "ILLEGAL"
        case .eof: return "EOF"
        case .comment: return "COMMENT"
        case .ident: return "IDENT"
        case .int: return "INT"
        case .float: return "FLOAT"
        case .imag: return "IMAG"
        case .char: return "CHAR"
        case .string: return "STRING"
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .quo: return "/"
        case .rem: return "%"
        case .and: return "&"
        case .or: return "|"
        case .xor: return "^"
        case .shl: return "<<"
        case .shr: return ">>"
        case .andNot: return "&^"
        case .addAssign: return "+="
        case .subAssign: return "-="
        case .mulAssign: return "*="
        case .quoAssign: return "/="
        case .remAssign: return "%="
        case .andAssign: return "&="
        case .orAssign: return "|="
        case .xorAssign: return "^="
        case .shlAssign: return "<<="
        case .shrAssign: return ">>="
        case .andNotAssign: return "&^="
        case .land: return "&&"
        case .lor: return "||"
        case .arrow: return "<-"
        case .inc: return "++"
        case .dec: return "--"
        case .eql: return "=="
        case .lss: return "<"
        case .gtr: return ">"
        case .assign: return "="
        case .not: return "!"
        case .neq: return "!="
        case .leq: return "<="
        case .geq: return ">="
        case .define: return ":="
        case .ellipsis: return "..."
        case .lparen: return "("
        case .lbrack: return "["
        case .lbrace: return "{"
        case .comma: return ","
        case .period: return "."
        case .rparen: return ")"
        case .rbrack: return "]"
        case .rbrace: return "}"
        case .semicolon: return ";"
        case .colon: return ":"
        case .tilde: return "~"
        case .kwBreak: return "break"
        case .kwCase: return "case"
        case .kwChan: return "chan"
        case .kwConst: return "const"
        case .kwContinue: return "continue"
        case .kwDefault: return "default"
        case .kwDefer: return "defer"
        case .kwElse: return "else"
        case .kwFallthrough: return "fallthrough"
        case .kwFor: return "for"
        case .kwFunc: return "func"
        case .kwGo: return "go"
        case .kwGoto: return "goto"
        case .kwIf: return "if"
        case .kwImport: return "import"
        case .kwInterface: return "interface"
        case .kwMap: return "map"
        case .kwPackage: return "package"
        case .kwRange: return "range"
        case .kwReturn: return "return"
        case .kwSelect: return "select"
        case .kwStruct: return "struct"
        case .kwSwitch: return "switch"
        case .kwType: return "type"
        case .kwVar: return "var"
        case .literalBegin, .literalEnd, .operatorBegin, .operatorEnd, .keywordBegin, .keywordEnd: return "?"
        }
    }
}

/// One scanned token: its class and the byte range it covers in the source.
///
/// Twelve bytes and no text: the spelling is read back from the source buffer
/// when someone needs it. An inserted semicolon (at a newline or EOF) has
/// `isInsertedSemicolon` set and an empty range at the newline.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// Set on semicolons the scanner inserted rather than read.
    public var isInsertedSemicolon: Bool
    public var start: Int32
    public var end: Int32

    @inlinable public init(kind: TokenKind, start: Int32, end: Int32, isInsertedSemicolon: Bool = false) {
        self.kind = kind
        self.isInsertedSemicolon = isInsertedSemicolon
        self.start = start
        self.end = end
    }
}

/// Keyword lookup by a perfect hash over (length, first two bytes).
///
/// Avoids building a `String` or hashing into a dictionary for every
/// identifier the scanner sees.
@usableFromInline enum KeywordTable {
    @usableFromInline static let size = 64
    /// Slots hold a keyword kind's raw value, or 0 for "no keyword".
    @usableFromInline static let slots: [UInt8] = {
        var table = [UInt8](repeating: 0, count: size)
        for kind in allKeywords {
            let bytes = Array(kind.description.utf8)
            let slot = hash(bytes.count, bytes[0], bytes[1])
            table[slot] = kind.rawValue
        }
        return table
    }()
    /// The spelling of the keyword in each slot (empty for free slots).
    @usableFromInline static let spellings: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: size)
        for kind in allKeywords {
            let bytes = Array(kind.description.utf8)
            table[hash(bytes.count, bytes[0], bytes[1])] = bytes
        }
        return table
    }()

    static let allKeywords: [TokenKind] = [
        .kwBreak, .kwCase, .kwChan, .kwConst, .kwContinue, .kwDefault, .kwDefer, .kwElse, .kwFallthrough,
        .kwFor, .kwFunc, .kwGo, .kwGoto, .kwIf, .kwImport, .kwInterface, .kwMap, .kwPackage, .kwRange,
        .kwReturn, .kwSelect, .kwStruct, .kwSwitch, .kwType, .kwVar,
    ]

    @inlinable @inline(__always)
    static func hash(_ length: Int, _ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &+ Int(second) &* 4 &+ length &* 6) & (size - 1)
    }
}
