/// Expressions: binary operators by precedence, unary operators (with the
/// `<-chan` re-association), operands, and the primary-expression suffixes
/// (selectors, type assertions, index/slice/instantiation, calls and
/// composite literals, with the literal-versus-block rule of control clauses).
extension Parser {
    mutating func parseExpr() -> NodeID {
        parseBinaryExpr(.none, precedence: 1)
    }

    /// `expr {, expr}`.
    mutating func parseExprList() -> NodeList {
        let mark = listMark
        push(parseExpr())
        while tok == .comma {
            next()
            push(parseExpr())
        }
        return commitList(from: mark)
    }

    /// Precedence climbing: left-associative chains are built in a loop.
    mutating func parseBinaryExpr(_ first: NodeID, precedence minimum: Int) -> NodeID {
        var x = first.exists ? first : parseUnaryExpr()
        while true {
            let op = tok
            let precedence = op.precedence
            if precedence < minimum { return x }
            let opPos = pos
            next()
            let y = parseBinaryExpr(.none, precedence: precedence + 1)
            x = finish(.binary, startOf(x), op: op, a: x.index, b: y.index, c: opPos)
        }
    }

    mutating func parseUnaryExpr() -> NodeID {
        guard enter() else { return add(Node(kind: .badExpr, start: pos, end: pos)) }
        defer { leave() }
        switch tok {
        case .add, .sub, .not, .xor, .and, .tilde:
            let start = pos
            let op = tok
            next()
            let x = parseUnaryExpr()
            return finish(.unary, start, op: op, a: x.index)
        case .arrow:
            let arrow = pos
            next()
            let x = parseUnaryExpr()
            if kind(x) == .chanType {
                return reassociateReceive(arrow, x)
            }
            return finish(.unary, arrow, op: .arrow, a: x.index)
        case .mul:
            let start = pos
            next()
            let x = parseUnaryExpr()
            return finish(.star, start, a: x.index)
        default:
            return parsePrimaryExpr(.none)
        }
    }

    /// `<-` followed by a channel type makes it a receive-only channel:
    /// `<-chan T` stays as parsed, `<- chan<- T` becomes `<-chan (<-T)`...
    /// Walks down nested send-only channel types, moving the arrow inwards.
    mutating func reassociateReceive(_ arrow: Int32, _ x: NodeID) -> NodeID {
        var current = x
        var arrowPos = arrow
        var direction = NodeFlags.chanSend
        while kind(current) == .chanType && direction == NodeFlags.chanSend {
            let channel = node(current)
            if channel.flags == NodeFlags.chanRecv {
                errorExpected(channel.start, "'chan'")
            }
            let innerArrow = channel.start
            direction = channel.flags
            nodes[Int(current.index)].flags = NodeFlags.chanRecv
            nodes[Int(current.index)].start = arrowPos
            arrowPos = innerArrow
            current = channel.childA
        }
        if direction == NodeFlags.chanSend {
            errorExpected(arrowPos, "channel type")
        }
        return x
    }

    mutating func parseOperand() -> NodeID {
        let start = pos
        switch tok {
        case .ident:
            return parseIdent()
        case .int, .float, .imag, .char, .string:
            let literal = tok
            next()
            return finish(.basicLit, start, op: literal)
        case .lparen:
            next()
            exprLev += 1
            let x = parseExpr()  // may be a type: (some type)
            exprLev -= 1
            expect(.rparen)
            return finish(.paren, start, a: x.index)
        case .kwFunc:
            return parseFuncTypeOrLit()
        default:
            break
        }
        let type = tryIdentOrType()
        if type.exists { return type }
        errorExpected(start, "operand")
        advance(to: Parser.statementStart)
        return add(Node(kind: .badExpr, start: start, end: max(pos, start)))
    }

    mutating func parseFuncTypeOrLit() -> NodeID {
        let type = parseFuncType()
        if tok != .lbrace { return type }
        exprLev += 1
        let body = parseBody()
        exprLev -= 1
        return finish(.funcLit, startOf(type), a: type.index, b: body.index)
    }

    /// Operand followed by any number of suffixes.
    mutating func parsePrimaryExpr(_ operand: NodeID) -> NodeID {
        var x = operand.exists ? operand : parseOperand()
        while true {
            switch tok {
            case .period:
                next()
                switch tok {
                case .ident:
                    let selected = parseIdent()
                    x = finish(.selector, startOf(x), a: x.index, b: selected.index)
                case .lparen:
                    x = parseTypeAssertion(x)
                default:
                    let at = pos
                    errorExpected(at, "selector or type assertion")
                    if tok != .rbrace { next() }
                    let selected = add(Node(kind: .ident, start: at, end: at))
                    x = finish(.selector, startOf(x), a: x.index, b: selected.index)
                }
            case .lbrack:
                x = parseIndexOrSliceOrInstance(x)
            case .lparen:
                x = parseCallOrConversion(x)
            case .lbrace:
                // A composite literal, unless `{` opens the block of a
                // control clause (exprLev < 0) after a plain type name.
                let t = unparen(x)
                switch kind(t) {
                case .badExpr, .ident, .selector, .index, .indexList:
                    if exprLev < 0 { return x }
                case .arrayType, .structType, .mapType:
                    break
                default:
                    return x
                }
                if t != x {
                    error(startOf(t), "cannot parenthesize type in composite literal")
                }
                x = parseLiteralValue(x)
            default:
                return x
            }
        }
    }

    mutating func parseTypeAssertion(_ x: NodeID) -> NodeID {
        expect(.lparen)
        var type = NodeID.none
        if tok == .kwType {
            next()  // `.(type)` of a type switch
        } else {
            type = parseType()
        }
        expect(.rparen)
        return finish(.typeAssert, startOf(x), a: x.index, b: type.index)
    }

    mutating func parseIndexOrSliceOrInstance(_ x: NodeID) -> NodeID {
        let lbrack = expect(.lbrack)
        if tok == .rbrack {
            errorExpected(pos, "operand")
            let at = pos
            next()
            let bad = add(Node(kind: .badExpr, start: at, end: at))
            return finish(.index, startOf(x), a: x.index, b: bad.index)
        }
        exprLev += 1
        var indices: (NodeID, NodeID, NodeID) = (.none, .none, .none)
        var colons: (Int32, Int32) = (-1, -1)
        var colonCount = 0
        var arguments = NodeList.empty
        if tok != .colon {
            indices.0 = parseExpr()
        }
        switch tok {
        case .colon:
            while tok == .colon && colonCount < 2 {
                if colonCount == 0 { colons.0 = pos } else { colons.1 = pos }
                colonCount += 1
                next()
                if tok != .colon && tok != .rbrack && tok != .eof {
                    let index = parseExpr()
                    if colonCount == 1 { indices.1 = index } else { indices.2 = index }
                }
            }
        case .comma:
            let mark = listMark
            push(indices.0)
            while tok == .comma {
                next()
                if tok != .rbrack && tok != .eof {
                    push(parseType())
                }
            }
            arguments = commitList(from: mark)
        default:
            break
        }
        exprLev -= 1
        let rbrack = expect(.rbrack)
        if colonCount > 0 {
            var flags: UInt16 = 0
            if colonCount == 2 {
                flags = NodeFlags.slice3
                if indices.1.isNone {
                    error(colons.0, "middle index required in 3-index slice")
                    indices.1 = add(Node(kind: .badExpr, start: colons.0 + 1, end: colons.1))
                }
                if indices.2.isNone {
                    error(colons.1, "final index required in 3-index slice")
                    indices.2 = add(Node(kind: .badExpr, start: colons.1 + 1, end: rbrack))
                }
            }
            return finish(.slice, startOf(x), flags: flags, a: x.index, b: indices.0.index, c: indices.1.index, d: indices.2.index)
        }
        if arguments.isEmpty {
            _ = lbrack
            return finish(.index, startOf(x), a: x.index, b: indices.0.index)
        }
        return packIndex(x, arguments)
    }

    mutating func parseCallOrConversion(_ function: NodeID) -> NodeID {
        expect(.lparen)
        exprLev += 1
        let mark = listMark
        var hasEllipsis = false
        while tok != .rparen && tok != .eof && !hasEllipsis {
            push(parseExpr())  // may be a type: make(T, n)
            if tok == .ellipsis {
                hasEllipsis = true
                next()
            }
            if !atComma("argument list", .rparen) { break }
            next()
        }
        exprLev -= 1
        expectClosing(.rparen, "argument list")
        let arguments = commitList(from: mark)
        return finish(
            .call, startOf(function), flags: hasEllipsis ? NodeFlags.hasEllipsis : 0,
            a: function.index, b: arguments.start, c: arguments.count)
    }

    /// `{ element, ... }` for a composite literal of `type` (none when the
    /// type is elided inside an outer literal).
    mutating func parseLiteralValue(_ type: NodeID) -> NodeID {
        guard enter() else { return add(Node(kind: .badExpr, start: pos, end: pos)) }
        defer { leave() }
        let lbrace = expect(.lbrace)
        let mark = listMark
        exprLev += 1
        while tok != .rbrace && tok != .eof {
            push(parseElement())
            if !atComma("composite literal", .rbrace) { break }
            next()
        }
        exprLev -= 1
        expectClosing(.rbrace, "composite literal")
        let elements = commitList(from: mark)
        return finish(.compositeLit, type.exists ? startOf(type) : lbrace, a: type.index, b: elements.start, c: elements.count)
    }

    mutating func parseElement() -> NodeID {
        let x = parseElementValue()
        if tok == .colon {
            next()
            let value = parseElementValue()
            return finish(.keyValue, startOf(x), a: x.index, b: value.index)
        }
        return x
    }

    private mutating func parseElementValue() -> NodeID {
        tok == .lbrace ? parseLiteralValue(.none) : parseExpr()
    }
}
