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
        let file = tree[tree.root]
        guard file.kind == .file else { return }
        for declaration in tree.ids(file.listBC) {
            let decl = tree[declaration]
            switch decl.kind {
            case .funcDecl:
                resolveFunction(owner: declaration, receiver: decl.childA, signature: decl.childC, body: decl.childD)
            case .genDecl:
                // Package-level values may hold function literals.
                for spec in tree.ids(decl.listAB) {
                    let node = tree[spec]
                    if node.kind == .valueSpec {
                        for value in tree.ids(node.listDE) { resolveExpression(value) }
                        resolveExpression(node.childC)
                    } else if node.kind == .typeSpec {
                        resolveExpression(node.childC)
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func resolveFunction(owner: NodeID, receiver: NodeID, signature: NodeID, body: NodeID) {
        let outer = function
        function = owner
        enclosingFunction[Int(owner.index)] = outer.index
        pushScope()
        declareFields(receiver, .receiver)
        if signature.exists {
            let type = tree[signature]
            declareFields(type.childA, .typeParameter)
            declareFields(type.childB, .parameter)
            declareFields(type.childC, .result)
        }
        if body.exists { resolveStatements(tree[body].listAB) }
        popScope()
        function = outer
    }

    private mutating func declareFields(_ fieldList: NodeID, _ kind: LocalDeclaration.Kind) {
        guard fieldList.exists, tree.kind(fieldList) == .fieldList else { return }
        for field in tree.ids(tree[fieldList].listAB) {
            let node = tree[field]
            resolveExpression(node.childC)
            for name in tree.ids(node.listAB) {
                declare(name, kind, type: node.childC, statement: field)
            }
        }
    }

    // MARK: - Statements

    private mutating func resolveStatements(_ list: NodeList) {
        for statement in tree.ids(list) { resolveStatement(statement) }
    }

    private mutating func resolveBlock(_ block: NodeID) {
        guard block.exists else { return }
        enclosingFunction[Int(block.index)] = function.index
        pushScope()
        if tree.kind(block) == .blockStmt { resolveStatements(tree[block].listAB) } else { resolveStatement(block) }
        popScope()
    }

    private mutating func resolveStatement(_ statement: NodeID) {
        guard statement.exists else { return }
        enclosingFunction[Int(statement.index)] = function.index
        let node = tree[statement]
        switch node.kind {
        case .declStmt:
            resolveLocalDeclaration(node.childA)
        case .assignStmt:
            resolveAssignment(statement, node)
        case .rangeStmt:
            resolveExpression(node.childC)
            pushScope()
            if node.op == .define {
                declare(node.childA, .rangeKey, value: node.childC, statement: statement)
                declare(node.childB, .rangeValue, value: node.childC, statement: statement)
            } else {
                resolveExpression(node.childA)
                resolveExpression(node.childB)
            }
            resolveBlock(node.childD)
            popScope()
        case .forStmt:
            pushScope()
            resolveStatement(node.childA)
            resolveExpression(node.childB)
            resolveStatement(node.childC)
            resolveBlock(node.childD)
            popScope()
        case .ifStmt:
            // Each `if` opens a scope its else branch sees; an `else if`
            // chain, which may be thousands long, is followed in a loop.
            var branch = node
            var scopes = 0
            while true {
                pushScope()
                scopes += 1
                resolveStatement(branch.childA)
                resolveExpression(branch.childB)
                resolveBlock(branch.childC)
                guard branch.childD.exists, tree.kind(branch.childD) == .ifStmt else {
                    resolveBlock(branch.childD)
                    break
                }
                enclosingFunction[Int(branch.childD.index)] = function.index
                branch = tree[branch.childD]
            }
            for _ in 0..<scopes { popScope() }
        case .switchStmt:
            pushScope()
            resolveStatement(node.childA)
            resolveExpression(node.childB)
            resolveClauses(node.childC, binding: .none, guardStatement: .none)
            popScope()
        case .typeSwitchStmt:
            pushScope()
            resolveStatement(node.childA)
            var binding = NodeID.none
            let guardNode = tree[node.childB]
            if guardNode.kind == .assignStmt {
                for value in tree.ids(guardNode.listCD) { resolveExpression(value) }
                if guardNode.b == 1 { binding = tree.id(guardNode.listAB, 0) }
                enclosingFunction[Int(node.childB.index)] = function.index
            } else {
                resolveStatement(node.childB)
            }
            resolveClauses(node.childC, binding: binding, guardStatement: node.childB)
            popScope()
        case .selectStmt:
            resolveClauses(node.childA, binding: .none, guardStatement: .none)
        case .blockStmt:
            resolveBlock(statement)
        case .labeledStmt:
            resolveStatement(node.childB)
        case .exprStmt, .goStmt, .deferStmt:
            resolveExpression(node.childA)
        case .sendStmt:
            resolveExpression(node.childA)
            resolveExpression(node.childB)
        case .incDecStmt:
            resolveExpression(node.childA)
        case .returnStmt:
            for result in tree.ids(node.listAB) { resolveExpression(result) }
        default:
            break
        }
    }

    /// Case and comm clauses: each is its own scope; a type switch's
    /// binding is declared anew in every clause, all pointing at the guard's name.
    private mutating func resolveClauses(_ body: NodeID, binding: NodeID, guardStatement: NodeID) {
        guard body.exists else { return }
        enclosingFunction[Int(body.index)] = function.index
        for clause in tree.ids(tree[body].listAB) {
            let node = tree[clause]
            enclosingFunction[Int(clause.index)] = function.index
            pushScope()
            if node.kind == .caseClause {
                for expression in tree.ids(node.listAB) { resolveExpression(expression) }
                if binding.exists { redeclareBinding(binding, guardStatement) }
                resolveStatements(node.listCD)
            } else if node.kind == .commClause {
                resolveStatement(node.childA)
                resolveStatements(node.listBC)
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

    private mutating func resolveAssignment(_ statement: NodeID, _ node: Node) {
        for value in tree.ids(node.listCD) { resolveExpression(value) }
        guard node.op == .define else {
            for target in tree.ids(node.listAB) { resolveExpression(target) }
            return
        }
        let names = Array(tree.ids(node.listAB))
        let values = Array(tree.ids(node.listCD))
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
            declare(name, .variable, value: value, valueIndex: valueIndex, valueCount: names.count, statement: statement)
        }
    }

    private mutating func resolveLocalDeclaration(_ declaration: NodeID) {
        guard declaration.exists, tree.kind(declaration) == .genDecl else { return }
        let decl = tree[declaration]
        for spec in tree.ids(decl.listAB) {
            let node = tree[spec]
            enclosingFunction[Int(spec.index)] = function.index
            switch node.kind {
            case .valueSpec:
                for value in tree.ids(node.listDE) { resolveExpression(value) }
                resolveExpression(node.childC)
                let names = Array(tree.ids(node.listAB))
                let values = Array(tree.ids(node.listDE))
                let kind: LocalDeclaration.Kind = decl.op == .kwConst ? .constant : .variable
                for (index, name) in names.enumerated() {
                    let (value, valueIndex) = values.count == names.count ? (values[index], 0) : (values.first ?? .none, index)
                    declare(name, kind, type: node.childC, value: value, valueIndex: valueIndex, valueCount: names.count, statement: spec)
                }
            case .typeSpec:
                declare(node.childA, .localType, statement: spec)
                resolveExpression(node.childC)
            default:
                break
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
            let node = tree[id]
            enclosingFunction[Int(id.index)] = function.index
            switch node.kind {
            case .ident:
                reference(id)
            case .selector:
                stack.append(node.childA)
            case .funcLit:
                resolveFunction(owner: id, receiver: .none, signature: node.childA, body: node.childB)
            case .field:
                if node.childC.exists { stack.append(node.childC) }
            case .compositeLit:
                if node.childA.exists { stack.append(node.childA) }
                let keysAreFieldNames = isStructLike(node.childA)
                for element in tree.ids(node.listBC) {
                    let elementNode = tree[element]
                    if elementNode.kind == .keyValue {
                        enclosingFunction[Int(element.index)] = function.index
                        if !(keysAreFieldNames && tree.kind(elementNode.childA) == .ident) { stack.append(elementNode.childA) }
                        stack.append(elementNode.childB)
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
