/// Source file structure and declarations: package clause, imports,
/// const/var/type declarations (with type parameters and aliases) and
/// function/method declarations.
extension Parser {
    mutating func parseFile() -> NodeID {
        let start: Int32 = 0
        if tok != .kwPackage {
            errorExpected(pos, "'package'")
            return finishFile(start, name: add(Node(kind: .ident, start: pos, end: pos)), declarations: .empty)
        }
        next()
        let name = parseIdent()
        expectSemi()
        if !errors.isEmpty && errors.contains(where: { $0.offset <= endOf(name) + 1 }) {
            // Without a package clause nothing else can be trusted.
            return finishFile(start, name: name, declarations: .empty)
        }
        let mark = listMark
        while tok == .kwImport {
            push(parseGenDecl(.kwImport))
        }
        var previous = TokenKind.kwImport
        while tok != .eof {
            if tok == .kwImport && previous != .kwImport {
                error(pos, "imports must appear before other declarations")
            }
            previous = tok
            push(parseDecl(sync: Parser.declarationStart))
        }
        return finishFile(start, name: name, declarations: commitList(from: mark))
    }

    private mutating func finishFile(_ start: Int32, name: NodeID, declarations: NodeList) -> NodeID {
        add(Node(kind: .file, start: start, end: Int32(src.count), a: name.index, b: declarations.start, c: declarations.count))
    }

    mutating func parseDecl(sync: Set<TokenKind>) -> NodeID {
        switch tok {
        case .kwImport, .kwConst, .kwVar, .kwType:
            return parseGenDecl(tok)
        case .kwFunc:
            return parseFuncDecl()
        default:
            let start = pos
            errorExpected(start, "declaration")
            advance(to: sync)
            return add(Node(kind: .badDecl, start: start, end: max(pos, start)))
        }
    }

    mutating func parseGenDecl(_ keyword: TokenKind) -> NodeID {
        let start = expect(keyword)
        let mark = listMark
        var flags: UInt16 = 0
        if tok == .lparen {
            flags = NodeFlags.parenthesized
            next()
            while tok != .rparen && tok != .eof {
                push(parseSpec(keyword))
            }
            expect(.rparen)
            expectSemi()
        } else {
            push(parseSpec(keyword))
        }
        let specs = commitList(from: mark)
        return finish(.genDecl, start, op: keyword, flags: flags, a: specs.start, b: specs.count)
    }

    private mutating func parseSpec(_ keyword: TokenKind) -> NodeID {
        switch keyword {
        case .kwImport: return parseImportSpec()
        case .kwType: return parseTypeSpec()
        default: return parseValueSpec(keyword)
        }
    }

    mutating func parseImportSpec() -> NodeID {
        let start = pos
        var name = NodeID.none
        if tok == .ident {
            name = parseIdent()
        } else if tok == .period {
            // `import . "path"`: the dot is kept as an identifier named ".".
            let at = pos
            next()
            name = finish(.ident, at)
        }
        var path = NodeID.none
        if tok == .string {
            let at = pos
            next()
            path = finish(.basicLit, at, op: .string)
        } else if tok.isLiteral {
            error(pos, "import path must be a string")
            next()
        } else {
            error(pos, "missing import path")
            advance(to: Parser.expressionEnd)
        }
        let spec = finish(.importSpec, start, a: name.index, b: path.index)
        expectSemi()
        return spec
    }

    mutating func parseValueSpec(_ keyword: TokenKind) -> NodeID {
        let start = pos
        let names = parseIdentList()
        var type = NodeID.none
        var values = NodeList.empty
        if keyword == .kwConst {
            if tok != .eof && tok != .semicolon && tok != .rparen {
                type = tryIdentOrType()
                if tok == .assign {
                    next()
                    values = parseExprList()
                }
            }
        } else {
            if tok != .assign { type = parseType() }
            if tok == .assign {
                next()
                values = parseExprList()
            }
        }
        let spec = finish(.valueSpec, start, a: names.start, b: names.count, c: type.index, d: values.start, e: values.count)
        expectSemi()
        return spec
    }

    mutating func parseTypeSpec() -> NodeID {
        let start = pos
        let name = parseIdent()
        var typeParams = NodeID.none
        var type = NodeID.none
        var flags: UInt16 = 0
        if tok == .lbrack {
            let lbrack = pos
            next()
            if tok == .ident {
                // Either an array length expression or a type parameter list.
                var x = parseIdent()
                if tok != .lbrack {
                    exprLev += 1
                    let lhs = parsePrimaryExpr(x)
                    x = parseBinaryExpr(lhs, precedence: 1)
                    exprLev -= 1
                }
                let (paramName, paramType) = extractName(x, force: tok == .comma)
                if paramName.exists && (paramType.exists || tok != .rbrack) {
                    typeParams = parseTypeParameters(lbrack: lbrack, firstName: paramName, firstType: paramType)
                    if tok == .assign {
                        flags = NodeFlags.isAlias
                        next()
                    }
                    type = parseType()
                } else {
                    type = parseArrayType(lbrack: lbrack, length: x)
                }
            } else {
                type = parseArrayType(lbrack: lbrack, length: .none)
            }
        } else {
            if tok == .assign {
                flags = NodeFlags.isAlias
                next()
            }
            type = parseType()
        }
        let spec = finish(.typeSpec, start, flags: flags, a: name.index, b: typeParams.index, c: type.index)
        expectSemi()
        return spec
    }

    /// The rest of a type parameter list whose first entry was already parsed
    /// while deciding between an array length and type parameters.
    mutating func parseTypeParameters(lbrack: Int32, firstName: NodeID, firstType: NodeID) -> NodeID {
        let fields = parseParameterList(firstName: firstName, firstType: firstType, closing: .rbrack)
        expect(.rbrack)
        return finish(.fieldList, lbrack, a: fields.start, b: fields.count)
    }

    /// Splits `x` into a type parameter name and (possibly) the start of its
    /// constraint: `P`, `P *C`, `P *C | D`, `P (C)`. Returns none when `x`
    /// reads as an ordinary array length.
    mutating func extractName(_ x: NodeID, force: Bool) -> (name: NodeID, type: NodeID) {
        let n = node(x)
        switch n.kind {
        case .ident:
            return (x, .none)
        case .binary:
            if n.op == .mul {
                if kind(n.childA) == .ident && (force || isTypeElement(n.childB)) {
                    // name *T: the `*` belongs to the constraint.
                    let star = add(Node(kind: .star, start: n.c, end: n.end, a: n.b))
                    return (n.childA, star)
                }
            } else if n.op == .or {
                let (name, lhs) = extractName(n.childA, force: force || isTypeElement(n.childB))
                if name.exists && lhs.exists {
                    let union = add(Node(kind: .binary, op: .or, start: startOf(lhs), end: n.end, a: lhs.index, b: n.b, c: n.c))
                    return (name, union)
                }
            }
        case .call:
            if kind(n.childA) == .ident && n.c == 1 && n.flags & NodeFlags.hasEllipsis == 0 {
                let argument = NodeID(lists[Int(n.b)])
                if force || isTypeElement(argument) {
                    var lparen = Int(endOf(n.childA))
                    while lparen < src.count && src[lparen] != UInt8(ascii: "(") { lparen += 1 }
                    let paren = add(Node(kind: .paren, start: Int32(lparen), end: n.end, a: argument.index))
                    return (n.childA, paren)
                }
            }
        default:
            break
        }
        return (.none, .none)
    }

    /// Whether `x` can only be a type (so `[P *T]` must be a type parameter).
    func isTypeElement(_ x: NodeID) -> Bool {
        let n = node(x)
        switch n.kind {
        case .arrayType, .structType, .funcType, .interfaceType, .mapType, .chanType: return true
        case .binary: return isTypeElement(n.childA) || isTypeElement(n.childB)
        case .unary: return n.op == .tilde
        case .paren: return isTypeElement(n.childA)
        default: return false
        }
    }

    mutating func parseFuncDecl() -> NodeID {
        let start = expect(.kwFunc)
        var receiver = NodeID.none
        if tok == .lparen {
            receiver = parseParameters(acceptTypeParams: false, role: .receiver).params
        }
        let name = parseIdent()
        // Methods may declare their own type parameters (Go 1.27).
        let (typeParams, params) = parseParameters(acceptTypeParams: true, role: .parameters)
        let results = parseResult()
        let signature = finish(.funcType, start, a: typeParams.index, b: params.index, c: results.index)
        var body = NodeID.none
        switch tok {
        case .lbrace:
            body = parseBody()
            let declaration = finish(.funcDecl, start, a: receiver.index, b: name.index, c: signature.index, d: body.index)
            expectSemi()
            return declaration
        case .semicolon:
            next()
            if tok == .lbrace {
                error(pos, "unexpected semicolon or newline before {")
                body = parseBody()
                let declaration = finish(.funcDecl, start, a: receiver.index, b: name.index, c: signature.index, d: body.index)
                expectSemi()
                return declaration
            }
        default:
            expectSemi()
        }
        return finish(.funcDecl, start, a: receiver.index, b: name.index, c: signature.index, d: body.index)
    }
}
