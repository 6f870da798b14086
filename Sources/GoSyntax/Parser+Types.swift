/// Type syntax: names and instantiations, arrays and slices, structs,
/// pointers, functions and their parameter lists (including type
/// parameters), interfaces with type-set elements, maps and channels.
extension Parser {
    /// Where a parameter list appears; decides where `...T` is allowed.
    enum ParameterRole { case parameters, results, receiver, typeParameters }

    mutating func parseType() -> NodeID {
        let type = tryIdentOrType()
        if type.exists { return type }
        let start = pos
        errorExpected(start, "type")
        advance(to: Parser.expressionEnd)
        return add(Node(kind: .badExpr, start: start, end: max(pos, start)))
    }

    /// A type if one starts here, else none (without consuming anything).
    mutating func tryIdentOrType() -> NodeID {
        guard enter() else { return add(Node(kind: .badExpr, start: pos, end: pos)) }
        defer { leave() }
        switch tok {
        case .ident:
            let name = parseTypeName(.none)
            return tok == .lbrack ? parseTypeInstance(name) : name
        case .lbrack:
            let lbrack = expect(.lbrack)
            return parseArrayType(lbrack: lbrack, length: .none)
        case .kwStruct: return parseStructType()
        case .mul:
            let start = pos
            next()
            let base = parseType()
            return finish(.star, start, a: base.index)
        case .kwFunc: return parseFuncType()
        case .kwInterface: return parseInterfaceType()
        case .kwMap: return parseMapType()
        case .kwChan, .arrow: return parseChanType()
        case .lparen:
            let start = pos
            next()
            let inner = parseType()
            expect(.rparen)
            return finish(.paren, start, a: inner.index)
        default:
            return .none
        }
    }

    /// `name` or `package.name`.
    mutating func parseTypeName(_ first: NodeID) -> NodeID {
        let name = first.exists ? first : parseIdent()
        if tok == .period {
            next()
            let selected = parseIdent()
            return finish(.selector, startOf(name), a: name.index, b: selected.index)
        }
        return name
    }

    mutating func parseQualifiedIdent(_ first: NodeID) -> NodeID {
        let name = parseTypeName(first)
        return tok == .lbrack ? parseTypeInstance(name) : name
    }

    /// `T[A, B]` where the arguments must be types.
    mutating func parseTypeInstance(_ type: NodeID) -> NodeID {
        let opening = expect(.lbrack)
        let mark = listMark
        exprLev += 1
        while tok != .rbrack && tok != .eof {
            push(parseType())
            if !atComma("type argument list", .rbrack) { break }
            next()
        }
        exprLev -= 1
        let closing = expectClosing(.rbrack, "type argument list")
        let arguments = commitList(from: mark)
        if arguments.isEmpty {
            errorExpected(closing, "type argument list")
            let bad = add(Node(kind: .badExpr, start: opening + 1, end: closing))
            return finish(.index, startOf(type), a: type.index, b: bad.index)
        }
        return packIndex(type, arguments)
    }

    /// `x[a]` as an `index` node, `x[a, b]` as an `indexList` node.
    mutating func packIndex(_ x: NodeID, _ arguments: NodeList) -> NodeID {
        if arguments.count == 1 {
            return finish(.index, startOf(x), a: x.index, b: lists[Int(arguments.start)])
        }
        return finish(.indexList, startOf(x), a: x.index, b: arguments.start, c: arguments.count)
    }

    /// `[len]T` or `[]T`, after the `[`; `length` is given when the caller
    /// already parsed it.
    mutating func parseArrayType(lbrack: Int32, length: NodeID) -> NodeID {
        var length = length
        if length.isNone {
            exprLev += 1
            if tok == .ellipsis {
                let at = pos
                next()
                length = finish(.ellipsis, at)
            } else if tok != .rbrack {
                length = parseExpr()
            }
            exprLev -= 1
        }
        if tok == .comma {
            error(pos, "unexpected comma; expecting ]")
            next()
        }
        expect(.rbrack)
        let element = parseType()
        return finish(.arrayType, lbrack, a: length.index, b: element.index)
    }

    /// After a field or parameter name followed by `[`: either an array
    /// type (`name [N]T`, `name []T`) or an instantiated embedded type
    /// (`Name[T1, T2]`, then the returned name is none).
    mutating func parseArrayFieldOrTypeInstance(_ x: NodeID) -> (name: NodeID, type: NodeID) {
        let lbrack = expect(.lbrack)
        var trailingComma: Int32 = -1
        let mark = listMark
        if tok != .rbrack {
            exprLev += 1
            push(parseExpr())
            while tok == .comma {
                let comma = pos
                next()
                if tok == .rbrack {
                    trailingComma = comma
                    break
                }
                push(parseExpr())
            }
            exprLev -= 1
        }
        expect(.rbrack)
        let arguments = commitList(from: mark)
        if arguments.isEmpty {
            let element = parseType()
            return (x, finish(.arrayType, lbrack, b: element.index))
        }
        if arguments.count == 1 {
            let element = tryIdentOrType()
            if element.exists {
                if trailingComma >= 0 { error(trailingComma, "unexpected comma; expecting ]") }
                return (x, finish(.arrayType, lbrack, a: lists[Int(arguments.start)], b: element.index))
            }
        }
        return (.none, packIndex(x, arguments))
    }

    // MARK: - Structs

    mutating func parseStructType() -> NodeID {
        let start = expect(.kwStruct)
        expect(.lbrace)
        let mark = listMark
        while tok == .ident || tok == .mul || tok == .lparen {
            push(parseFieldDecl())
        }
        expect(.rbrace)
        let fields = commitList(from: mark)
        return finish(.structType, start, a: fields.start, b: fields.count)
    }

    mutating func parseFieldDecl() -> NodeID {
        let start = pos
        var names = NodeList.empty
        var type = NodeID.none
        switch tok {
        case .ident:
            let name = parseIdent()
            if tok == .period || tok == .string || tok == .semicolon || tok == .rbrace {
                // Embedded type, possibly qualified and instantiated.
                type = name
                if tok == .period { type = parseQualifiedIdent(name) }
            } else {
                let mark = listMark
                push(name)
                while tok == .comma {
                    next()
                    push(parseIdent())
                }
                if scratch.count - mark == 1 && tok == .lbrack {
                    scratch.removeLast()
                    let (fieldName, fieldType) = parseArrayFieldOrTypeInstance(name)
                    if fieldName.exists { push(fieldName) }
                    type = fieldType
                } else {
                    type = parseType()
                }
                names = commitList(from: mark)
            }
        case .mul:
            let star = pos
            next()
            var base: NodeID
            if tok == .lparen {
                error(pos, "cannot parenthesize embedded type")
                next()
                base = parseQualifiedIdent(.none)
                if tok == .rparen { next() }
            } else {
                base = parseQualifiedIdent(.none)
            }
            type = finish(.star, star, a: base.index)
        case .lparen:
            error(pos, "cannot parenthesize embedded type")
            next()
            if tok == .mul {
                let star = pos
                next()
                let base = parseQualifiedIdent(.none)
                type = finish(.star, star, a: base.index)
            } else {
                type = parseQualifiedIdent(.none)
            }
            if tok == .rparen { next() }
        default:
            let at = pos
            errorExpected(at, "field name or embedded type")
            advance(to: Parser.expressionEnd)
            type = add(Node(kind: .badExpr, start: at, end: max(pos, at)))
        }
        var tag = NodeID.none
        if tok == .string {
            let at = pos
            next()
            tag = finish(.basicLit, at, op: .string)
        }
        let field = finish(.field, start, a: names.start, b: names.count, c: type.index, d: tag.index)
        expectSemi()
        return field
    }

    // MARK: - Functions

    mutating func parseFuncType() -> NodeID {
        let start = expect(.kwFunc)
        let (typeParams, params) = parseParameters(acceptTypeParams: true, role: .parameters)
        if typeParams.exists {
            error(startOf(typeParams), "function type must have no type parameters")
        }
        let results = parseResult()
        return finish(.funcType, start, b: params.index, c: results.index)
    }

    /// Optional `[type params]` then `(params)`, each as a `fieldList`.
    mutating func parseParameters(acceptTypeParams: Bool, role: ParameterRole) -> (typeParams: NodeID, params: NodeID) {
        var typeParams = NodeID.none
        if acceptTypeParams && tok == .lbrack {
            let opening = pos
            next()
            let fields = parseParameterList(firstName: .none, firstType: .none, closing: .rbrack)
            let closing = expect(.rbrack)
            if fields.isEmpty {
                error(closing, "empty type parameter list")
            } else {
                typeParams = finish(.fieldList, opening, a: fields.start, b: fields.count)
            }
        }
        let opening = expect(.lparen)
        var fields = NodeList.empty
        if tok != .rparen {
            fields = parseParameterList(firstName: .none, firstType: .none, closing: .rparen, role: role)
        }
        expect(.rparen)
        let params = finish(.fieldList, opening, a: fields.start, b: fields.count)
        return (typeParams, params)
    }

    /// A result list: parenthesised parameters, a single type, or none.
    mutating func parseResult() -> NodeID {
        if tok == .lparen {
            return parseParameters(acceptTypeParams: false, role: .results).params
        }
        let start = pos
        let type = tryIdentOrType()
        guard type.exists else { return .none }
        let field = finish(.field, start, c: type.index)
        let fields = storeList([field])
        return finish(.fieldList, start, a: fields.start, b: fields.count)
    }

    /// Parses `[name] type {, [name] type}` up to `closing`, then decides
    /// whether the entries are names with types or types only (Go's
    /// grammar cannot tell until the whole list is read), groups names
    /// sharing a type into one `field`, and reports what is missing.
    mutating func parseParameterList(
        firstName: NodeID, firstType: NodeID, closing: TokenKind, role: ParameterRole = .typeParameters
    ) -> NodeList {
        let typeParams = closing == .rbrack
        var entries: [(name: NodeID, type: NodeID)] = []
        var named = 0
        var typed = 0
        var name0 = firstName
        var type0 = firstType
        let startPos = firstName.exists ? startOf(firstName) : (firstType.exists ? startOf(firstType) : pos)

        while name0.exists || (tok != closing && tok != .eof) {
            var entry: (name: NodeID, type: NodeID)
            if type0.exists {
                entry = (name0, typeParams ? embeddedElem(type0) : type0)
            } else {
                entry = parseParamDecl(name: name0, typeSetsOK: typeParams)
            }
            name0 = .none
            type0 = .none
            if entry.name.exists || entry.type.exists {
                entries.append(entry)
                if entry.name.exists && entry.type.exists { named += 1 }
                if entry.type.exists { typed += 1 }
            }
            if !atComma("parameter list", closing) { break }
            next()
        }
        if entries.isEmpty { return .empty }

        if named == 0 {
            // Only types: what looked like names are type names.
            for index in entries.indices where entries[index].name.exists {
                entries[index] = (.none, entries[index].name)
            }
            if typeParams {
                if named == typed {
                    error(pos, "missing type constraint")
                } else {
                    error(startPos, entries.count == 1 ? "missing type parameter name or invalid array length" : "missing type parameter name")
                }
            }
        } else if named != entries.count {
            // Some named: all must be; types distribute leftwards.
            var errorPos: Int32 = -1
            var type = NodeID.none
            for index in entries.indices.reversed() {
                if entries[index].type.exists {
                    type = entries[index].type
                    if entries[index].name.isNone {
                        errorPos = startOf(type)
                        entries[index].name = add(Node(kind: .ident, start: errorPos, end: errorPos))
                    }
                } else if type.exists {
                    entries[index].type = type
                } else {
                    errorPos = startOf(entries[index].name)
                    entries[index].type = add(Node(kind: .badExpr, start: errorPos, end: pos))
                }
            }
            if errorPos >= 0 {
                if named == typed {
                    error(pos, typeParams ? "missing type constraint" : "missing parameter type")
                } else if typeParams {
                    error(errorPos, entries.count == 1 ? "missing type parameter name or invalid array length" : "missing type parameter name")
                } else {
                    error(errorPos, "missing parameter name")
                }
            }
        }

        for (index, entry) in entries.enumerated() where kind(entry.type) == .ellipsis {
            let at = startOf(entry.type)
            if role == .receiver {
                continue  // Go's parser leaves a variadic receiver to the type checker.
            } else if role != .parameters {
                error(at, "invalid use of ...")
            } else if index != entries.count - 1 {
                error(at, "can only use ... with final parameter")
            }
        }

        let mark = listMark
        if named == 0 {
            for entry in entries {
                push(add(Node(kind: .field, start: startOf(entry.type), end: endOf(entry.type), c: entry.type.index)))
            }
            return commitList(from: mark)
        }
        // Group consecutive names that share one type node.
        var index = 0
        while index < entries.count {
            let type = entries[index].type
            var names: [NodeID] = []
            while index < entries.count && entries[index].type == type {
                names.append(entries[index].name)
                index += 1
            }
            let nameList = storeList(names)
            push(add(Node(kind: .field, start: startOf(names[0]), end: endOf(type), a: nameList.start, b: nameList.count, c: type.index)))
        }
        return commitList(from: mark)
    }

    /// One `[name] [type]` entry of a parameter list.
    mutating func parseParamDecl(name givenName: NodeID, typeSetsOK: Bool) -> (name: NodeID, type: NodeID) {
        if givenName.isNone && typeSetsOK && tok == .tilde {
            return (.none, embeddedElem(.none))
        }
        var name = NodeID.none
        var type = NodeID.none
        if givenName.exists || tok == .ident {
            name = givenName.exists ? givenName : parseIdent()
            switch tok {
            case .ident, .mul, .arrow, .kwFunc, .kwChan, .kwMap, .kwStruct, .kwInterface, .lparen:
                type = parseType()
            case .lbrack:
                (name, type) = parseArrayFieldOrTypeInstance(name)
            case .ellipsis:
                return (name, parseDotsType())
            case .period:
                type = parseQualifiedIdent(name)
                name = .none
            case .tilde:
                if typeSetsOK { return (name, embeddedElem(.none)) }
            case .or:
                if typeSetsOK { return (.none, embeddedElem(name)) }
            default:
                break
            }
        } else {
            switch tok {
            case .mul, .arrow, .kwFunc, .lbrack, .kwChan, .kwMap, .kwStruct, .kwInterface, .lparen:
                type = parseType()
            case .ellipsis:
                return (.none, parseDotsType())
            default:
                errorExpected(pos, "')'")
                advance(to: Parser.expressionEnd)
            }
        }
        if typeSetsOK && tok == .or && type.exists {
            type = embeddedElem(type)
        }
        return (name, type)
    }

    /// `...T` in a parameter list.
    mutating func parseDotsType() -> NodeID {
        let start = expect(.ellipsis)
        let element = parseType()
        return finish(.ellipsis, start, a: element.index)
    }

    // MARK: - Interfaces

    mutating func parseInterfaceType() -> NodeID {
        let start = expect(.kwInterface)
        expect(.lbrace)
        let mark = listMark
        elements: while true {
            switch tok {
            case .ident:
                var field = parseMethodSpec()
                if node(field).b == 0 {
                    // Embedded element: may continue as a union.
                    let type = embeddedElem(node(field).childC)
                    nodes[Int(field.index)].c = type.index
                    nodes[Int(field.index)].end = endOf(type)
                    field = NodeID(field.index)
                }
                push(field)
                expectSemi()
            case .tilde:
                let at = pos
                let type = embeddedElem(.none)
                push(finish(.field, at, c: type.index))
                expectSemi()
            default:
                let at = pos
                let type = tryIdentOrType()
                guard type.exists else { break elements }
                let union = embeddedElem(type)
                push(finish(.field, at, c: union.index))
                expectSemi()
            }
        }
        expect(.rbrace)
        let elements = commitList(from: mark)
        return finish(.interfaceType, start, a: elements.start, b: elements.count)
    }

    /// A method `Name(params) results` or an embedded (possibly
    /// instantiated) type in an interface.
    mutating func parseMethodSpec() -> NodeID {
        let start = pos
        let x = parseTypeName(.none)
        var names = NodeList.empty
        var type = x
        if kind(x) == .ident {
            switch tok {
            case .lbrack:
                let lbrack = pos
                next()
                exprLev += 1
                let first = parseExpr()
                exprLev -= 1
                if kind(first) == .ident && tok != .comma && tok != .rbrack {
                    // Generic method: not allowed, but parsed for recovery.
                    _ = parseParameterList(firstName: first, firstType: .none, closing: .rbrack)
                    expect(.rbrack)
                    error(lbrack, "interface method must have no type parameters")
                    let (_, params) = parseParameters(acceptTypeParams: false, role: .parameters)
                    let results = parseResult()
                    names = storeList([x])
                    type = finish(.funcType, startOf(params), b: params.index, c: results.index)
                } else {
                    let mark = listMark
                    push(first)
                    if atComma("type argument list", .rbrack) {
                        exprLev += 1
                        next()
                        while tok != .rbrack && tok != .eof {
                            push(parseType())
                            if !atComma("type argument list", .rbrack) { break }
                            next()
                        }
                        exprLev -= 1
                    }
                    expectClosing(.rbrack, "type argument list")
                    type = packIndex(x, commitList(from: mark))
                }
            case .lparen:
                let (_, params) = parseParameters(acceptTypeParams: false, role: .parameters)
                let results = parseResult()
                names = storeList([x])
                type = finish(.funcType, startOf(params), b: params.index, c: results.index)
            default:
                break
            }
        } else if tok == .lbrack {
            type = parseTypeInstance(x)
        }
        return finish(.field, start, a: names.start, b: names.count, c: type.index)
    }

    /// A type-set element: terms joined by `|`.
    mutating func embeddedElem(_ first: NodeID) -> NodeID {
        var x = first.exists ? first : embeddedTerm()
        while tok == .or {
            let opPos = pos
            next()
            let y = embeddedTerm()
            x = finish(.binary, startOf(x), op: .or, a: x.index, b: y.index, c: opPos)
        }
        return x
    }

    /// `~T` or `T`.
    mutating func embeddedTerm() -> NodeID {
        if tok == .tilde {
            let start = pos
            next()
            let type = parseType()
            return finish(.unary, start, op: .tilde, a: type.index)
        }
        let type = tryIdentOrType()
        if type.exists { return type }
        let start = pos
        errorExpected(start, "~ term or type")
        advance(to: Parser.expressionEnd)
        return add(Node(kind: .badExpr, start: start, end: max(pos, start)))
    }

    // MARK: - Maps and channels

    mutating func parseMapType() -> NodeID {
        let start = expect(.kwMap)
        expect(.lbrack)
        let key = parseType()
        expect(.rbrack)
        let value = parseType()
        return finish(.mapType, start, a: key.index, b: value.index)
    }

    mutating func parseChanType() -> NodeID {
        let start = pos
        var flags = NodeFlags.chanSend | NodeFlags.chanRecv
        if tok == .kwChan {
            next()
            if tok == .arrow {
                next()
                flags = NodeFlags.chanSend
            }
        } else {
            expect(.arrow)
            expect(.kwChan)
            flags = NodeFlags.chanRecv
        }
        let element = parseType()
        return finish(.chanType, start, flags: flags, a: element.index)
    }
}
