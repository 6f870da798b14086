/// Statements: simple statements (assignments, sends, inc/dec, labels),
/// blocks, and the control statements with their headers, where `{`
/// opens the body rather than a composite literal.
extension Parser {
    /// What a simple statement may be in its context.
    enum SimpleStatementMode { case basic, labelOK, rangeOK }

    mutating func parseBody() -> NodeID { parseBlockStmt() }

    mutating func parseBlockStmt() -> NodeID {
        let start = expect(.lbrace)
        let statements = parseStmtList()
        expect(.rbrace)
        return finish(.blockStmt, start, a: statements.start, b: statements.count)
    }

    mutating func parseStmtList() -> NodeList {
        let mark = listMark
        while tok != .kwCase && tok != .kwDefault && tok != .rbrace && tok != .eof {
            push(parseStmt())
        }
        return commitList(from: mark)
    }

    mutating func parseStmt() -> NodeID {
        guard enter() else { return add(Node(kind: .badStmt, start: pos, end: pos)) }
        defer { leave() }
        let start = pos
        switch tok {
        case .kwConst, .kwType, .kwVar:
            let declaration = parseDecl(sync: Parser.statementStart)
            return add(Node(kind: .declStmt, start: start, end: endOf(declaration), a: declaration.index))
        case .ident, .int, .float, .imag, .char, .string, .kwFunc, .lparen, .lbrack, .kwStruct, .kwMap, .kwChan,
            .kwInterface, .add, .sub, .mul, .and, .xor, .arrow, .not:
            let (statement, _) = parseSimpleStmt(.labelOK)
            if kind(statement) != .labeledStmt { expectSemi() }
            return statement
        case .kwGo, .kwDefer:
            return parseGoOrDefer()
        case .kwReturn:
            next()
            var results = NodeList.empty
            if tok != .semicolon && tok != .rbrace {
                results = parseExprList()
            }
            let statement = finish(.returnStmt, start, a: results.start, b: results.count)
            expectSemi()
            return statement
        case .kwBreak, .kwContinue, .kwGoto, .kwFallthrough:
            let keyword = tok
            next()
            var label = NodeID.none
            if keyword == .kwGoto || (keyword != .kwFallthrough && tok == .ident) {
                label = parseIdent()
            }
            let statement = finish(.branchStmt, start, op: keyword, a: label.index)
            expectSemi()
            return statement
        case .lbrace:
            let block = parseBlockStmt()
            expectSemi()
            return block
        case .kwIf: return parseIfStmt()
        case .kwSwitch: return parseSwitchStmt()
        case .kwSelect: return parseSelectStmt()
        case .kwFor: return parseForStmt()
        case .semicolon:
            let implicit = isNewlineSemicolon
            next()
            return add(Node(kind: .emptyStmt, flags: implicit ? NodeFlags.implicit : 0, start: start, end: implicit ? start : start + 1))
        case .rbrace:
            // A semicolon may be omitted before a closing `}`.
            return add(Node(kind: .emptyStmt, flags: NodeFlags.implicit, start: start, end: start))
        default:
            errorExpected(start, "statement")
            advance(to: Parser.statementStart)
            return add(Node(kind: .badStmt, start: start, end: max(pos, start)))
        }
    }

    /// Returns the statement and whether it is a `range` clause.
    mutating func parseSimpleStmt(_ mode: SimpleStatementMode) -> (NodeID, Bool) {
        let start = pos
        let lhs = parseExprList()
        if tok.isAssignment || tok == .define {
            let op = tok
            next()
            if mode == .rangeOK && tok == .kwRange && (op == .define || op == .assign) {
                let rangePos = pos
                next()
                let x = parseExpr()
                let range = finish(.unary, rangePos, op: .kwRange, a: x.index)
                let rhs = storeList([range])
                return (finish(.assignStmt, start, op: op, a: lhs.start, b: lhs.count, c: rhs.start, d: rhs.count), true)
            }
            let rhs = parseExprList()
            return (finish(.assignStmt, start, op: op, a: lhs.start, b: lhs.count, c: rhs.start, d: rhs.count), false)
        }
        let first = NodeID(lists[Int(lhs.start)])
        if lhs.count > 1 {
            errorExpected(startOf(first), "1 expression")
        }
        switch tok {
        case .colon:
            let colon = pos
            next()
            if mode == .labelOK && kind(first) == .ident {
                let statement = parseStmt()
                return (finish(.labeledStmt, start, a: first.index, b: statement.index), false)
            }
            error(colon, "illegal label declaration")
            return (add(Node(kind: .badStmt, start: start, end: colon + 1)), false)
        case .arrow:
            next()
            let value = parseExpr()
            return (finish(.sendStmt, start, a: first.index, b: value.index), false)
        case .inc, .dec:
            let op = tok
            next()
            return (finish(.incDecStmt, start, op: op, a: first.index), false)
        default:
            return (finish(.exprStmt, start, a: first.index), false)
        }
    }

    mutating func parseGoOrDefer() -> NodeID {
        let start = pos
        let keyword = tok
        let word = keyword == .kwGo ? "go" : "defer"
        next()
        var call = parseExpr()
        let inner = unparen(call)
        if inner != call {
            error(startOf(call), "expression in \(word) must not be parenthesized")
            call = inner
        }
        if kind(call) != .call && kind(call) != .badExpr {
            error(endOf(call), "expression in \(word) must be function call")
        }
        let statement = finish(keyword == .kwGo ? .goStmt : .deferStmt, start, a: call.index)
        expectSemi()
        return statement
    }

    /// Turns a header statement into the expression it must be.
    mutating func makeExpr(_ statement: NodeID, _ want: String) -> NodeID {
        guard statement.exists else { return .none }
        let n = node(statement)
        if n.kind == .exprStmt { return n.childA }
        let found = n.kind == .assignStmt ? "assignment" : "simple statement"
        error(n.start, "expected \(want), found \(found) (missing parentheses around composite literal?)")
        return add(Node(kind: .badExpr, start: n.start, end: n.end))
    }

    /// An `if` statement with its whole `else if` chain. The chain is read
    /// in a loop, so it is one level of nesting however many branches it
    /// has (generated code may chain thousands), up to `maxElseIfChain`.
    /// The nodes are added innermost first, as recursion would add them.
    mutating func parseIfStmt() -> NodeID {
        guard enter() else { return add(Node(kind: .badStmt, start: pos, end: pos)) }
        defer { leave() }
        let mark = ifChain.count
        var elseBranch = NodeID.none
        while true {
            let start = expect(.kwIf)
            let (initializer, condition) = parseIfHeader()
            let body = parseBlockStmt()
            ifChain.append(IfBranch(start: start, initializer: initializer, condition: condition, body: body))
            guard tok == .kwElse else {
                expectSemi()
                break
            }
            next()
            if tok == .kwIf {
                guard ifChain.count - mark < GoParser.maxElseIfChain else {
                    if !bailedOut {
                        errors.append(SyntaxError(
                            offset: pos, message: "else if chain too long (more than \(GoParser.maxElseIfChain) branches)"))
                        bailOut()
                    }
                    break
                }
                continue
            }
            if tok == .lbrace {
                elseBranch = parseBlockStmt()
                expectSemi()
            } else {
                errorExpected(pos, "if statement or block")
                elseBranch = add(Node(kind: .badStmt, start: pos, end: pos))
            }
            break
        }
        while ifChain.count > mark, let branch = ifChain.popLast() {
            elseBranch = add(Node(
                kind: .ifStmt, start: branch.start, end: max(endOf(elseBranch.exists ? elseBranch : branch.body), branch.start),
                a: branch.initializer.index, b: branch.condition.index, c: branch.body.index, d: elseBranch.index))
        }
        return elseBranch
    }

    /// The parts of one `if` of an `else if` chain, kept until the chain ends.
    struct IfBranch {
        var start: Int32
        var initializer: NodeID
        var condition: NodeID
        var body: NodeID
    }

    mutating func parseIfHeader() -> (NodeID, NodeID) {
        if tok == .lbrace {
            error(pos, "missing condition in if statement")
            return (.none, add(Node(kind: .badExpr, start: pos, end: pos)))
        }
        let outerLevel = exprLev
        exprLev = -1
        var initializer = NodeID.none
        if tok != .semicolon {
            if tok == .kwVar {
                next()
                error(pos, "var declaration not allowed in if initializer")
            }
            initializer = parseSimpleStmt(.basic).0
        }
        var conditionStatement = NodeID.none
        var semicolonPos: Int32 = -1
        var semicolonIsNewline = false
        if tok != .lbrace {
            if tok == .semicolon {
                semicolonPos = pos
                semicolonIsNewline = isNewlineSemicolon
                next()
            } else {
                expect(.semicolon)
            }
            if tok != .lbrace {
                conditionStatement = parseSimpleStmt(.basic).0
            }
        } else {
            conditionStatement = initializer
            initializer = .none
        }
        var condition = NodeID.none
        if conditionStatement.exists {
            condition = makeExpr(conditionStatement, "boolean expression")
        } else if semicolonPos >= 0 {
            error(semicolonPos, semicolonIsNewline ? "unexpected newline, expecting { after if clause" : "missing condition in if statement")
        }
        if condition.isNone {
            condition = add(Node(kind: .badExpr, start: pos, end: pos))
        }
        exprLev = outerLevel
        return (initializer, condition)
    }

    mutating func parseSwitchStmt() -> NodeID {
        let start = expect(.kwSwitch)
        var s1 = NodeID.none
        var s2 = NodeID.none
        if tok != .lbrace {
            let outerLevel = exprLev
            exprLev = -1
            if tok != .semicolon {
                s2 = parseSimpleStmt(.basic).0
            }
            if tok == .semicolon {
                next()
                s1 = s2
                s2 = .none
                if tok != .lbrace {
                    s2 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = outerLevel
        }
        let typeSwitch = isTypeSwitchGuard(s2)
        let lbrace = expect(.lbrace)
        let mark = listMark
        while tok == .kwCase || tok == .kwDefault {
            push(parseCaseClause())
        }
        expect(.rbrace)
        let clauses = commitList(from: mark)
        let body = finish(.blockStmt, lbrace, a: clauses.start, b: clauses.count)
        let statement: NodeID
        if typeSwitch {
            statement = finish(.typeSwitchStmt, start, a: s1.index, b: s2.index, c: body.index)
        } else {
            let tag = makeExpr(s2, "switch expression")
            statement = finish(.switchStmt, start, a: s1.index, b: tag.index, c: body.index)
        }
        expectSemi()
        return statement
    }

    /// `x.(type)` or `v := x.(type)` (and `v = x.(type)`, with a complaint).
    mutating func isTypeSwitchGuard(_ statement: NodeID) -> Bool {
        guard statement.exists else { return false }
        let n = node(statement)
        func isTypeSwitchAssert(_ x: NodeID) -> Bool {
            let assertion = node(x)
            return assertion.kind == .typeAssert && assertion.b == 0
        }
        switch n.kind {
        case .exprStmt:
            return isTypeSwitchAssert(n.childA)
        case .assignStmt:
            guard n.b == 1 && n.d == 1 && isTypeSwitchAssert(NodeID(lists[Int(n.c)])) else { return false }
            if n.op == .assign {
                var operatorOffset = Int(endOf(NodeID(lists[Int(n.a)])))
                while operatorOffset < src.count && src[operatorOffset] != UInt8(ascii: "=") { operatorOffset += 1 }
                error(Int32(operatorOffset), "expected ':=', found '='")
                return true
            }
            return n.op == .define
        default:
            return false
        }
    }

    mutating func parseCaseClause() -> NodeID {
        let start = pos
        var expressions = NodeList.empty
        var flags: UInt16 = 0
        if tok == .kwCase {
            next()
            expressions = parseExprList()
        } else {
            expect(.kwDefault)
            flags = NodeFlags.isDefault
        }
        expect(.colon)
        let body = parseStmtList()
        return finish(.caseClause, start, flags: flags, a: expressions.start, b: expressions.count, c: body.start, d: body.count)
    }

    mutating func parseSelectStmt() -> NodeID {
        let start = expect(.kwSelect)
        let lbrace = expect(.lbrace)
        let mark = listMark
        while tok == .kwCase || tok == .kwDefault {
            push(parseCommClause())
        }
        expect(.rbrace)
        let clauses = commitList(from: mark)
        let body = finish(.blockStmt, lbrace, a: clauses.start, b: clauses.count)
        let statement = finish(.selectStmt, start, a: body.index)
        expectSemi()
        return statement
    }

    mutating func parseCommClause() -> NodeID {
        let start = pos
        var communication = NodeID.none
        if tok == .kwCase {
            next()
            let commStart = pos
            let lhs = parseExprList()
            let first = NodeID(lists[Int(lhs.start)])
            if tok == .arrow {
                if lhs.count > 1 { errorExpected(startOf(first), "1 expression") }
                next()
                let value = parseExpr()
                communication = finish(.sendStmt, commStart, a: first.index, b: value.index)
            } else if tok == .assign || tok == .define {
                var left = lhs
                if lhs.count > 2 {
                    errorExpected(startOf(first), "1 or 2 expressions")
                    left.count = 2
                }
                let op = tok
                next()
                let value = parseExpr()
                let rhs = storeList([value])
                communication = finish(.assignStmt, commStart, op: op, a: left.start, b: left.count, c: rhs.start, d: rhs.count)
            } else {
                if lhs.count > 1 { errorExpected(startOf(first), "1 expression") }
                communication = finish(.exprStmt, commStart, a: first.index)
            }
        } else {
            expect(.kwDefault)
        }
        expect(.colon)
        let body = parseStmtList()
        return finish(.commClause, start, a: communication.index, b: body.start, c: body.count)
    }

    mutating func parseForStmt() -> NodeID {
        let start = expect(.kwFor)
        var s1 = NodeID.none
        var s2 = NodeID.none
        var s3 = NodeID.none
        var isRange = false
        if tok != .lbrace {
            let outerLevel = exprLev
            exprLev = -1
            if tok != .semicolon {
                if tok == .kwRange {
                    // `for range x`: no iteration variables.
                    let rangePos = pos
                    next()
                    let x = parseExpr()
                    let range = finish(.unary, rangePos, op: .kwRange, a: x.index)
                    let rhs = storeList([range])
                    s2 = finish(.assignStmt, rangePos, op: .illegal, c: rhs.start, d: rhs.count)
                    isRange = true
                } else {
                    (s2, isRange) = parseSimpleStmt(.rangeOK)
                }
            }
            if !isRange && tok == .semicolon {
                next()
                s1 = s2
                s2 = .none
                if tok != .semicolon {
                    s2 = parseSimpleStmt(.basic).0
                }
                expectSemi()
                if tok != .lbrace {
                    s3 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = outerLevel
        }
        let body = parseBlockStmt()
        let end = endOf(body)
        expectSemi()
        if isRange {
            let header = node(s2)
            var key = NodeID.none
            var value = NodeID.none
            switch header.b {
            case 0: break
            case 1: key = NodeID(lists[Int(header.a)])
            case 2:
                key = NodeID(lists[Int(header.a)])
                value = NodeID(lists[Int(header.a) + 1])
            default:
                errorExpected(startOf(NodeID(lists[Int(header.a + header.b - 1)])), "at most 2 expressions")
                return add(Node(kind: .badStmt, start: start, end: end))
            }
            let ranged = node(NodeID(lists[Int(header.c)])).childA
            return add(Node(
                kind: .rangeStmt, op: header.op, start: start, end: end,
                a: key.index, b: value.index, c: ranged.index, d: body.index))
        }
        let condition = makeExpr(s2, "boolean or range expression")
        return add(Node(kind: .forStmt, start: start, end: end, a: s1.index, b: condition.index, c: s3.index, d: body.index))
    }
}
