/// Entry point: parses one Go source file into a `SyntaxTree`.
///
/// Never throws and never traps on bad input: lexical and syntax errors are
/// collected in `SyntaxTree.errors` (at most `Parser.maxErrors`, one per line)
/// and the tree still covers everything that could be parsed.
public enum GoParser {
    /// Deepest nesting of expressions, types and statements the parser
    /// follows before reporting an error instead of recursing further: far
    /// beyond hand-written and generated code (500 nested closures take
    /// 1,500 levels; an `else if` chain of any length takes one), low
    /// enough that the recursion of every phase fits the stack that
    /// `StackGuard` sets aside, even in unoptimised builds.
    public static let maxNestingDepth = 10_000

    /// Most `if`s one `else if` chain may have. A chain is no nesting for
    /// the parser, but every branch lies one level deeper in the tree,
    /// which later phases climb; this keeps that depth as bounded as nesting.
    public static let maxElseIfChain = 10_000

    /// Safe on any thread: if the caller's stack is too small for the
    /// deepest nesting allowed, parsing moves to a thread with a larger one.
    public static func parse(_ source: [UInt8]) -> SyntaxTree {
        StackGuard.withDeepStack { parseOnThisThread(source) }
    }

    static func parseOnThisThread(_ source: [UInt8]) -> SyntaxTree {
        source.withUnsafeBufferPointer { buffer in
            let scan = Scanner.scan(buffer)
            return scan.tokens.withUnsafeBufferPointer { tokens in
                var parser = Parser(source: buffer, tokens: tokens, scanErrors: scan.errors)
                let root = parser.parseFile()
                var tree = SyntaxTree(
                    source: source, nodes: parser.nodes, lists: parser.lists, comments: scan.comments,
                    errors: [], root: root)
                if !parser.errors.isEmpty {
                    tree.errors = Array(parser.errors.onePerLine(lines: tree.makeLineTable()).prefix(Parser.maxErrors))
                }
                return tree
            }
        }
    }

    public static func parse(_ text: String) -> SyntaxTree { parse(Array(text.utf8)) }
}

/// Recursive-descent parser over the token array, following the grammar of
/// the Go specification and the disambiguation rules of Go's own parser.
///
/// Nodes go into a flat arena (`nodes`), lists into `lists` via the `scratch`
/// stack. Every loop consumes at least one token per iteration or stops at a
/// synchronisation token; after `maxErrors` errors, or when nesting exceeds
/// `GoParser.maxNestingDepth`, the parser jumps to EOF so that it always ends.
struct Parser {
    static let maxErrors = 10

    let src: UnsafeBufferPointer<UInt8>
    let toks: UnsafeBufferPointer<Token>
    /// Index of the current token.
    var p = 0
    /// Kind of the current token.
    var tok: TokenKind
    /// End offset of the last consumed (non-inserted) token.
    var prevEnd: Int32 = 0

    var nodes: [Node] = []
    var lists: [Int32] = []
    var scratch: [Int32] = []
    /// The branches of the `else if` chains being parsed, innermost chain last.
    var ifChain: [IfBranch] = []
    var errors: [SyntaxError]

    /// < 0 in control clauses (where `{` opens the body, not a literal),
    /// >= 0 inside parentheses and brackets.
    var exprLev = 0
    var depth = 0
    var bailedOut = false
    var syncPos: Int32 = -1
    var syncCount = 0
    /// Errors that came from the scanner; the parser's own are counted apart.
    let scanErrorCount: Int

    init(source: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, scanErrors: [SyntaxError]) {
        src = source
        toks = tokens
        tok = tokens[0].kind
        errors = scanErrors
        scanErrorCount = scanErrors.count
        nodes.reserveCapacity(tokens.count / 2 + 8)
        lists.reserveCapacity(tokens.count / 4 + 8)
        scratch.reserveCapacity(256)
        nodes.append(Node(kind: .invalid, start: 0, end: 0))  // NodeID.none
    }

    // MARK: - Token cursor

    @inline(__always) var pos: Int32 { toks[p].start }
    @inline(__always) var isNewlineSemicolon: Bool { tok == .semicolon && toks[p].isInsertedSemicolon }

    @inline(__always)
    mutating func next() {
        let current = toks[p]
        if current.kind == .eof { return }
        if !current.isInsertedSemicolon { prevEnd = current.end }
        p += 1
        tok = toks[p].kind
    }

    /// Kind of the token `offset` positions ahead (EOF past the end).
    @inline(__always)
    func peek(_ offset: Int) -> TokenKind {
        let index = p + offset
        return index < toks.count ? toks[index].kind : .eof
    }

    /// Jumps to EOF so every loop ends; used after too many errors or too deep nesting.
    mutating func bailOut() {
        bailedOut = true
        p = toks.count - 1
        tok = .eof
    }

    // MARK: - Nodes and lists

    @inline(__always)
    mutating func add(_ node: Node) -> NodeID {
        nodes.append(node)
        return NodeID(Int32(truncatingIfNeeded: nodes.count - 1))
    }

    /// Adds a node that starts at `start` and ends where the last consumed token ended.
    @inline(__always)
    mutating func finish(
        _ kind: NodeKind, _ start: Int32, op: TokenKind = .illegal, flags: UInt16 = 0,
        a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0, e: Int32 = 0
    ) -> NodeID {
        add(Node(kind: kind, op: op, flags: flags, start: start, end: max(prevEnd, start), a: a, b: b, c: c, d: d, e: e))
    }

    @inline(__always) func node(_ id: NodeID) -> Node { nodes[Int(id.index)] }
    @inline(__always) func kind(_ id: NodeID) -> NodeKind { nodes[Int(id.index)].kind }
    @inline(__always) func startOf(_ id: NodeID) -> Int32 { nodes[Int(id.index)].start }
    @inline(__always) func endOf(_ id: NodeID) -> Int32 { nodes[Int(id.index)].end }

    @inline(__always) var listMark: Int { scratch.count }

    @inline(__always) mutating func push(_ id: NodeID) { scratch.append(id.index) }

    /// Moves the ids pushed since `mark` into `lists` and returns them as a list.
    mutating func commitList(from mark: Int) -> NodeList {
        let count = scratch.count - mark
        guard count > 0 else { return .empty }
        let start = Int32(truncatingIfNeeded: lists.count)
        lists.append(contentsOf: scratch[mark...])
        scratch.removeLast(count)
        return NodeList(start: start, count: Int32(count))
    }

    /// Stores already-collected ids as a list.
    mutating func storeList(_ ids: [NodeID]) -> NodeList {
        guard !ids.isEmpty else { return .empty }
        let start = Int32(truncatingIfNeeded: lists.count)
        for id in ids { lists.append(id.index) }
        return NodeList(start: start, count: Int32(ids.count))
    }

    /// Strips any number of enclosing parentheses.
    func unparen(_ id: NodeID) -> NodeID {
        var current = id
        while kind(current) == .paren { current = node(current).childA }
        return current
    }

    // MARK: - Nesting

    /// Enters one nesting level; returns false (after recording an error and
    /// jumping to EOF) when the limit is exceeded.
    @inline(__always)
    mutating func enter() -> Bool {
        depth += 1
        if depth > GoParser.maxNestingDepth {
            if !bailedOut {
                errors.append(SyntaxError(offset: pos, message: "nesting too deep (more than \(GoParser.maxNestingDepth) levels)"))
                bailOut()
            }
            return false
        }
        return true
    }

    @inline(__always) mutating func leave() { depth -= 1 }

    // MARK: - Errors

    /// Records an error. Like Go's parser, a second error on the line of
    /// the previous one is dropped as a likely echo, and the parser gives
    /// up after `maxErrors` of its own.
    mutating func error(_ offset: Int32, _ message: String) {
        if bailedOut { return }
        if errors.count > scanErrorCount, let last = errors.last, sameLine(last.offset, offset) { return }
        errors.append(SyntaxError(offset: offset, message: message))
        if errors.count - scanErrorCount >= Parser.maxErrors { bailOut() }
    }

    /// Whether two offsets lie on the same line (no newline between them).
    func sameLine(_ first: Int32, _ second: Int32) -> Bool {
        let (low, high) = first < second ? (Int(first), Int(second)) : (Int(second), Int(first))
        guard low >= 0, high <= src.count else { return false }
        var index = low
        while index < high {
            if src[index] == 0x0A { return false }
            index += 1
        }
        return true
    }

    /// How the current token is named in "found ..." messages.
    func describeCurrent() -> String {
        if tok == .semicolon && toks[p].isInsertedSemicolon { return "newline" }
        if tok.isLiteral {
            let token = toks[p]
            let text = String(decoding: src[Int(token.start)..<Int(token.end)], as: UTF8.self)
            return text.count > 40 ? String(text.prefix(40)) + "..." : text
        }
        return "'\(tok)'"
    }

    mutating func errorExpected(_ offset: Int32, _ what: String) {
        var message = "expected \(what)"
        if offset == pos { message += ", found \(describeCurrent())" }
        error(offset, message)
    }

    /// Consumes a token of `kind`, complaining if the current token is
    /// different; always advances so that callers make progress.
    @discardableResult
    mutating func expect(_ kind: TokenKind) -> Int32 {
        let at = pos
        if tok != kind { errorExpected(at, "'\(kind)'") }
        next()
        return at
    }

    /// `expect` for a closing token of a list, explaining the common
    /// "newline before the closing bracket" mistake.
    @discardableResult
    mutating func expectClosing(_ kind: TokenKind, _ context: String) -> Int32 {
        if tok != kind && isNewlineSemicolon {
            error(pos, "missing ',' before newline in \(context)")
            next()
        }
        return expect(kind)
    }

    /// A statement terminator: `;` (written or inserted), optional before `)` or `}`.
    mutating func expectSemi() {
        if tok == .rparen || tok == .rbrace { return }
        switch tok {
        case .comma:
            errorExpected(pos, "';'")
            next()
        case .semicolon:
            next()
        default:
            errorExpected(pos, "';'")
            advance(to: Parser.statementStart)
        }
    }

    /// True if a list continues: at a comma, or at something that is not
    /// `follow` (then a missing comma is reported and the list goes on).
    mutating func atComma(_ context: String, _ follow: TokenKind) -> Bool {
        if tok == .comma { return true }
        if tok != follow {
            var message = "missing ','"
            if isNewlineSemicolon { message += " before newline" }
            error(pos, message + " in " + context)
            return true
        }
        return false
    }

    // MARK: - Synchronisation

    static let statementStart: Set<TokenKind> = [
        .kwBreak, .kwConst, .kwContinue, .kwDefer, .kwFallthrough, .kwFor, .kwGo, .kwGoto, .kwIf,
        .kwReturn, .kwSelect, .kwSwitch, .kwType, .kwVar,
    ]
    static let declarationStart: Set<TokenKind> = [.kwImport, .kwConst, .kwType, .kwVar]
    static let expressionEnd: Set<TokenKind> = [.comma, .colon, .semicolon, .rparen, .rbrack, .rbrace]

    /// Skips tokens up to one in `set`, but guarantees progress: a second
    /// synchronisation at the same place too often moves past it.
    mutating func advance(to set: Set<TokenKind>) {
        while tok != .eof {
            if set.contains(tok) {
                if pos == syncPos && syncCount < 10 {
                    syncCount += 1
                    return
                }
                if pos > syncPos {
                    syncPos = pos
                    syncCount = 0
                    return
                }
            }
            next()
        }
    }

    // MARK: - Identifiers

    mutating func parseIdent() -> NodeID {
        let start = pos
        if tok == .ident {
            next()
            return finish(.ident, start)
        }
        expect(.ident)
        // A placeholder `_`-like identifier with an empty range keeps the tree whole.
        return add(Node(kind: .ident, start: start, end: start))
    }

    /// `name {, name}`, pushed onto the scratch stack.
    mutating func parseIdentList() -> NodeList {
        let mark = listMark
        push(parseIdent())
        while tok == .comma {
            next()
            push(parseIdent())
        }
        return commitList(from: mark)
    }
}
