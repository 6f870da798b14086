import GoSyntax

/// Resolves the identifiers of one file to their local declarations,
/// following Go's block scoping: function parameters and results, every
/// block, the implicit blocks of if/for/switch/select statements and their
/// clauses, `:=` redeclaration rules and type-switch bindings.
///
/// Scopes live in a `ScopeTable`: names are hashed and compared as bytes
/// in place, no string is built, and each lookup takes constant time
/// however many locals are in scope. Statement nesting recurses (bounded by
/// the parser's nesting limit, and run by `PackageLoader` where the stack
/// has room for it); `else if` chains are followed in a loop and
/// expressions walked with an explicit stack.
struct Resolver {
    let tree: SyntaxTree
    var declarationOf: [Int32]
    var enclosingFunction: [Int32]
    /// Per node index: 1 + the index in `locals` of the local it declares, or 0.
    var localSlot: [Int32]
    var locals: [LocalDeclaration] = []

    /// The declarations in scope.
    private(set) var scopes: ScopeTable
    private var function = NodeID.none

    init(tree: SyntaxTree) {
        self.tree = tree
        declarationOf = [Int32](repeating: 0, count: tree.nodes.count)
        enclosingFunction = [Int32](repeating: 0, count: tree.nodes.count)
        localSlot = [Int32](repeating: 0, count: tree.nodes.count)
        scopes = ScopeTable(source: tree.source)
    }

    static func resolve(_ tree: SyntaxTree) -> Resolution {
        var resolver = Resolver(tree: tree)
        resolver.resolveFile()
        return Resolution(
            declarationOf: resolver.declarationOf, localSlot: resolver.localSlot, locals: resolver.locals,
            enclosingFunction: resolver.enclosingFunction)
    }

    // MARK: - Scopes

    private mutating func pushScope() { scopes.pushScope() }

    private mutating func popScope() { scopes.popScope() }

    private func isBlank(_ name: NodeID) -> Bool {
        let node = tree[name]
        return node.end - node.start == 1 && tree.source[Int(node.start)] == UInt8(ascii: "_")
    }

    /// Declares `name` in the innermost scope.
    private mutating func declare(
        _ name: NodeID, _ kind: LocalDeclaration.Kind, type: NodeID = .none, value: NodeID = .none,
        valueIndex: Int = 0, valueCount: Int = 1, statement: NodeID
    ) {
        guard name.exists, tree.kind(name) == .ident, !isBlank(name) else { return }
        let node = tree[name]
        guard node.end > node.start else { return }
        scopes.declare(start: node.start, end: node.end, declaration: name.index)
        declarationOf[Int(name.index)] = name.index
        enclosingFunction[Int(name.index)] = function.index
        locals.append(LocalDeclaration(
            kind: kind, name: name, typeExpression: type, value: value, valueIndex: valueIndex,
            valueCount: valueCount, statement: statement, function: function))
        localSlot[Int(name.index)] = Int32(locals.count)
    }

    /// Whether `name` is already declared in the innermost scope (for `:=`).
    private mutating func declaredInInnermostScope(_ name: NodeID) -> Bool {
        let node = tree[name]
        return scopes.isDeclaredInInnermostScope(start: node.start, end: node.end)
    }

    private mutating func reference(_ identifier: NodeID) {
        let node = tree[identifier]
        enclosingFunction[Int(identifier.index)] = function.index
        if let declaration = scopes.lookUp(start: node.start, end: node.end) {
            declarationOf[Int(identifier.index)] = declaration
        }
    }

    // MARK: - File and functions

    mutating func resolveFile() {
        guard let file = tree.fileSyntax(tree.root) else { return }
        for declaration in file.declarations {
            if let function = tree.functionDeclaration(declaration) {
                resolveFunction(owner: declaration, receiver: function.receiver, signature: function.type, body: function.body)
            } else if let group = tree.genericDeclaration(declaration) {
                // Package-level values may hold function literals.
                for spec in group.specs {
                    if let valueSpec = tree.valueSpec(spec) {
                        for value in valueSpec.values { resolveExpression(value) }
                        resolveExpression(valueSpec.type)
                    } else if let typeSpec = tree.typeSpec(spec) {
                        resolveExpression(typeSpec.type)
                    }
                }
            }
        }
    }

    private mutating func resolveFunction(owner: NodeID, receiver: NodeID, signature: NodeID, body: NodeID) {
        let outer = function
        function = owner
        enclosingFunction[Int(owner.index)] = outer.index
        pushScope()
        declareFields(receiver, .receiver)
        if let type = tree.functionType(signature) {
            declareFields(type.typeParameters, .typeParameter)
            declareFields(type.parameters, .parameter)
            declareFields(type.results, .result)
        }
        if let block = tree.block(body) { resolveStatements(block.statements) }
        popScope()
        function = outer
    }

    private mutating func declareFields(_ fieldList: NodeID, _ kind: LocalDeclaration.Kind) {
        for id in tree.fields(ofList: fieldList) {
            guard let field = tree.field(id) else { continue }
            resolveExpression(field.type)
            for name in field.names {
                declare(name, kind, type: field.type, statement: id)
            }
        }
    }

    // MARK: - Statements

    private mutating func resolveStatements(_ list: NodeIDs) {
        for statement in list { resolveStatement(statement) }
    }

    private mutating func resolveBlock(_ block: NodeID) {
        guard block.exists else { return }
        enclosingFunction[Int(block.index)] = function.index
        pushScope()
        if let statements = tree.block(block)?.statements { resolveStatements(statements) } else { resolveStatement(block) }
        popScope()
    }

    private mutating func resolveStatement(_ statement: NodeID) {
        guard statement.exists else { return }
        enclosingFunction[Int(statement.index)] = function.index
        switch tree.kind(statement) {
        case .declStmt:
            guard let declaration = tree.declarationStatement(statement) else { return }
            resolveLocalDeclaration(declaration.declaration)
        case .assignStmt:
            guard let assign = tree.assign(statement) else { return }
            resolveAssignment(assign)
        case .rangeStmt:
            guard let loop = tree.range(statement) else { return }
            resolveExpression(loop.expression)
            pushScope()
            if loop.isDefine {
                declare(loop.key, .rangeKey, value: loop.expression, statement: statement)
                declare(loop.value, .rangeValue, value: loop.expression, statement: statement)
            } else {
                resolveExpression(loop.key)
                resolveExpression(loop.value)
            }
            resolveBlock(loop.body)
            popScope()
        case .forStmt:
            guard let loop = tree.forStatement(statement) else { return }
            pushScope()
            resolveStatement(loop.initializer)
            resolveExpression(loop.condition)
            resolveStatement(loop.post)
            resolveBlock(loop.body)
            popScope()
        case .ifStmt:
            // Each `if` opens a scope its else branch sees; an `else if`
            // chain, which may be thousands long, is followed in a loop.
            guard var branch = tree.ifStatement(statement) else { return }
            var scopes = 0
            while true {
                pushScope()
                scopes += 1
                resolveStatement(branch.initializer)
                resolveExpression(branch.condition)
                resolveBlock(branch.body)
                guard branch.elseBranch.exists, let next = tree.ifStatement(branch.elseBranch) else {
                    resolveBlock(branch.elseBranch)
                    break
                }
                enclosingFunction[Int(next.id.index)] = function.index
                branch = next
            }
            for _ in 0..<scopes { popScope() }
        case .switchStmt:
            guard let choice = tree.switchStatement(statement) else { return }
            pushScope()
            resolveStatement(choice.initializer)
            resolveExpression(choice.tag)
            resolveClauses(choice.body, binding: .none, guardStatement: .none)
            popScope()
        case .typeSwitchStmt:
            guard let choice = tree.typeSwitch(statement) else { return }
            pushScope()
            resolveStatement(choice.initializer)
            var binding = NodeID.none
            if let assign = tree.assign(choice.guard) {
                for value in assign.rhs { resolveExpression(value) }
                if let name = assign.lhs.single { binding = name }
                enclosingFunction[Int(choice.guard.index)] = function.index
            } else {
                resolveStatement(choice.guard)
            }
            resolveClauses(choice.body, binding: binding, guardStatement: choice.guard)
            popScope()
        case .selectStmt:
            guard let select = tree.selectStatement(statement) else { return }
            resolveClauses(select.body, binding: .none, guardStatement: .none)
        case .blockStmt:
            resolveBlock(statement)
        case .labeledStmt:
            guard let labeled = tree.labeled(statement) else { return }
            resolveStatement(labeled.statement)
        case .exprStmt:
            guard let expression = tree.expressionStatement(statement) else { return }
            resolveExpression(expression.expression)
        case .goStmt:
            guard let go = tree.goStatement(statement) else { return }
            resolveExpression(go.call)
        case .deferStmt:
            guard let deferred = tree.deferStatement(statement) else { return }
            resolveExpression(deferred.call)
        case .sendStmt:
            guard let send = tree.send(statement) else { return }
            resolveExpression(send.channel)
            resolveExpression(send.value)
        case .incDecStmt:
            guard let step = tree.incDec(statement) else { return }
            resolveExpression(step.operand)
        case .returnStmt:
            guard let result = tree.returnStatement(statement) else { return }
            for value in result.results { resolveExpression(value) }
        default:
            break
        }
    }

    /// Case and comm clauses: each is its own scope; a type switch's
    /// binding is declared anew in every clause, all pointing at the guard's name.
    private mutating func resolveClauses(_ body: NodeID, binding: NodeID, guardStatement: NodeID) {
        guard body.exists else { return }
        enclosingFunction[Int(body.index)] = function.index
        guard let block = tree.block(body) else { return }
        for clause in block.statements {
            enclosingFunction[Int(clause.index)] = function.index
            pushScope()
            if let caseClause = tree.caseClause(clause) {
                for expression in caseClause.expressions { resolveExpression(expression) }
                if binding.exists { redeclareBinding(binding, guardStatement) }
                resolveStatements(caseClause.body)
            } else if let commClause = tree.commClause(clause) {
                resolveStatement(commClause.communication)
                resolveStatements(commClause.body)
            }
            popScope()
        }
    }

    private mutating func redeclareBinding(_ binding: NodeID, _ guardStatement: NodeID) {
        if localSlot[Int(binding.index)] == 0 {
            declare(binding, .typeSwitchBinding, statement: guardStatement)
        } else if !isBlank(binding) {
            let node = tree[binding]
            scopes.declare(start: node.start, end: node.end, declaration: binding.index)
        }
    }

    private mutating func resolveAssignment(_ assign: AssignStatement) {
        for value in assign.rhs { resolveExpression(value) }
        guard assign.isDefine else {
            for target in assign.lhs { resolveExpression(target) }
            return
        }
        let names = assign.lhs
        let values = assign.rhs
        for (index, name) in names.enumerated() {
            guard tree.kind(name) == .ident else {
                resolveExpression(name)
                continue
            }
            if declaredInInnermostScope(name) {
                reference(name)
                continue
            }
            let (value, valueIndex) = values.count == names.count ? (values[index], 0) : (values.first ?? .none, index)
            declare(name, .variable, value: value, valueIndex: valueIndex, valueCount: names.count, statement: assign.id)
        }
    }

    private mutating func resolveLocalDeclaration(_ declaration: NodeID) {
        guard declaration.exists, let group = tree.genericDeclaration(declaration) else { return }
        for spec in group.specs {
            enclosingFunction[Int(spec.index)] = function.index
            if let valueSpec = tree.valueSpec(spec) {
                let names = valueSpec.names
                let values = valueSpec.values
                for value in values { resolveExpression(value) }
                resolveExpression(valueSpec.type)
                let kind: LocalDeclaration.Kind = group.keyword == .kwConst ? .constant : .variable
                for (index, name) in names.enumerated() {
                    let (value, valueIndex) = values.count == names.count ? (values[index], 0) : (values.first ?? .none, index)
                    declare(
                        name, kind, type: valueSpec.type, value: value, valueIndex: valueIndex, valueCount: names.count,
                        statement: spec)
                }
            } else if let typeSpec = tree.typeSpec(spec) {
                declare(typeSpec.name, .localType, statement: spec)
                resolveExpression(typeSpec.type)
            }
        }
    }

    // MARK: - Expressions

    /// Resolves every identifier reference in an expression (or type).
    /// Selected names, struct field keys and names declared in signatures
    /// and struct types are not references and are skipped.
    private mutating func resolveExpression(_ root: NodeID) {
        guard root.exists else { return }
        var stack: [NodeID] = [root]
        while let id = stack.popLast() {
            enclosingFunction[Int(id.index)] = function.index
            switch tree.kind(id) {
            case .ident:
                reference(id)
            case .selector:
                if let selector = tree.selector(id) { stack.append(selector.base) }
            case .funcLit:
                if let literal = tree.functionLiteral(id) {
                    resolveFunction(owner: id, receiver: .none, signature: literal.type, body: literal.body)
                }
            case .field:
                if let field = tree.field(id), field.type.exists { stack.append(field.type) }
            case .compositeLit:
                guard let literal = tree.compositeLiteral(id) else { continue }
                if literal.type.exists { stack.append(literal.type) }
                let keysAreFieldNames = isStructLike(literal.type)
                for element in literal.elements {
                    if let pair = tree.keyValue(element) {
                        enclosingFunction[Int(element.index)] = function.index
                        if !(keysAreFieldNames && tree.kind(pair.key) == .ident) { stack.append(pair.key) }
                        stack.append(pair.value)
                    } else {
                        stack.append(element)
                    }
                }
            default:
                tree.forEachChild(id) { stack.append($0) }
            }
        }
    }

    /// Whether a composite literal of this type has field-name keys: a
    /// struct type, or a named type (which is most often a struct). Map,
    /// slice and array literals have expression keys.
    private func isStructLike(_ type: NodeID) -> Bool {
        guard type.exists else { return false }
        switch tree.kind(type) {
        case .structType, .ident, .selector, .index, .indexList: return true
        default: return false
        }
    }
}
