import GoSyntax

/// Answers "what type does this expression have?" from what the source
/// says: declared types of locals, parameters, struct fields and package
/// variables, declared results of the package's functions and methods, and
/// the standard-library table. Returns nil whenever it cannot know.
public struct TypeOracle {
    public let package: AnalyzedPackage
    public let fileIndex: Int
    private static let maxDepth = 24

    public init(package: AnalyzedPackage, fileIndex: Int) {
        self.package = package
        self.fileIndex = fileIndex
    }

    var file: SourceFile { package.files[fileIndex] }

    /// The type of a single-valued expression.
    public func type(of expression: NodeID) -> GoType? { type(of: expression, in: fileIndex, depth: 0) }

    /// The result types of a call, if known.
    public func resultTypes(of call: NodeID) -> [GoType]? { resultTypes(of: call, in: fileIndex, depth: 0) }

    /// For `pkg.Name` in this file, the import path and name; nil if `pkg` is not an import.
    public func qualifiedName(_ expression: NodeID) -> (package: String, name: String)? {
        qualifiedName(expression, in: fileIndex)
    }

    // MARK: - Expressions

    func type(of expression: NodeID, in fileIndex: Int, depth: Int) -> GoType? {
        guard depth < TypeOracle.maxDepth, expression.exists else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        switch tree.kind(expression) {
        case .paren:
            guard let paren = tree.paren(expression) else { return nil }
            return type(of: paren.inner, in: fileIndex, depth: depth + 1)
        case .ident:
            if let local = source.resolution.local(for: expression) {
                return type(ofLocal: local, in: fileIndex, depth: depth + 1)
            }
            let name = tree.text(expression)
            if let site = package.scope.values[name] {
                return type(ofPackageValue: site, depth: depth + 1)
            }
            if package.scope.functions[name] != nil { return .function }
            for path in source.imports.dotImports {
                if let variable = StandardLibrary.variableType(package: path, name: name) { return variable }
            }
            return nil
        case .selector:
            if let (path, name) = qualifiedName(expression, in: fileIndex) {
                return StandardLibrary.variableType(package: path, name: name)
            }
            guard let selector = tree.selector(expression),
                let base = type(of: selector.base, in: fileIndex, depth: depth + 1)
            else { return nil }
            return fieldType(of: base.dereferenced, field: tree.text(selector.name), depth: depth + 1)
        case .call:
            guard let results = resultTypes(of: expression, in: fileIndex, depth: depth + 1), results.count >= 1 else { return nil }
            return results[0]
        case .unary:
            guard let unary = tree.unary(expression), unary.operator == .and,
                let base = type(of: unary.operand, in: fileIndex, depth: depth + 1)
            else { return nil }
            return .pointer(base)
        case .star:
            guard let star = tree.star(expression), let base = type(of: star.operand, in: fileIndex, depth: depth + 1),
                case .pointer(let pointee) = base
            else { return nil }
            return pointee
        case .compositeLit:
            guard let literal = tree.compositeLiteral(expression) else { return nil }
            return resolveTypeExpression(literal.type, in: fileIndex)
        case .typeAssert:
            guard let assertion = tree.typeAssertion(expression), assertion.type.exists else { return nil }
            return resolveTypeExpression(assertion.type, in: fileIndex)
        case .funcLit:
            return .function
        default:
            return nil
        }
    }

    func type(ofLocal local: LocalDeclaration, in fileIndex: Int, depth: Int) -> GoType? {
        if local.typeExpression.exists {
            return resolveTypeExpression(local.typeExpression, in: fileIndex)
        }
        switch local.kind {
        case .variable:
            return type(ofValue: local.value, index: local.valueIndex, count: local.valueCount, in: fileIndex, depth: depth)
        default:
            return nil
        }
    }

    /// The type of the `index`-th of `count` names initialised from `value`.
    func type(ofValue value: NodeID, index: Int, count: Int, in fileIndex: Int, depth: Int) -> GoType? {
        guard value.exists else { return nil }
        let tree = package.files[fileIndex].tree
        if count > 1 && tree.kind(value) == .call {
            guard let results = resultTypes(of: value, in: fileIndex, depth: depth + 1), index < results.count else { return nil }
            return results[index]
        }
        if count > 1 && index > 0 { return nil }  // `v, ok := m[k]` and friends
        return type(of: value, in: fileIndex, depth: depth + 1)
    }

    func type(ofPackageValue site: DeclarationSite, depth: Int) -> GoType? {
        let tree = package.files[site.file].tree
        guard let spec = tree.valueSpec(site.node) else { return nil }
        if spec.type.exists { return resolveTypeExpression(spec.type, in: site.file) }
        let values = spec.values
        let names = spec.names.count
        if values.count == names, site.nameIndex < values.count {
            return type(of: values[site.nameIndex], in: site.file, depth: depth + 1)
        }
        if values.count == 1 {
            return type(ofValue: values[0], index: site.nameIndex, count: names, in: site.file, depth: depth)
        }
        return nil
    }

    func fieldType(of base: GoType, field: String, depth: Int) -> GoType? {
        guard case .named(let path, let name) = base, path == PackageScope.localPath,
            let site = package.scope.types[name]
        else { return nil }
        let tree = package.files[site.file].tree
        var declaredType = tree.typeSpec(site.node)?.type ?? .none
        if let star = tree.star(declaredType) { declaredType = star.operand }
        guard declaredType.exists, let structType = tree.structType(declaredType) else { return nil }
        for id in structType.fields {
            guard let declared = tree.field(id) else { continue }
            for name in declared.names where tree.text(name) == field {
                return resolveTypeExpression(declared.type, in: site.file)
            }
        }
        return nil
    }

    /// The types embedded (fields without names) in one of the package's struct types.
    public func embeddedTypes(of type: GoType) -> [GoType] {
        guard case .named(let path, let name) = type.dereferenced, path == PackageScope.localPath,
            let site = package.scope.types[name]
        else { return [] }
        let tree = package.files[site.file].tree
        let declaredType = tree.typeSpec(site.node)?.type ?? .none
        guard declaredType.exists, let structType = tree.structType(declaredType) else { return [] }
        return structType.fields.compactMap { id in
            guard let field = tree.field(id), field.names.isEmpty else { return nil }
            return resolveTypeExpression(field.type, in: site.file)?.dereferenced
        }
    }

    // MARK: - Calls

    func resultTypes(of call: NodeID, in fileIndex: Int, depth: Int) -> [GoType]? {
        guard depth < TypeOracle.maxDepth else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        guard let call = tree.call(call) else { return nil }
        var function = tree.unparenthesized(call.function)
        if let instantiation = tree.index(function) {
            function = instantiation.base
        } else if let instantiation = tree.indexList(function) {
            function = instantiation.base
        }
        switch tree.kind(function) {
        case .ident:
            if source.resolution.local(for: function) != nil { return nil }
            let name = tree.text(function)
            if let site = package.scope.functions[name] { return declaredResults(site) }
            if package.scope.types[name] != nil { return [.named(package: PackageScope.localPath, name: name)] }
            if name == "new", let argument = call.arguments.first,
                let pointee = resolveTypeExpression(argument, in: fileIndex) {
                return [.pointer(pointee)]
            }
            for path in source.imports.dotImports {
                if let results = StandardLibrary.resultTypes(package: path, function: name) { return results }
            }
            return nil
        case .selector:
            if let (path, name) = qualifiedName(function, in: fileIndex) {
                return StandardLibrary.resultTypes(package: path, function: name)
            }
            guard let selector = tree.selector(function),
                let receiver = type(of: selector.base, in: fileIndex, depth: depth + 1)
            else { return nil }
            let method = tree.text(selector.name)
            if let results = StandardLibrary.resultTypes(receiver: receiver, method: method) { return results }
            if case .named(let path, let typeName) = receiver.dereferenced, path == PackageScope.localPath,
                let site = package.scope.methods[typeName]?[method] {
                return declaredResults(site)
            }
            return nil
        default:
            return nil
        }
    }

    /// The declared result types of one of the package's functions (unknown ones as `.other`).
    func declaredResults(_ site: DeclarationSite) -> [GoType] {
        let tree = package.files[site.file].tree
        guard let declaration = tree.functionDeclaration(site.node), let signature = tree.functionType(declaration.type),
            signature.results.exists
        else { return [] }
        var results: [GoType] = []
        for id in tree.fields(ofList: signature.results) {
            guard let field = tree.field(id) else { continue }
            let type = resolveTypeExpression(field.type, in: site.file) ?? .other
            for _ in 0..<max(1, field.names.count) { results.append(type) }
        }
        return results
    }

    // MARK: - Type expressions

    func qualifiedName(_ expression: NodeID, in fileIndex: Int) -> (package: String, name: String)? {
        let source = package.files[fileIndex]
        let tree = source.tree
        guard let selector = tree.selector(expression), let path = source.importPath(ofPackageName: selector.base) else {
            return nil
        }
        return (path, tree.text(selector.name))
    }

    /// The `GoType` a written type expression denotes.
    public func resolveTypeExpression(_ expression: NodeID, in fileIndex: Int) -> GoType? {
        guard expression.exists else { return nil }
        let source = package.files[fileIndex]
        let tree = source.tree
        switch tree.kind(expression) {
        case .ident:
            let name = tree.text(expression)
            if let local = source.resolution.local(for: expression) {
                return local.kind == .localType ? .named(package: PackageScope.localPath, name: name) : .other
            }
            if package.scope.types[name] != nil { return .named(package: PackageScope.localPath, name: name) }
            if name == "error" { return StandardLibrary.error }
            for path in source.imports.dotImports where StandardLibrary.methods[path + "." + name] != nil {
                return .named(package: path, name: name)
            }
            return .other
        case .selector:
            guard let (path, name) = qualifiedName(expression, in: fileIndex) else { return nil }
            return .named(package: path, name: name)
        case .star:
            guard let star = tree.star(expression), let base = resolveTypeExpression(star.operand, in: fileIndex) else {
                return nil
            }
            return .pointer(base)
        case .paren:
            return resolveTypeExpression(tree.paren(expression)?.inner ?? .none, in: fileIndex)
        case .index:
            return resolveTypeExpression(tree.index(expression)?.base ?? .none, in: fileIndex)
        case .indexList:
            return resolveTypeExpression(tree.indexList(expression)?.base ?? .none, in: fileIndex)
        case .chanType:
            return .channel(resolveTypeExpression(tree.channelType(expression)?.element ?? .none, in: fileIndex) ?? .other)
        case .funcType:
            return .function
        default:
            return .other
        }
    }
}
